"""Every schema migration this version of facilitate knows, by name, in order: readable without
loading sqlite-utils, so that opening an up-to-date file (what every command does) loads no
migration code. `migrations.py` registers the migrations themselves under these same names;
tests/test_store_open_path.py fails until a new one is added here too."""

from __future__ import annotations

# sqlite-utils' name for the set of migrations an application applies, in `_sqlite_migrations`.
MIGRATION_SET = "facilitate"

MIGRATION_NAMES: tuple[str, ...] = (
    "0001_record",
    "0002_search",
    "0003_follow_through",
    "0004_set_up",
    "0005_fixed_width_times",
    "0006_decisions_as_decided",
    "0007_two_laptops",
    "0008_minutes_partners_forward",
    "0009_approval_as_it_happened",
    "0010_sharing_agreements",
    "0011_minutes_as_boards_keep_them",
    "0012_protocol_and_tiers",
    "0013_loop_boards_agenda_out",
    "0014_roll_call_votes",
    "0015_paused_items",
    "0016_table_versions",
)
