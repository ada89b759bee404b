"""The terminal app (Textual). Screens call services; nothing here speaks SQL."""
