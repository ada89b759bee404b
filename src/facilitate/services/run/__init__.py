"""In the room: the live meeting, capture, attendance, corrections, follow-through, closing."""
