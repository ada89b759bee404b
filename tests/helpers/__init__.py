"""Shared helpers for the live-meeting tests, and the subprocess worker they run."""
