# The portal's fixtures (an organisation, its partner, a logged-in client) for every test here.
from tests.armoedepact.partner.test_portal import org, partner, partner_client  # noqa: F401
