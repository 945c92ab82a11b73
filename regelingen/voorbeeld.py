"""The answers of one example household to the check, step by step: a single
parent (35) with two children (7 and 12), net 1,650 a month, renting at 750 (the second example
of tests/regelingen/voorbeelden.json). Used by the tests, the soak test and the HTTP
benchmark, so all walk the same flow; change it here when a question changes."""

ALLEENSTAANDE_OUDER: list[tuple[str, dict[str, str]]] = [
    ("woonplaats", {"woont_in_gemeente": "ja"}),
    ("ontvangt", {}),  # "Wat krijgt u al?": nothing ticked
    ("samenwonen", {"partner": "nee"}),
    ("leeftijd", {"leeftijd": "35"}),
    ("kinderen", {"heeft_kinderen": "ja"}),
    ("leeftijd-kinderen", {"leeftijden": "7, 12"}),
    ("inkomen", {"netto_inkomen": "1650"}),
    ("spaargeld", {"vermogen": "3000"}),
    ("laag-inkomen", {"jaren_laag_inkomen": "4"}),
    ("studie", {"student": "nee"}),
    ("vaste-lasten", {"vaste_lasten": "1100"}),  # asked because the Voedselbank (leefgeld test) is active
    ("woning", {"huurt": "ja"}),
    ("huur", {"huur": "750"}),
]
