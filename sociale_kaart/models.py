"""Models of sociale_kaart."""
