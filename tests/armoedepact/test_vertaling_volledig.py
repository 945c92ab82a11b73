"""Every fixed text of the resident pages is translated (issue 18).

Two checks that fail when a text is missing:
- every entry of every catalogue has a translation (not empty, not fuzzy), and every
  {% translate "..." %} on a resident template is in every catalogue;
- a crawl of the resident pages under /en/ finds no Dutch words in the visible text
  (text, <title>, aria-label), outside content that is marked lang="nl" because it
  has no translation yet. The content in this test is translated, so only fixed
  text can be Dutch.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from tests.sociale_kaart.factories import (
    AanbodFactory,
    KernFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    ThemaFactory,
)

LOCALE = Path(settings.BASE_DIR) / "locale"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
TALEN = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Templates residents never see: the partner portal, /beheer/, e-mails to partners.
NIET_VOOR_INWONERS = ("partner", "regie", "admin", "berichten", "nlds")
# The coordinator's yearly overview of the pact (a PDF in /beheer/) stays Dutch (see docs/talen.md).
NOG_NEDERLANDS = ("werkgroepen/jaaroverzicht_pdf.html", "werkgroepen/_jaar_*_pdf.html")

# Frequent Dutch words that are not English words: one of them in English text means
# a fixed text was not translated.
NEDERLANDSE_WOORDEN = {
    "het", "een", "van", "niet", "uw", "wij", "voor", "naar", "bij", "ook", "deze", "dit",
    "wat", "kunt", "heeft", "zijn", "geen", "alleen", "hulp", "gemeente", "pagina", "zoeken",
    "kies", "bel", "u", "de", "en", "op", "met", "er", "dan", "waar", "wie", "hoe", "kaart",
    "plekken", "woont", "vorige", "volgende", "kosten", "afstand", "gekozen", "leeftijd",
    "jaar", "tot", "wanneer", "talen", "onderwerp", "toegankelijkheid", "heel", "dichtstbij",
}  # fmt: skip


def _catalogus(taal):
    with (LOCALE / taal / "LC_MESSAGES" / "django.po").open("rb") as bron:
        return read_po(bron, locale=taal)


@pytest.mark.parametrize("taal", TALEN)
def test_every_catalogue_entry_is_translated(taal):
    leeg = [
        m.id
        for m in _catalogus(taal)
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert leeg == [], f"{taal}: {len(leeg)} texts without a translation, e.g. {leeg[:3]}"


def _vaste_teksten_op_inwonerpaginas() -> set[str]:
    teksten = set()
    for pad in TEMPLATES.rglob("*.html"):
        relatief = pad.relative_to(TEMPLATES)
        if relatief.parts[0] in NIET_VOOR_INWONERS or any(relatief.match(patroon) for patroon in NOG_NEDERLANDS):
            continue
        bron = pad.read_text()
        for tekst in re.findall(r'{%\s*translate\s+"([^"]+)"(?![^%]*context)', bron):
            teksten.add(tekst)
        for tekst in re.findall(r"{%\s*translate\s+'([^']+)'(?![^%]*context)", bron):
            teksten.add(tekst)
    return teksten


@pytest.mark.parametrize("taal", TALEN)
def test_every_fixed_text_of_the_resident_templates_is_in_the_catalogue(taal):
    teksten = _vaste_teksten_op_inwonerpaginas()
    assert len(teksten) > 150  # the extraction itself works
    catalogus = _catalogus(taal)
    ontbreekt = sorted(t for t in teksten if not (catalogus.get(t) and catalogus.get(t).string))
    assert ontbreekt == [], f"{taal}: not translated: {ontbreekt}"


class _ZichtbareTekst(HTMLParser):
    """Visible text, <title> and aria-labels, leaving out elements marked lang="nl"."""

    LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    OVERSLAAN = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stapel: list[tuple[str, bool]] = []
        self.stukken: list[str] = []

    def _nederlands(self) -> bool:
        return any(nl for _, nl in self.stapel)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        nl = (
            (tag != "html" and attrs.get("lang") == "nl")
            or tag in self.OVERSLAAN
            or "taalkeuze" in (attrs.get("class") or "")
        )
        if not nl and not self._nederlands() and attrs.get("aria-label"):
            self.stukken.append(attrs["aria-label"])
        if tag not in self.LEEG:
            self.stapel.append((tag, nl))

    def handle_endtag(self, tag):
        for i in range(len(self.stapel) - 1, -1, -1):
            if self.stapel[i][0] == tag:
                del self.stapel[i:]
                break

    def handle_data(self, data):
        if not self._nederlands() and data.strip():
            self.stukken.append(data)


def _nederlandse_woorden(html: str) -> set[str]:
    parser = _ZichtbareTekst()
    parser.feed(html)
    woorden = set(re.findall(r"[a-zà-ÿ]+", " ".join(parser.stukken).lower()))
    return woorden & NEDERLANDSE_WOORDEN


@pytest.fixture
def vertaalde_inhoud(db):
    """Content with English translations, so only fixed text can show Dutch."""
    kern = KernFactory(naam="Alfa", latitude=53.2, longitude=6.3)
    thema = ThemaFactory(naam="Geld", slug="geld", vertalingen={"en": {"naam": "Money"}})
    organisatie = OrganisatieFactory(
        naam="Stichting Hulp",
        slug="stichting-hulp",
        korte_omschrijving="Wij helpen.",
        pactpartner=True,
        email="info@alfa.example",
        website="https://alfa.example",
        ontvangt_verzoeken=True,  # so the offer shows "Laat mij bellen" and /bellen/ opens
        vertalingen={"en": {"naam": "Help Foundation", "korte_omschrijving": "We help."}},
    )
    LocatieFactory(
        organisatie=organisatie, naam="Alfa house", straat="Main street 1", plaats="Alfa", latitude=53.2, longitude=6.3
    )
    aanbod = AanbodFactory(
        organisatie=organisatie,
        titel="Hulp bij geld",
        slug="hulp-bij-geld",
        wat_u_krijgt="U krijgt advies.",
        voor_wie="Voor iedereen.",
        min_leeftijd=18,
        themas=[thema],
        kernen=[kern],
        vertalingen={
            "en": {"titel": "Help with money", "wat_u_krijgt": "You get advice.", "voor_wie": "For everyone."}
        },
    )
    OpeningstijdFactory(aanbod=aanbod)
    return aanbod


RESIDENT_PAGES = [
    "/en/",
    "/en/privacy/",
    "/en/toegankelijkheid/",
    "/en/hulp/",
    "/en/hulp/?q=money",
    "/en/hulp/?q=qqqqzzzz",
    "/en/hulp/?thema=geld&kern=alfa&gratis=on&open=maandag",
    "/en/hulp/?postcode=12",
    "/en/hulp/kaart/",
    "/en/hulp/kaart/?q=qqqqzzzz",
    "/en/hulp/hulp-bij-geld/",
    "/en/organisatie/stichting-hulp/",
    "/en/deze-pagina-bestaat-niet/",
    "/en/check/",
    "/en/bellen/hulp-bij-geld/",
]


@pytest.mark.parametrize("pad", RESIDENT_PAGES)
def test_resident_page_in_english_shows_no_dutch_fixed_text(client, vertaalde_inhoud, regelingen_demo, pad):
    response = client.get(pad)
    assert response.status_code in (200, 404)
    assert _nederlandse_woorden(response.content.decode()) == set(), pad


def test_the_crawl_sees_dutch_when_a_text_is_not_translated(client, vertaalde_inhoud):
    """The check above is not blind: the Dutch page of the same offer is full of Dutch words."""
    assert {"hulp", "voor"} <= _nederlandse_woorden(client.get("/hulp/hulp-bij-geld/").content.decode())


def test_every_question_of_the_check_and_its_error_in_english_shows_no_dutch(client, regelingen_demo):
    """The whole check in English, also the questions about fixed costs, renting and the
    rent (with their "I do not know" choices) and the message for an empty answer."""
    from regelingen.voorbeeld import ALLEENSTAANDE_OUDER

    for stap, data in ALLEENSTAANDE_OUDER:
        vraag = client.get(f"/en/check/{stap}/")
        assert vraag.status_code == 200, stap
        assert _nederlandse_woorden(vraag.content.decode()) == set(), stap
        if stap in ("vaste-lasten", "huur"):
            fout = client.post(f"/en/check/{stap}/", {})
            assert "Enter an amount" in fout.content.decode()
            assert _nederlandse_woorden(fout.content.decode()) == set(), stap
        assert client.post(f"/en/check/{stap}/", data).status_code == 302, stap
    assert _nederlandse_woorden(client.get("/en/check/controleren/").content.decode()) == set()


def test_the_staff_only_yearly_overview_is_the_only_pact_template_left_out():
    pact = {p.name for p in (TEMPLATES / "werkgroepen").glob("*.html")}
    uitgesloten = {p for p in pact if any(Path("werkgroepen", p).match(patroon) for patroon in NOG_NEDERLANDS)}
    assert uitgesloten == {
        "jaaroverzicht_pdf.html",
        "_jaar_bijeenkomsten_pdf.html",
        "_jaar_indicatoren_pdf.html",
        "_jaar_voortgang_pdf.html",
    }


@pytest.fixture
def pact_met_alles(db):
    """The pact demo (Dutch content only) with every block a pact page can show: a goal
    with action points, a period, a progress update with a status, a group of the whole
    pact, a meeting that is over with a draft report, attendance and a theme table."""
    from datetime import date, timedelta
    from io import StringIO

    from django.utils import timezone

    from werkgroepen import demo
    from werkgroepen.models import (
        Actiepunt,
        Ambassadeurschap,
        Bijeenkomst,
        Doel,
        Thematafel,
        Voortgang,
        Werkgroep,
    )

    demo.load(stdout=StringIO())
    vandaag = timezone.localdate()
    actiepunt = Actiepunt.objects.filter(pijler__slug="netwerk").first()
    doel = Doel.objects.create(pijler=actiepunt.pijler, titel="Iedereen kent de sociale kaart")
    actiepunt.doel = doel
    actiepunt.periode_van = date(vandaag.year, 1, 1)
    actiepunt.periode_tot = date(vandaag.year, 12, 31)
    actiepunt.save()
    Voortgang.objects.create(
        actiepunt=actiepunt, datum=vandaag, tekst="De kaart is klaar.", percentage=75, status_na="bezig"
    )
    klankbord = Werkgroep.objects.create(naam="Klankbordgroep inwoners", soort="klankbordgroep")
    Ambassadeurschap.objects.create(
        werkgroep=klankbord,
        naam="Jan de Vries",
        rol="voorzitter",
        organisatie=actiepunt.trekker or Actiepunt.objects.exclude(trekker=None).first().trekker,
        termijn_start=date(vandaag.year - 1, 1, 1),
        termijn_eind=date(vandaag.year + 1, 12, 31),
    )
    geweest = Bijeenkomst.objects.get(titel="Pactbijeenkomst: terugblik en plannen")
    geweest.verslag_status = "reacties"
    geweest.reageren_tot = vandaag + timedelta(days=7)
    geweest.aantal_aanwezigen = 28
    geweest.save()
    geweest.aanwezige_organisaties.set(
        Bijeenkomst.objects.exclude(gastorganisatie=None).values_list("gastorganisatie", flat=True)
    )
    geweest.besproken_actiepunten.add(actiepunt)
    tafel = Thematafel.objects.create(
        bijeenkomst=geweest,
        titel="Geld en schulden",
        samenvatting="We praatten over schulden.",
        prioriteiten="Sneller hulp",
        ideeen="Een spreekuur in de bibliotheek",
        vragen="Wie betaalt het?",
        acties="Een proef met een spreekuur",
    )
    ander = Actiepunt.objects.filter(pijler__slug="netwerk").exclude(pk=actiepunt.pk).first()
    ander.thematafel = tafel
    ander.save()
    return geweest


PACT_PAGES = [
    "/en/pact/",
    "/en/pact/pijlers/netwerk/",
    "/en/pact/pijlers/meedoen/",
    "/en/pact/partners/",
    "/en/pact/bijeenkomsten/",
    "/en/pact/agenda/",
    "/en/pact/aansluiten/",
    "/en/pact/aansluiten/bedankt/",
]


def _woorden(tekst: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", tekst.lower()))


@pytest.mark.parametrize("pad", PACT_PAGES)
def test_pact_page_in_english_shows_no_dutch_fixed_text(client, pact_met_alles, pad):
    from sociale_kaart.models import Pijler

    response = client.get(pad)
    assert response.status_code == 200
    html = response.content.decode()
    # A pillar has no translations yet, and a <title> cannot mark its Dutch name as lang="nl":
    # on a pillar page the words of the pillar's own name are the only Dutch allowed.
    naam = Pijler.objects.get(slug=pad.split("/")[-2]).naam if "/pijlers/" in pad else ""
    assert _nederlandse_woorden(html) - _woorden(naam) == set(), pad
    if pad not in ("/en/pact/partners/", "/en/pact/agenda/"):
        # The pact writes its content in Dutch: the page says so in English.
        assert "data-alleen-nl" in html, pad


def test_pact_pages_show_every_block_and_no_dutch_fixed_text(client, pact_met_alles):
    """The meeting with its report, theme table and attendance, and the agenda of this
    year: every block is on the page, and all of its fixed text is English."""
    from django.utils import timezone

    vergadering = client.get(f"/en/pact/bijeenkomsten/{pact_met_alles.pk}/").content.decode()
    for blok in ('id="verslag"', "This is the draft report.", "28 people", 'id="thematafels"', "Priorities"):
        assert blok in vergadering
    # Its <title> is the meeting's own (Dutch) title, which a <title> cannot mark as lang="nl".
    assert _nederlandse_woorden(vergadering) - _woorden(pact_met_alles.titel) == set()

    jaar = timezone.localdate().year
    agenda = client.get(f"/en/pact/agenda/{jaar}/").content.decode()
    assert f"Local Social Agenda {jaar}" in agenda
    assert _nederlandse_woorden(agenda) == set()

    pijler = client.get("/en/pact/pijlers/netwerk/").content.decode()
    for blok in ("Goal: ", "Progress", "75% done.", "Status: in progress.", "Figures we follow", "from "):
        assert blok in pijler or blok in client.get("/en/pact/").content.decode(), blok
    assert "This action point comes from the theme table" in pijler


def test_pact_counts_use_the_plural_forms_of_the_language(client, pact_met_alles):
    """Arabic has six plural forms: two (meetings a year) is its own form, 28 people another."""
    html = client.get("/ar/pact/").content.decode()
    assert "يجتمع كل الشركاء مرتين في السنة." in html
    vergadering = client.get(f"/ar/pact/bijeenkomsten/{pact_met_alles.pk}/").content.decode()
    assert "28 شخصاً" in vergadering
    assert "28 osób" in client.get(f"/pl/pact/bijeenkomsten/{pact_met_alles.pk}/").content.decode()


def test_pact_numbers_follow_the_language(client, pact_met_alles):
    """The indicator's 2150 households and the progress percentages in the page's format."""
    assert "2.150" in client.get("/pact/").content.decode()
    assert "2,150" in client.get("/en/pact/").content.decode()
    assert "%75" in client.get("/tr/pact/pijlers/netwerk/").content.decode()
    # In Arabic a left-to-right mark keeps "75%" from reading as "%75".
    assert "\u200e75%" in client.get("/ar/pact/pijlers/netwerk/").content.decode()


def _pdf(client, pad):
    from io import BytesIO

    from pypdf import PdfReader

    response = client.get(pad)
    assert response.status_code == 200
    return PdfReader(BytesIO(response.content))


def test_agenda_pdf_speaks_the_language_of_the_page(client, pact_met_alles, settings):
    from django.utils import timezone

    settings.PDF_BEWAREN = False
    jaar = timezone.localdate().year
    arabisch = _pdf(client, f"/ar/pact/agenda/{jaar}.pdf")
    assert arabisch.trailer["/Root"]["/Lang"] == "ar"
    engels = _pdf(client, f"/en/pact/agenda/{jaar}.pdf")
    assert engels.trailer["/Root"]["/Lang"] == "en"
    tekst = " ".join(pagina.extract_text() for pagina in engels.pages)
    assert f"Local Social Agenda {jaar}" in tekst
    assert "Who takes part?" in tekst
    assert "Local Social Agenda, page 1 of" in tekst
    assert "Wie doen er mee?" not in tekst
    nederlands = _pdf(client, f"/pact/agenda/{jaar}.pdf")
    assert nederlands.trailer["/Root"]["/Lang"] == "nl"


@pytest.mark.parametrize("taal", TALEN)
def test_every_pact_page_opens_in_every_language(client, pact_met_alles, taal):
    from django.utils import timezone

    paden = [p.replace("/en/", f"/{taal}/", 1) for p in PACT_PAGES]
    paden += [f"/{taal}/pact/bijeenkomsten/{pact_met_alles.pk}/", f"/{taal}/pact/agenda/{timezone.localdate().year}/"]
    for pad in paden:
        response = client.get(pad)
        assert response.status_code == 200, pad
        assert f'<html lang="{taal}"' in response.content.decode(), pad


# --- The check's result and what follows it, and the regelingen folder (issue 18) ------------

# What the example household says it already gets: a national allowance and a local regeling,
# so the result page shows the "you already get this" reasons too.
AL_ONTVANGEN_IN_DE_CHECK = ["zorgtoeslag", "kinderbijslag", "kindpakket"]
NA_DE_CHECK = [
    "/en/check/uitslag/",
    "/en/check/meer-verdienen/",
    "/en/check/wat-als/samenwonen/",
    "/en/check/wat-als/kind/",
    "/en/check/wat-als/aow/",
]


def _eigennamen() -> list[str]:
    """The demo organisations' names: proper names, Dutch in every language, also inside
    translated sentences ("someone from Sociaal Werk De Schans")."""
    import json

    demo = json.loads((Path(settings.BASE_DIR) / "fixtures" / "regelingen_demo.json").read_text(encoding="utf-8"))
    return sorted(demo["organisaties"].values(), key=len, reverse=True)


def _nederlands_buiten_eigennamen(html: str) -> set[str]:
    """Dutch words outside lang="nl", proper names and web addresses (".../en/check/")."""
    for naam in _eigennamen():
        html = html.replace(naam, " ")
    return _nederlandse_woorden(re.sub(r"https?://[^\s<\"]+", " ", html))


def _doe_de_check(client, taal="en"):
    from regelingen.voorbeeld import ALLEENSTAANDE_OUDER

    for stap, data in ALLEENSTAANDE_OUDER:
        if stap == "ontvangt":
            data = {"ontvangt": AL_ONTVANGEN_IN_DE_CHECK}
        assert client.post(f"/{taal}/check/{stap}/", data).status_code == 302, stap
    assert client.post(f"/{taal}/check/controleren/").status_code == 302


@pytest.mark.parametrize("pad", NA_DE_CHECK)
def test_the_result_and_its_what_if_pages_in_english_show_no_dutch(client, regelingen_demo, pad):
    """After the whole check: the result (with the reasons for what the household already
    gets), "meer verdienen" and the three "wat als" pages. Demo content without an English
    text must be marked lang="nl"; everything else must be English."""
    _doe_de_check(client)
    response = client.get(pad)
    assert response.status_code == 200, pad
    html = response.content.decode()
    assert _nederlands_buiten_eigennamen(html) == set(), pad


def test_the_reasons_for_what_the_household_already_gets_are_translated(client, regelingen_demo):
    """The national allowances the household already gets say so in the page's language
    (the result PDF lists every allowance with its reasons)."""
    import io

    from pypdf import PdfReader

    _doe_de_check(client)
    response = client.get("/en/check/uitslag/pdf/")
    tekst = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "You already get this. Report changes on time." in tekst
    assert "U krijgt dit al" not in tekst


def test_meer_verdienen_in_english_after_a_new_income_shows_no_dutch(client, regelingen_demo):
    _doe_de_check(client)
    response = client.post("/en/check/meer-verdienen/", {"nieuw_inkomen": "1900"})
    assert response.status_code == 200
    assert _nederlands_buiten_eigennamen(response.content.decode()) == set()


class _NederlandseStukken(_ZichtbareTekst):
    """The texts inside elements marked lang="nl" (content without a translation)."""

    def __init__(self):
        super().__init__()
        self.nl: list[str] = []

    def handle_data(self, data):
        if any(nl for tag, nl in self.stapel if tag not in self.OVERSLAAN) and data.strip():
            self.nl.append(data)


def _folder_in_het_engels(client, monkeypatch):
    """(the PDF's text, read with pypdf; the HTML the PDF was made from)."""
    import io

    from pypdf import PdfReader

    from regelingen import folder

    bronnen = []
    origineel = folder.pdf.html_naar_pdf

    def bewaar_bron(html, **kwargs):
        bronnen.append(html)
        return origineel(html, **kwargs)

    monkeypatch.setattr(folder.pdf, "html_naar_pdf", bewaar_bron)
    response = client.get("/en/regelingen/folder.pdf")
    assert response.status_code == 200
    assert len(bronnen) == 1, "the English folder came from the store, not from its HTML"
    tekst = "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(response.content)).pages)
    return tekst, bronnen[0]


def test_the_regelingen_folder_in_english_shows_no_dutch(client, regelingen_demo, monkeypatch):
    """The folder PDF: its HTML has no Dutch outside lang="nl", and neither has the PDF's text
    once the texts of the lang="nl" elements (organisation names, untranslated content) are left out."""
    tekst, html = _folder_in_het_engels(client, monkeypatch)
    assert re.search(r'<html lang="en"', html)
    assert _nederlands_buiten_eigennamen(html) == set()
    stukken = _NederlandseStukken()
    stukken.feed(html)
    zonder_nl = " ".join(tekst.split())
    for stuk in sorted({" ".join(s.split()) for s in stukken.nl} | set(_eigennamen()), key=len, reverse=True):
        zonder_nl = zonder_nl.replace(stuk, " ")
    zonder_nl = re.sub(r"https?://\S+", " ", zonder_nl)
    woorden = set(re.findall(r"[a-zà-ÿ]+", zonder_nl.lower())) & NEDERLANDSE_WOORDEN
    assert woorden == set(), woorden
    assert "All schemes at a glance" in tekst and "Your household" in tekst
