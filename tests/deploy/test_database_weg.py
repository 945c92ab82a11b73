"""PostgreSQL away: real gunicorn (debug off, page cache on) reaches PostgreSQL through
a relay the test cuts. Cached public pages keep being served, other pages answer
503 "Even niet beschikbaar" with the phone number, and after a restart of the
database the first request works (CONN_HEALTH_CHECKS)."""

import httpx
import pytest

from tests.deploy.support import Doorgeefluik, database_url, gunicorn, postgres_socket
from tests.sociale_kaart.factories import AanbodFactory

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True)]


def test_cached_pages_stay_and_other_pages_say_even_niet_beschikbaar(transactional_db):
    AanbodFactory(titel="Voedselbank Leek")
    luik = Doorgeefluik(postgres_socket())
    try:
        with (
            gunicorn(naam="database-weg", database=database_url(poort=luik.poort), workers=1) as basis,
            httpx.Client(base_url=basis, timeout=15) as client,
        ):
            # Warm the page cache of the (single) worker.
            for pad in ("/privacy/", "/hulp/?q=voedselbank"):
                assert client.get(pad).status_code == 200
                assert client.get(pad).headers.get("X-Pagina-Cache") == "hit", pad

            luik.weg()  # PostgreSQL is away

            for pad in ("/privacy/", "/hulp/?q=voedselbank"):
                response = client.get(pad)
                assert response.status_code == 200, pad
                assert response.headers["X-Pagina-Cache"] == "hit-zonder-database"
            for pad in ("/toegankelijkheid/", "/hulp/?q=zwemles", "/pact/", "/"):
                response = client.get(pad)
                assert response.status_code == 503, pad
                html = response.text
                assert "Even niet beschikbaar" in html and "0594" in html, pad
                assert "Server Error" not in html and "Traceback" not in html
                assert response.headers["Retry-After"] == "60"

            luik.terug()  # PostgreSQL is back
            assert client.get("/toegankelijkheid/").status_code == 200

            # A restart while the worker is idle: its persistent connection is dead.
            assert client.get("/hulp/?q=zwemles").status_code == 200
            luik.verbindingen_verbreken()
            response = client.get("/hulp/?q=schulden")
            assert response.status_code == 200, response.text[:300]
    finally:
        luik.sluiten()
