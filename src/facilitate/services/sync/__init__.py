"""Two laptops, one record: exchanging changes by file and merging them by readable rules.

`outgoing.export_changes` writes a changeset file, `incoming.import_file` applies one and
`incoming.merge_database` merges another laptop's database file; `rules` says how every record
is decided and `report` what a merge did. The SQLite session extension does the mechanics
(`store.changesets`). See docs/sync.md.
"""
