"""The public search of the sociale kaart (/hulp/ and /hulp/kaart/).

tekst: the search text, its words, synonyms and tsquery. filters: the FilterSet,
its choices and the cleaned parameters. afstand: distances and postcodes.
ranking: result order and capped paging. resultaten: the search itself.
plekken: map pins (also for detail pages). kaart: the map search."""
