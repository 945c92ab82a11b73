"""A partner organisation with an action point, a pillar and an agenda round, and the
two things its staff send in: a progress update and an agenda contribution. Shared by
the moderation tests of the pact (tests/werkgroepen/test_moderatie.py) and of
"Net gepubliceerd" (tests/armoedepact/regie/test_net_gepubliceerd_pact.py)."""

from django.test import Client

from tests.armoedepact.regie.otp import otp_verifieer
from tests.werkgroepen import factories as f


def wereld(naam="Eigen", *, vertrouwd=False, **actiepunt) -> dict:
    eigen = f.OrganisatieFactory(naam=naam, vertrouwd=vertrouwd)
    pijler = f.PijlerFactory()
    return {
        "eigen": eigen,
        "pijler": pijler,
        "user": f.GebruikerFactory(organisatie=eigen),
        "actiepunt": f.ActiepuntFactory(trekker=eigen, pijler=pijler, **actiepunt),
        "ronde": f.AgendaRondeFactory(),
    }


def ingelogd(gebruiker) -> Client:
    browser = Client()
    browser.force_login(gebruiker)
    return browser


def coordinator(admin_user) -> Client:
    browser = ingelogd(admin_user)
    otp_verifieer(browser, admin_user)
    return browser


def voortgang_sturen(partner, wereld, tekst="Het spreekuur is gestart.", status="bezig", **meer):
    url = f"/pact/partner/{wereld['eigen'].pk}/actiepunten/{wereld['actiepunt'].pk}/voortgang/"
    return partner.post(url, {"tekst": tekst, "status": status, **meer}, follow=True)


def agenda_sturen(partner, wereld, missie="Wij helpen met de post."):
    url = f"/pact/partner/{wereld['eigen'].pk}/agenda/"
    data = {"missie": missie, "activiteit_1_tekst": "Spreekuur.", "activiteit_1_pijler": str(wereld["pijler"].pk)}
    return partner.post(url, data, follow=True)
