"""Services: the product logic, shared by the TUI and the CLI. No Textual here."""
