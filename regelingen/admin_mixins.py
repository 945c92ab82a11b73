"""Admin mixins of regelingen: before a regeling or a norm is saved, show the
testgevallen whose outcome would change, and warn about a norm that starts in
the past. The coordinator confirms or goes back; nothing is saved before that.

Which testgevallen change: regelingen.testgevallen.
"""

from __future__ import annotations

import copy

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from regelingen import testgevallen

BEVESTIGD = "_regie_bevestigd"


class TestgevalControleMixin:
    """For a ModelAdmin of Regeling or Normbedrag."""

    def regie_verschillen(self, voorstel, origineel) -> list:
        return []

    def regie_waarschuwingen(self, voorstel, origineel) -> list[str]:
        return []

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and BEVESTIGD not in request.POST and "_saveasnew" not in request.POST:
            antwoord = self._regie_controle(request, object_id)
            if antwoord is not None:
                return antwoord
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _regie_controle(self, request, object_id):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and obj is None:
            return None
        if obj is None and not self.has_add_permission(request):
            raise PermissionDenied
        if obj is not None and not self.has_change_permission(request, obj):
            raise PermissionDenied
        origineel = copy.copy(obj)
        form_class = self.get_form(request, obj, change=obj is not None)
        form = form_class(request.POST, request.FILES, instance=obj)
        if not form.is_valid():
            return None  # the normal view shows the errors
        voorstel = form.instance
        verschillen = self.regie_verschillen(voorstel, origineel)
        waarschuwingen = self.regie_waarschuwingen(voorstel, origineel)
        if not verschillen and not waarschuwingen:
            return None
        velden = [(naam, waarde) for naam, waarden in request.POST.lists() for waarde in waarden]
        velden = [(naam, waarde) for naam, waarde in velden if naam != "csrfmiddlewaretoken"]
        context = {
            **self.admin_site.each_context(request),
            "title": "Weet u het zeker?",
            "opts": self.opts,
            "voorstel": voorstel,
            "verschillen": verschillen,
            "waarschuwingen": waarschuwingen,
            "velden": velden,
            "bevestigd": BEVESTIGD,
            "terug_url": request.get_full_path(),
        }
        return TemplateResponse(request, "admin/regelingen/bevestig_opslaan.html", context)


class RegelingControleMixin(TestgevalControleMixin):
    def regie_verschillen(self, voorstel, origineel):
        return testgevallen.verschillen_voor_regeling(voorstel=voorstel)


class NormControleMixin(TestgevalControleMixin):
    def regie_verschillen(self, voorstel, origineel):
        if origineel is not None and (origineel.bedrag, origineel.geldig_vanaf, origineel.huishoudtype) == (
            voorstel.bedrag,
            voorstel.geldig_vanaf,
            voorstel.huishoudtype,
        ):
            return []
        return testgevallen.verschillen_voor_norm(voorstel=voorstel)

    def regie_waarschuwingen(self, voorstel, origineel):
        vandaag = timezone.localdate()
        ongewijzigd = origineel is not None and (
            origineel.bedrag,
            origineel.geldig_vanaf,
            origineel.huishoudtype,
        ) == (voorstel.bedrag, voorstel.geldig_vanaf, voorstel.huishoudtype)
        if ongewijzigd or voorstel.geldig_vanaf is None or voorstel.geldig_vanaf >= vandaag:
            return []
        return [
            f"Deze norm geldt vanaf {voorstel.geldig_vanaf:%d-%m-%Y}. Die datum is al voorbij. "
            "Uitkomsten voor de tijd daarna kunnen veranderen, ook van checks die al gedaan zijn "
            "en van testgevallen met een peildatum. Klopt de datum?"
        ]
