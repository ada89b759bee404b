"""Who is in the partnership: organizations, people, bodies and who is in the room."""
