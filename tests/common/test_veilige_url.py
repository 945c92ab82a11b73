"""common.veilige_url on any input: a partner's link never crashes the form, and no
address in our own ranges ever counts as public."""

import ipaddress

from hypothesis import given, settings
from hypothesis import strategies as st

from common import veilige_url

INTERN = [
    ipaddress.ip_network(n)
    for n in ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "224.0.0.0/4")
]


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=80), st.text(max_size=40).map(lambda t: "http://" + t)))
def test_any_text_gives_none_or_a_dutch_reason(tekst):
    melding = veilige_url.mag_opslaan(tekst)
    assert melding is None or melding in {
        veilige_url.GEEN_WEBSITE,
        veilige_url.EIGEN_NETWERK,
        veilige_url.ONBEREIKBAAR,
    }


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(INTERN), st.integers(min_value=0, max_value=2**24))
def test_no_address_of_our_own_ranges_is_public(netwerk, verschuiving):
    adres = netwerk.network_address + (verschuiving % netwerk.num_addresses)
    assert not veilige_url.adres_is_openbaar(str(adres))
    assert not veilige_url.adres_is_openbaar(f"::ffff:{adres}")  # IPv4 inside IPv6
    assert veilige_url.mag_opslaan(f"http://{adres}/") == veilige_url.EIGEN_NETWERK


def test_public_addresses_stay_public():
    for adres in ("145.97.39.155", "2a00:1450:4001:80b::200e", "8.8.8.8"):
        assert veilige_url.adres_is_openbaar(adres)
