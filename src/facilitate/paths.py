"""Where facilitate keeps its files. `FACILITATE_HOME` overrides the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "FACILITATE_HOME"


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    # Imported here so commands that never need it do not pay for it at start-up.
    from platformdirs import user_data_dir

    return Path(user_data_dir("facilitate", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "facilitate.db"


def user_templates_dir() -> Path:
    """The user's own agenda templates; same-named files override the shipped ones."""
    return data_dir() / "agendas"


def keymap_path() -> Path:
    """The user's own keys (see docs/room-and-line-mode.md), read when the app starts."""
    return data_dir() / "keymap.toml"


def settings_path() -> Path:
    """The person's own settings (the theme chosen in the palette), kept across restarts."""
    return data_dir() / "settings.toml"
