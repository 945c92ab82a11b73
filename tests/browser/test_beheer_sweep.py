"""Issue 20, "the admin for everyone": the coordinator (password + second factor)
walks every /beheer/ page she reaches from the start page, breadth-first, and
axe-core (WCAG 2.1 A/AA) finds nothing at 1280 px. The pages she uses daily also
fit a 375 px phone without sideways scrolling, with axe 0 there too.

One page per kind is checked: a changelist, an add page and a change page per
model, the versions of each model with history, and the custom pages (bereik,
wie deed wat, jaaroverzicht, testgevallen...). Log-out, delete confirmations,
downloads and the public site are skipped."""

import json
import re
import sys
import time
from collections import deque
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import QueryDict
from simple_history.models import registered_models

from armoedepact.demo import COORDINATOR
from armoedepact.partner.forms import OrganisatieForm
from armoedepact.partner.services import organisatie_opslaan
from sociale_kaart.models import Organisatie, Status
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import WCAG_TAGS, _axe_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Counted on 3 December 2026 (demo data, superuser coordinator): 128 kinds of page.
# Fewer means the sweep lost its way (a broken link, a log-in that failed).
MINIMUM_PAGINAS = 120

OVERSLAAN = re.compile(
    r"/(logout|delete|r|tweestaps|app-instellen|login|qrcode)/|\.(csv|pdf|xlsx|json|zip)$|/jsi18n/|/autocomplete/"
)
DAGELIJKS = [
    "/beheer/",
    "/beheer/armoedepact/revisie/",
    "revisie-wijzigen",
    "/beheer/regie/bereik/",
    "/beheer/sociale_kaart/aanbod/",
    "/beheer/sociale_kaart/organisatie/",
]


def _met_geschiedenis() -> set[str]:
    return {f"{m._meta.app_label}/{m._meta.model_name}" for m in registered_models.values()}


def _soort(path: str, geschiedenis: set[str]) -> str:
    """One page per kind: ids become <id>; Django's plain history page and the
    app index pages look the same for every model, so they count once."""
    soort = re.sub(r"/\d+/", "/<id>/", re.sub(r"/\d+/", "/<id>/", path))
    delen = soort.strip("/").split("/")
    if len(delen) == 2:  # /beheer/<app>/
        return "/beheer/<app>/"
    if soort.endswith("/<id>/history/") and "/".join(delen[1:3]) not in geschiedenis:
        return "/beheer/<app>/<model>/<id>/history/"
    return soort


@pytest.fixture
def coordinator_pagina(page):
    """The demo (the coordinator, her second factor, every kind of row) plus one
    partner change that waits for her approval; logged in at /beheer/."""
    call_command("load_demo", stdout=StringIO())
    partner = get_user_model().objects.create_user(username="partner@voorbeeld.nl", password="x" * 20)
    org = Organisatie.objects.filter(status=Status.GEPUBLICEERD).order_by("naam").first()
    data = QueryDict(mutable=True)
    data.update({"naam": org.naam, "korte_omschrijving": "Vrijwilligers helpen u met uw post en uw geld."})
    form = OrganisatieForm(data=data, instance=org)
    assert form.is_valid(), form.errors
    assert organisatie_opslaan(form=form, door=partner) is not None
    # axe once per browser context, before any page script (the CSP blocks added script tags).
    page.context.add_init_script(script=_axe_source())
    _, email, wachtwoord = COORDINATOR
    beheer_inloggen(page, email, wachtwoord)
    page.wait_for_url("**/beheer/")
    return page


def _overtredingen(page) -> list[dict]:
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"][:3]], "html": v["nodes"][0]["html"][:160]}
        for v in result["violations"]
    ]


# English that Django's packages leave in /beheer/ when nobody gives it Dutch
# (locale/nl/, armoedepact/regie/nederlands.py). Read from what a person sees and
# what a screen reader says: the page's text and its alt, title, aria-label, placeholder.
ENGELS = re.compile(
    r"Select an option|Filter by|Pagination|Select all|This exporter|TOTP|Access Log|Attempt Time|"
    r"Logout|Revert|Change history|History|Can (add|change|delete|view) |Search by|Choose a date|"
    r"Today|Yesterday|Tomorrow|\b(True|False|None)\b"
)


def _engels(page) -> list[str]:
    teksten = page.evaluate(
        """() => [document.body.innerText, ...Array.from(
            document.querySelectorAll('[alt], [title], [aria-label], [placeholder]'),
            e => [e.alt, e.title, e.getAttribute('aria-label'), e.placeholder].filter(Boolean).join(' '))]"""
    )
    return sorted({m.group(0) for tekst in teksten for m in ENGELS.finditer(tekst)})


def _links(page, host: str) -> list[str]:
    paden = []
    for href in page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"):
        deel = urlsplit(href)
        if deel.netloc == host and deel.path.startswith("/beheer/") and not OVERSLAAN.search(deel.path):
            paden.append(deel.path)
    return paden


def test_every_admin_page_the_coordinator_reaches_passes_axe(coordinator_pagina, live_server):
    page = coordinator_pagina
    host = urlsplit(live_server.url).netloc
    geschiedenis = _met_geschiedenis()
    gezien = {_soort("/beheer/", geschiedenis)}
    rij = deque(["/beheer/"])
    gecontroleerd, fouten, niet_gevonden = [], {}, []
    begin = time.monotonic()
    while rij:
        path = rij.popleft()
        antwoord = page.goto(path, wait_until="load")
        if antwoord is None or antwoord.status != 200:
            niet_gevonden.append((path, antwoord.status if antwoord else None))
            continue
        gecontroleerd.append(path)
        if overtredingen := _overtredingen(page):
            fouten[path] = overtredingen
        if engels := _engels(page):
            fouten[path] = [*fouten.get(path, []), {"engels": engels}]
        for link in _links(page, host):
            soort = _soort(link, geschiedenis)
            if soort not in gezien:
                gezien.add(soort)
                rij.append(link)
    duur = time.monotonic() - begin
    print(f"\nBeheer-sweep: {len(gecontroleerd)} pagina's gecontroleerd in {duur:.0f} s.", file=sys.stderr)
    assert not niet_gevonden, niet_gevonden
    assert not fouten, json.dumps(fouten, indent=1)
    assert len(gecontroleerd) >= MINIMUM_PAGINAS, f"only {len(gecontroleerd)} pages reached: {gecontroleerd}"
    # The pages the issue names are among them.
    for deel in ("/beheer/regie/bereik/", "/beheer/regie/wie-deed-wat/", "/beheer/regie/jaaroverzicht/", "/history/"):
        assert any(deel in p for p in gecontroleerd), deel
    for model in ("aanbod", "organisatie", "regeling", "actiepunt", "werkgroep", "agendabijdrage"):
        assert any(re.search(rf"/{model}/\d+/change/$", p) for p in gecontroleerd), model


def test_daily_pages_fit_a_phone_without_sideways_scrolling(coordinator_pagina):
    from armoedepact.models import Revisie

    page = coordinator_pagina
    page.set_viewport_size({"width": 375, "height": 800})
    revisie = Revisie.objects.get()
    for path in DAGELIJKS:
        if path == "revisie-wijzigen":
            path = f"/beheer/armoedepact/revisie/{revisie.pk}/change/"
        assert page.goto(path, wait_until="load").status == 200, path
        breedte = page.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 375, f"{path} is {breedte}px wide at a 375px phone"
        assert _overtredingen(page) == [], path
