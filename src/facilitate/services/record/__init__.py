"""What the record says: minutes, their approval, the series record, "you said, we did"."""
