"""The link check never reaches our own network: loopback, private, link-local,
multicast and reserved addresses are refused after resolving and at every
redirect hop, only http(s), at most 3 redirects. Against a real local HTTP
server on 127.0.0.1 (never the internet)."""

import http.server
import threading

import pytest

from armoedepact.regie.links import controleer_url
from common import veilige_url


class Handler(http.server.BaseHTTPRequestHandler):
    bezocht: list[str]

    def _antwoord(self):
        self.bezocht.append(self.path)
        if self.path == "/goed":
            self.send_response(200)
        elif self.path.startswith("/keten/"):  # /keten/3 redirects 3 times before /goed
            stappen = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/goed" if stappen <= 1 else f"/keten/{stappen - 1}")
        elif self.path == "/naar-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/bestand")
        elif self.path == "/naar-metadata":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        elif self.path == "/naar-intern":
            self.send_response(307)
            self.send_header("Location", "http://10.0.0.7:8080/beheer/")
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._antwoord()

    def do_GET(self):  # noqa: N802
        self._antwoord()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    bezocht: list[str] = []
    handler = type("H", (Handler,), {"bezocht": bezocht})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", bezocht
    httpd.shutdown()
    httpd.server_close()


def test_a_link_to_a_local_server_is_refused_and_never_fetched(server, settings):
    settings.LINKCONTROLE_LOOPBACK_TOESTAAN = False
    basis, bezocht = server
    poort = basis.rsplit(":", 1)[1]
    for url in (f"{basis}/goed", f"http://localhost:{poort}/goed", f"http://[::ffff:127.0.0.1]:{poort}/goed"):
        assert controleer_url(url, timeout=2) == veilige_url.EIGEN_NETWERK, url
    assert bezocht == []  # not a single request reached the server


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.7/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_private_link_local_multicast_and_reserved_addresses_are_refused(url, settings):
    settings.LINKCONTROLE_LOOPBACK_TOESTAAN = True  # even then: only loopback is let through
    assert controleer_url(url, timeout=1) == veilige_url.EIGEN_NETWERK


def test_only_http_and_https(settings):
    for url in ("ftp://example.org/", "file:///etc/passwd", "gopher://example.org/", "javascript:alert(1)"):
        assert controleer_url(url) == veilige_url.GEEN_WEBSITE


def test_every_redirect_hop_is_checked(server, settings):
    settings.LINKCONTROLE_LOOPBACK_TOESTAAN = True
    basis, bezocht = server
    assert controleer_url(f"{basis}/naar-ftp", timeout=2) == veilige_url.GEEN_WEBSITE
    assert controleer_url(f"{basis}/naar-metadata", timeout=2) == veilige_url.EIGEN_NETWERK
    assert controleer_url(f"{basis}/naar-intern", timeout=2) == veilige_url.EIGEN_NETWERK
    assert "/goed" not in bezocht


def test_at_most_three_redirects(server, settings):
    settings.LINKCONTROLE_LOOPBACK_TOESTAAN = True
    basis, bezocht = server
    assert controleer_url(f"{basis}/keten/3", timeout=2) is None
    assert bezocht[-1] == "/goed"
    bezocht.clear()
    assert controleer_url(f"{basis}/keten/4", timeout=2) == veilige_url.TE_VAAK_DOOR
    assert "/goed" not in bezocht
    assert bezocht == ["/keten/4", "/keten/3", "/keten/2", "/keten/1"]
