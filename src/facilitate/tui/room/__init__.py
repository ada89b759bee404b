"""The room view: the live meeting read-only and large, for a projector, a second screen or a
browser (`facilitate room`, `facilitate room --serve`)."""
