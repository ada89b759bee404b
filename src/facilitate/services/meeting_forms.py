"""How a person may name a meeting, said once for the resolver's messages (services/lookup.py)
and every command's help (cli/common.py). Imports nothing, so `facilitate --help` stays light."""

from __future__ import annotations

MEETING_FORMS = (
    "an id or its first characters, a date (2026-12-01, 12/1, dec 1, today, fri), words of "
    "its title or series, or a date and words (12/1 steering)"
)
