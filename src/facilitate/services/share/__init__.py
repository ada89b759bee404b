"""What leaves the file: exports to disk, packets and the sharing log."""
