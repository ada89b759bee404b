"""Line mode: capture into a meeting a line at a time, for screen readers, braille displays,
slow remote links and scripts (`facilitate capture`). Plain print and input, no full-screen
redraws, and the same services as the app."""
