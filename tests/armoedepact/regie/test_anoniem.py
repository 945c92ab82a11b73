"""Issue 15: no count under 5 anywhere in /beheer/, and no total that reveals a
hidden cell (a month total minus the shown cells of a row)."""

import csv
import io
import re

import pytest
from django.utils import timezone

from regelingen.models import CheckTelling, Regeling
from sociale_kaart import services as kaart_services
from sociale_kaart.models import Synoniem, ZoektermZonderResultaat

pytestmark = pytest.mark.django_db


@pytest.fixture
def tellingen(regelingen_demo):
    maand = timezone.localdate().replace(day=1)
    kindpakket = Regeling.objects.get(slug="kindpakket")
    sport = Regeling.objects.exclude(slug="kindpakket").order_by("naam").first()
    # 8 checks this month: kindpakket 6 ja and 2 nee; sportfonds 3 ja, 5 misschien, 0 nee.
    CheckTelling.objects.create(regeling=kindpakket, maand=maand, ja=6, misschien=0, nee=2)
    CheckTelling.objects.create(regeling=sport, maand=maand, ja=3, misschien=5, nee=0)
    return maand


def _getal(cel: str) -> int | None:
    return int(cel) if cel.strip().isdigit() else None


def _geen_verborgen_cel_te_berekenen(totaal: int | None, cellen: list[str]) -> None:
    verborgen = [c for c in cellen if _getal(c) is None]
    if totaal is None or not verborgen:
        return
    rest = totaal - sum(_getal(c) for c in cellen if _getal(c) is not None)
    # What the hidden cells add up to is 0 or at least 5: never a small count, never one exact cell.
    assert rest >= 5, (totaal, cellen)


def test_the_bereik_page_reveals_no_hidden_cell_through_the_month_total(admin_client, tellingen):
    html = admin_client.get("/beheer/regie/bereik/").content.decode()
    assert "<td>8</td>" in html  # the month total is shown
    for naam in CheckTelling.objects.values_list("regeling__naam", flat=True):
        rij = re.search(rf'<th scope="row">{naam}</th>(.*?)</tr>', html, re.S).group(1)
        cellen = re.findall(r"<td>([^<]*)</td>", rij)
        _geen_verborgen_cel_te_berekenen(8, cellen)


def test_the_csv_reveals_no_hidden_cell_through_the_month_total(admin_client, tellingen):
    response = admin_client.get("/beheer/regie/bereik.csv")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    totaal = _getal([r for r in rijen if r[0] == "checks"][0][-1])
    for rij in (r for r in rijen if r[0] == "regeling"):
        _geen_verborgen_cel_te_berekenen(totaal, rij[3:6])


def _cellen(html: str) -> list[str]:
    return re.findall(r'<td class="field-[a-z_]+">([^<]*)</td>', html)


def test_the_admin_list_of_check_counts_shows_no_count_below_5(admin_client, tellingen):
    html = admin_client.get("/beheer/regelingen/checktelling/").content.decode()
    cellen = _cellen(html)
    assert cellen
    for cel in cellen:
        getal = _getal(cel)
        assert getal is None or getal >= 5, cel
    # The detail page shows no exact numbers either.
    telling = CheckTelling.objects.get(ja=3)
    detail = admin_client.get(f"/beheer/regelingen/checktelling/{telling.pk}/change/", follow=True)
    assert not re.search(r">\s*3\s*<", detail.content.decode())


def test_the_admin_list_of_searches_without_result_shows_no_count_below_5(admin_client, db):
    Synoniem.objects.create(woord="zwemles", zoekt_ook="zwemmen kledingbank")  # kept words are lexicon words
    for _ in range(2):
        kaart_services.zoekterm_zonder_resultaat_tellen(zoekterm="zwemles")
    for _ in range(6):
        kaart_services.zoekterm_zonder_resultaat_tellen(zoekterm="kledingbank")
    html = admin_client.get("/beheer/sociale_kaart/zoektermzonderresultaat/").content.decode()
    assert "kledingbank" in html and "zwemles" in html
    for cel in _cellen(html):
        getal = _getal(cel)
        assert getal is None or getal >= 5, cel
    rij = ZoektermZonderResultaat.objects.get(zoekterm="zwemles")
    detail = admin_client.get(f"/beheer/sociale_kaart/zoektermzonderresultaat/{rij.pk}/change/", follow=True)
    assert not re.search(r">\s*2\s*<", detail.content.decode())
