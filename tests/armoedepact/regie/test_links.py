"""controleer_links against a local HTTP server started in the test (never the internet)."""

import http.server
import threading
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from armoedepact.models import KapotteLink, Linkcontrole
from armoedepact.regie.links import controleer_url
from regelingen.models import Regeling
from sociale_kaart.models import Aanbod, Organisatie, Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _loopback_toestaan(settings):
    # The link check refuses loopback (tests/armoedepact/regie/test_links_netwerk.py);
    # these tests check its other answers against a server on 127.0.0.1.
    settings.LINKCONTROLE_LOOPBACK_TOESTAAN = True


class Handler(http.server.BaseHTTPRequestHandler):
    def _antwoord(self, lichaam: bool):
        if self.path == "/goed":
            self.send_response(200)
        elif self.path == "/geen-head":  # some servers refuse HEAD but answer GET
            self.send_response(405 if self.command == "HEAD" else 200)
        elif self.path == "/verhuisd":
            self.send_response(301)
            self.send_header("Location", "/goed")
        elif self.path == "/traag":
            time.sleep(1.5)
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if lichaam:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._antwoord(lichaam=False)

    def do_GET(self):  # noqa: N802
        self._antwoord(lichaam=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_controleer_url(server):
    assert controleer_url(f"{server}/goed") is None
    assert controleer_url(f"{server}/geen-head") is None
    assert controleer_url(f"{server}/verhuisd") is None
    assert controleer_url(f"{server}/weg") == "De website antwoordt met foutcode 404."
    assert "binnen 0.5 seconden" in controleer_url(f"{server}/traag", timeout=0.5)
    assert controleer_url("ftp://example.org/") == "Dit is geen link naar een website (http of https)."
    assert controleer_url("http://127.0.0.1:1/") == "De website is niet te bereiken."


def test_command_records_broken_links_and_the_start_page_lists_them(admin_client, regelingen_demo, server):
    # Only links to the local server: the test never reaches the internet.
    Regeling.objects.update(aanvraag_link="")
    Organisatie.objects.update(website="")
    Regeling.objects.filter(slug="kindpakket").update(aanvraag_link=f"{server}/weg")
    Regeling.objects.filter(slug="leergeld").update(aanvraag_link=f"{server}/goed")
    Regeling.objects.filter(slug="participatiefonds").update(aanvraag_link=f"{server}/weg", actief=False)
    org = Organisatie.objects.create(
        naam="Kapotte Stichting",
        slug="kapot",
        korte_omschrijving="x",
        status=Status.GEPUBLICEERD,
        website=f"{server}/ook-weg",
    )
    Aanbod.objects.create(
        organisatie=org,
        titel="Koffie",
        slug="koffie",
        wat_u_krijgt="x",
        status=Status.GEPUBLICEERD,
        website=f"{server}/geen-head",
    )
    uit = StringIO()
    call_command("controleer_links", "--timeout", "2", "--gelijktijdig", "4", stdout=uit)
    assert "4 links gecontroleerd, 2 werken niet." in uit.getvalue()
    kapot = set(KapotteLink.objects.values_list("soort", "naam"))
    assert kapot == {("regeling", "Kindpakket"), ("organisatie", "Kapotte Stichting")}

    html = admin_client.get("/beheer/").content.decode()
    assert f"{server}/weg" in html and "foutcode 404" in html

    # A second run replaces the first: fixed links disappear from the list.
    Regeling.objects.filter(slug="kindpakket").update(aanvraag_link=f"{server}/goed")
    call_command("controleer_links", stdout=StringIO())
    assert Linkcontrole.objects.count() == 1
    assert set(KapotteLink.objects.values_list("naam", flat=True)) == {"Kapotte Stichting"}


@pytest.mark.parametrize("args", [["--timeout", "0"], ["--timeout", "500"], ["--gelijktijdig", "0"]])
def test_command_refuses_bad_options(args):
    with pytest.raises(CommandError):
        call_command("controleer_links", *args, stdout=StringIO())
