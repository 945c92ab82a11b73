"""Models of werkgroepen."""
