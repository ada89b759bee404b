"""One e-mail check for the roster, the import, the settings and the packets."""

from __future__ import annotations

import pytest

from facilitate.services.email_address import is_email_address
from facilitate.services.people.roster import RosterError, clean_email


@pytest.mark.parametrize(
    "text", ["maria@agency.org", "m.lopez+court@cfs.example.org", "  jo@x.io  "]
)
def test_addresses_a_mail_program_takes(text: str) -> None:
    assert is_email_address(text)
    assert clean_email(text) == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "maria@agency",  # the roster took it and the packet dropped it: now neither does
        "a,b@x.org",
        "two@x.org three@y.org",
        "maria@@x.org",
        "@x.org",
        "maria@.org",
        "maria@x.org.",
        "Maria Lopez",
    ],
)
def test_what_no_draft_could_be_sent_to_is_refused_everywhere(text: str) -> None:
    assert not is_email_address(text)
    with pytest.raises(RosterError, match="does not look like an address"):
        clean_email(text)
