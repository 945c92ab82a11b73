"""`pact` in every template: the pact's settings (how it names its parts), read
only when a template uses it."""

from django.utils.functional import SimpleLazyObject


def pact(request):
    from werkgroepen.selectors import pact_instellingen

    return {"pact": SimpleLazyObject(pact_instellingen)}
