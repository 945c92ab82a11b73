"""Models of regelingen."""
