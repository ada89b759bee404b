"""Shared leadership: fair rotation of meeting roles and the ground rules as agreed."""
