"""Floor 0: shared building blocks that import no app of the portal.

Request address and rate limits, the page cache, middleware, the one PDF
renderer, the import/export base and small helpers. Nothing here imports
sociale_kaart, regelingen, werkgroepen or armoedepact.
"""
