"""The resident's check under /check/. Thin views: the flow lives in
regelingen/check.py, the rules in regelingen/eligibility.py.

Answers travel by POST and live only in the resident's own encrypted cookie
(regelingen/check.py); they never appear in a URL, a table or a log.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from common.pdf import beperkt as pdf_beperkt
from common.pdf import paginanummers_css as pdf_paginanummers_css
from common.vertalingen import vertaald_html, vertaling
from regelingen import check, eligibility, forms, scenario, selectors, services, svg, toeslagen
from regelingen.invoer import InvoerFout

VERLOPEN = gettext_lazy(
    "U heeft langer dan 30 minuten geen vraag beantwoord. Daarom hebben we uw antwoorden gewist. "
    "U kunt opnieuw beginnen."
)
INKOMEN = ("bijstand", "aow", "ww")  # already part of the income asked
KAPOT = gettext_lazy("We konden uw antwoorden niet goed lezen. Daarom zijn ze gewist. Begin de check opnieuw.")


def _stand(request):
    """The answers of this check (empty 30 minutes after the last answer, with a message)."""
    antwoorden, gewist = check.antwoorden(request)
    if gewist:
        messages.info(request, str(VERLOPEN if gewist == "verlopen" else KAPOT))
    return antwoorden


def _niet_beschikbaar(request):
    return render(request, "regelingen/niet_beschikbaar.html", status=503)


@never_cache
def start(request):
    antwoorden = _stand(request)
    regels = selectors.regels_voor_engine()
    stappen = check.stappen_voor(regels, antwoorden)
    return render(
        request,
        "regelingen/start.html",
        {"aantal_vragen": len(stappen), "bezig": bool(antwoorden), "eerste": stappen[0].slug if stappen else None},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def vraag(request, stap: str):
    huidige = check.STAP_PER_SLUG.get(stap)
    antwoorden = _stand(request)
    regels = selectors.regels_voor_engine()
    if not regels:
        return _niet_beschikbaar(request)
    stappen = check.stappen_voor(regels, antwoorden)
    if huidige is None or huidige not in stappen:
        open_ = check.eerste_open_stap(stappen, antwoorden)
        return redirect(_url_stap(open_) if open_ else reverse("regelingen:controleren"))
    index = stappen.index(huidige)
    open_ = check.eerste_open_stap(stappen[:index], antwoorden)
    if open_ is not None:
        # A step opened directly without its earlier answers: go to the first open question.
        return redirect(_url_stap(open_))

    wijzigen = request.GET.get("wijzigen") == "1"
    kwargs = _form_kwargs(huidige, antwoorden)
    if request.method == "POST":
        form = huidige.form(request.POST, **kwargs)
        if form.is_valid():
            antwoorden.update(_uit_form(huidige, form.cleaned_data, antwoorden))
            check.bewaar(request, antwoorden)
            stappen = check.stappen_voor(regels, antwoorden)
            volgende = check.eerste_open_stap(stappen, antwoorden)
            if volgende is None:
                return redirect("regelingen:controleren")
            if not wijzigen:
                index = stappen.index(huidige) if huidige in stappen else -1
                volgende = next((s for s in stappen[index + 1 :] if not s.beantwoord(antwoorden)), volgende)
            return redirect(_url_stap(volgende, wijzigen=wijzigen))
    else:
        form = huidige.form(initial=_initial(huidige, antwoorden), **kwargs)
        if antwoorden:
            check.bewaar(request, antwoorden)

    terug = (
        reverse("regelingen:controleren")
        if wijzigen
        else (_url_stap(stappen[index - 1]) if index > 0 else reverse("regelingen:start"))
    )
    return render(
        request,
        "regelingen/vraag.html",
        {
            "form": form,
            "stap": huidige,
            "nummer": index + 1,
            "totaal": len(stappen),
            "terug": terug,
            "actie": _url_stap(huidige, wijzigen=wijzigen),
            "kop": _("Hoe oud bent u en uw partner?") if "leeftijd_partner" in form.fields else next(iter(form)).label,
        },
    )


def _url_stap(stap, *, wijzigen: bool = False) -> str:
    url = reverse("regelingen:vraag", args=[stap.slug])
    return url + "?wijzigen=1" if wijzigen else url


def _form_kwargs(stap, antwoorden) -> dict:
    if stap.slug == "ontvangt":
        return {"lokaal": selectors.regeling_keuzes_actief()}
    if stap.slug == "woonplaats":
        return {"gemeente": settings.GEMEENTE_NAAM}
    if stap.slug == "leeftijd":
        return {"partner": bool(antwoorden.get("partner"))}
    return {}


def _ja_nee(waarde) -> str | None:
    return None if waarde is None else ("ja" if waarde else "nee")


def _initial(stap, antwoorden) -> dict:
    a = antwoorden
    match stap.slug:
        case "woonplaats":
            return {"woont_in_gemeente": _ja_nee(a.get("woont_in_gemeente"))}
        case "ontvangt":
            return {"ontvangt": a.get("ontvangt") or []}
        case "samenwonen":
            return {"partner": _ja_nee(a.get("partner"))}
        case "leeftijd":
            return {"leeftijd": a.get("leeftijd"), "leeftijd_partner": a.get("leeftijd_partner")}
        case "kinderen":
            return {"heeft_kinderen": _ja_nee(a.get("heeft_kinderen"))}
        case "leeftijd-kinderen":
            return {"leeftijden": ", ".join(str(k) for k in a.get("kinderen") or [])}
        case "inkomen":
            return {"netto_inkomen": _invul_bedrag(a.get("netto_inkomen"))}
        case "spaargeld":
            if "vermogen" in a:
                return {"vermogen": _invul_bedrag(a["vermogen"]), "weet_niet": a["vermogen"] is None}
        case "laag-inkomen":
            if "jaren_laag_inkomen" in a:
                return {"jaren_laag_inkomen": a["jaren_laag_inkomen"], "weet_niet": a["jaren_laag_inkomen"] is None}
        case "studie":
            return {"student": _ja_nee(a.get("student"))}
        case "woning":
            if "huurt" in a:
                return {"huurt": "weet_niet" if a["huurt"] is None else _ja_nee(a["huurt"])}
        case "huur":
            if "huur" in a:
                return {"huur": _invul_bedrag(a["huur"]), "weet_niet": a["huur"] is None}
        case "vaste-lasten":
            if "vaste_lasten" in a:
                return {"vaste_lasten": _invul_bedrag(a["vaste_lasten"]), "weet_niet": a["vaste_lasten"] is None}
    return {}


def _invul_bedrag(waarde) -> str | None:
    if waarde is None:
        return None
    return str(waarde).replace(".", ",")


def _uit_form(stap, data: dict, antwoorden: dict) -> dict:
    match stap.slug:
        case "woonplaats":
            return {"woont_in_gemeente": data["woont_in_gemeente"] == "ja"}
        case "ontvangt":
            nieuw = {"ontvangt": list(data["ontvangt"])}
            if check.heeft_kinderen(nieuw) and not antwoorden.get("heeft_kinderen"):
                antwoorden.pop("kinderen", None)  # "no children" said before: now ask their ages
            return nieuw
        case "samenwonen":
            partner = data["partner"] == "ja"
            if not partner:
                antwoorden.pop("leeftijd_partner", None)
            return {"partner": partner}
        case "leeftijd":
            return {k: data[k] for k in ("leeftijd", "leeftijd_partner") if k in data}
        case "kinderen":
            heeft = data["heeft_kinderen"] == "ja"
            if not heeft:
                return {"heeft_kinderen": False, "kinderen": []}
            if not antwoorden.get("heeft_kinderen"):
                antwoorden.pop("kinderen", None)
            return {"heeft_kinderen": True}
        case "leeftijd-kinderen":
            return {"kinderen": data["leeftijden"]}
        case "inkomen":
            return {"netto_inkomen": f"{data['netto_inkomen']:.2f}"}
        case "spaargeld":
            vermogen = data["vermogen"]
            return {"vermogen": None if vermogen is None else f"{vermogen:.2f}"}
        case "laag-inkomen":
            return {"jaren_laag_inkomen": data["jaren_laag_inkomen"]}
        case "studie":
            return {"student": data["student"] == "ja"}
        case "woning":
            huurt = None if data["huurt"] == "weet_niet" else data["huurt"] == "ja"
            if huurt is not True:
                antwoorden.pop("huur", None)
            return {"huurt": huurt}
        case "huur":
            huur = data["huur"]
            return {"huur": None if huur is None else f"{huur:.2f}"}
        case "vaste-lasten":
            lasten = data["vaste_lasten"]
            return {"vaste_lasten": None if lasten is None else f"{lasten:.2f}"}
    return {}


def _jaar(aantal) -> str:
    return ngettext("%(aantal)s jaar", "%(aantal)s jaar", aantal) % {"aantal": aantal}


def _antwoord_tekst(stap, a, namen: dict) -> str:
    ja, nee = _("Ja"), _("Nee")
    match stap.slug:
        case "woonplaats":
            return ja if a.get("woont_in_gemeente") else nee
        case "ontvangt":
            return ", ".join(str(namen.get(slug, slug)) for slug in a.get("ontvangt") or []) or _("Niets hiervan")
        case "samenwonen":
            return ja if a.get("partner") else nee
        case "leeftijd":
            tekst = _jaar(a.get("leeftijd"))
            if a.get("partner"):
                tekst = _("%(zelf)s, uw partner %(partner)s") % {
                    "zelf": tekst,
                    "partner": _jaar(a.get("leeftijd_partner")),
                }
            return tekst
        case "kinderen":
            return ja if a.get("heeft_kinderen") else nee
        case "leeftijd-kinderen":
            return ", ".join(_jaar(k) for k in a.get("kinderen") or [])
        case "inkomen":
            return _("%(bedrag)s per maand") % {"bedrag": eligibility.euro(Decimal(a["netto_inkomen"]))}
        case "spaargeld":
            return _("Weet ik niet") if a.get("vermogen") is None else eligibility.euro(Decimal(a["vermogen"]))
        case "laag-inkomen":
            jaren = a.get("jaren_laag_inkomen")
            return _("Weet ik niet") if jaren is None else _jaar(jaren)
        case "studie":
            return ja if a.get("student") else nee
        case "woning":
            return {True: ja, False: nee}.get(a.get("huurt"), _("Weet ik niet"))
        case "huur":
            if a.get("huur") is None:
                return _("Weet ik niet")
            return eligibility.euro(Decimal(a["huur"])) + " " + _("per maand")
        case "vaste-lasten":
            lasten = a.get("vaste_lasten")
            return _("Weet ik niet") if lasten is None else eligibility.euro(Decimal(lasten)) + " " + _("per maand")
    return ""


@never_cache
@require_http_methods(["GET", "POST"])
def controleren(request):
    antwoorden = _stand(request)
    regels = selectors.regels_voor_engine()
    if not regels:
        return _niet_beschikbaar(request)
    stappen = check.stappen_voor(regels, antwoorden)
    open_ = check.eerste_open_stap(stappen, antwoorden)
    if open_ is not None:
        return redirect(_url_stap(open_))
    try:
        huishouden = check.huishouden_van(antwoorden, vandaag=timezone.localdate())
    except (InvoerFout, TypeError, ValueError, KeyError):
        check.wissen(request)
        messages.info(request, str(KAPOT))
        return redirect("regelingen:start")
    if request.method == "POST":
        if not check.is_geteld(request):
            normen = selectors.normen_voor_engine()
            if normen.ontbreekt_op(huishouden.peildatum):
                return _niet_beschikbaar(request)
            resultaat = eligibility.beoordeel(huishouden, regels, normen)
            services.check_tellen(uitkomsten=resultaat.uitkomsten, op=huishouden.peildatum)
        check.bewaar(request, antwoorden, geteld=True)
        return redirect("regelingen:uitslag")
    check.bewaar(request, antwoorden)
    namen = dict(forms.AL_ONTVANGEN_LANDELIJK)
    if any(slug not in namen for slug in antwoorden.get("ontvangt") or []):
        namen.update(selectors.regeling_keuzes_actief())
    rijen = [(stap.titel, _antwoord_tekst(stap, antwoorden, namen), _url_stap(stap, wijzigen=True)) for stap in stappen]
    return render(request, "regelingen/controleren.html", {"rijen": rijen, "terug": _url_stap(stappen[-1])})


def _uitslag_data(request):
    """(context, None) or (None, response)."""
    antwoorden = _stand(request)
    if not antwoorden:
        return None, redirect("regelingen:start")
    regelingen = selectors.regeling_list_actief()
    regels = selectors.regels_voor_engine(regelingen)
    stappen = check.stappen_voor(regels, antwoorden)
    open_ = check.eerste_open_stap(stappen, antwoorden)
    if open_ is not None:
        return None, redirect(_url_stap(open_))
    if not check.is_geteld(request):
        return None, redirect("regelingen:controleren")
    try:
        huishouden = check.huishouden_van(antwoorden, vandaag=timezone.localdate())
    except (InvoerFout, TypeError, ValueError, KeyError):
        check.wissen(request)
        messages.info(request, str(KAPOT))
        return None, redirect("regelingen:start")
    normen = selectors.normen_voor_engine()
    if normen.ontbreekt_op(huishouden.peildatum) or not regels:
        return None, _niet_beschikbaar(request)
    parameters = toeslagen.parameters_op(selectors.toeslagparameters(), huishouden.peildatum)
    landelijk = toeslagen.beoordeel_landelijk(huishouden, parameters)
    if huishouden.vaste_lasten is not None:  # a leefgeld test counts the toeslagen as income
        huishouden = dataclasses.replace(huishouden, toeslagen_per_maand=toeslagen.per_maand_voor_leefgeld(landelijk))
    resultaat = eligibility.beoordeel(huishouden, regels, normen)
    check.bewaar(request, antwoorden)
    per_slug = {r.slug: r for r in regelingen}
    al = huishouden.ontvangt
    alle_items = [
        {
            "regeling": per_slug[u.regeling],
            "uitkomst": _vertaalde_redenen(u, per_slug[u.regeling]),
            "bedrag": u.bedrag_per_jaar,
        }
        for u in resultaat.uitkomsten
        if u.regeling in per_slug
    ]
    # What the resident already receives is shown as such ("Dit krijgt u al"), not as a new tip.
    items = [i for i in alle_items if i["regeling"].slug not in al]
    groepen = [
        ("ja", _("Hier heeft u waarschijnlijk recht op"), [i for i in items if i["uitkomst"].uitkomst == "ja"]),
        (
            "misschien",
            _("Misschien: kijk of vraag het na"),
            [i for i in items if i["uitkomst"].uitkomst == "misschien"],
        ),
        ("nee", _("Waarschijnlijk niet"), [i for i in items if i["uitkomst"].uitkomst == "nee"]),
    ]
    totaal = scenario.totaal(huishouden, resultaat, landelijk)
    context = {
        "al_lokaal": [i for i in alle_items if i["regeling"].slug in al],
        "al_landelijk": [u for u in landelijk if u.al_ontvangen],
        "al_inkomen": [naam for slug, naam in forms.AL_ONTVANGEN_LANDELIJK if slug in al and slug in INKOMEN],
        "landelijk_nieuw": [u for u in landelijk if not u.al_ontvangen],
        "onder_aow": "aow" not in al
        and (aow := normen.op(huishouden.peildatum).aow) is not None
        and huishouden.leeftijd * 12 < aow.in_maanden,
        "groepen": groepen,
        "totaal_ja": totaal.regelingen_per_jaar,
        "totaal": totaal,
        "landelijk": landelijk,
        "toeslag_helpers": selectors.helpers_toeslagen() if landelijk else [],
        "parameters": parameters,
        "datum": huishouden.peildatum,
        "huishouden": huishouden,
        "resultaat": resultaat,
        "regels": regels,
        "normen": normen,
        "per_slug": per_slug,
    }
    return context, None


def _vertaalde_redenen(uitkomst, regeling):
    """The engine writes a regeling's own "hooguit misschien" sentence in Dutch; show its translation."""
    eigen = regeling.hooguit_misschien_reden
    vertaald, _vertaald = vertaling(regeling, "hooguit_misschien_reden")
    if not eigen or vertaald == eigen or eigen not in uitkomst.redenen:
        return uitkomst
    return uitkomst._replace(redenen=tuple(vertaald if r == eigen else r for r in uitkomst.redenen))


@never_cache
def uitslag(request):
    context, response = _uitslag_data(request)
    if response is not None:
        return response
    return render(request, "regelingen/uitslag.html", context)


@never_cache
@pdf_beperkt
def uitslag_pdf(request):
    context, response = _uitslag_data(request)
    if response is not None:
        return response
    from regelingen.pdf import html_naar_pdf

    context["paginanummers_css"] = pdf_paginanummers_css()
    html = render_to_string("regelingen/uitslag_pdf.html", context, request=request)
    pdf = html_naar_pdf(html)
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = 'attachment; filename="uitslag-potjeswijzer.pdf"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@never_cache
@require_http_methods(["GET", "POST"])
def meer_verdienen(request):
    """ "Ik ga meer verdienen": the total now and after, the cliffs, a chart and a table.
    The new income comes by POST and is used for this page only (never stored)."""
    context, response = _uitslag_data(request)
    if response is not None:
        return response
    huishouden = context["huishouden"]
    regels, normen, parameters = context["regels"], context["normen"], context["parameters"]
    reeks = scenario.punten(huishouden, regels, normen, parameters)
    kliffen = scenario.kliffen(reeks)
    form = forms.NieuwInkomenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nieuw = form.cleaned_data["nieuw_inkomen"]
    else:
        # Without an answer: just past the first cliff above today's income, or 250 more.
        nieuw = kliffen[0].inkomen if kliffen else huishouden.netto_inkomen + Decimal(250)
    na = scenario.doorrekenen(scenario.met_inkomen(huishouden, nieuw), regels, normen, parameters)[2]
    per_slug = context["per_slug"]
    # Names in the page's language; a Dutch-only name is marked lang="nl" (the template joins them).
    namen = {
        **{slug: vertaald_html(r, "naam") for slug, r in per_slug.items()},
        **{slug: _(naam) for slug, naam in toeslagen.NAMEN.items()},
    }
    rijen = [
        {
            "inkomen": k.inkomen,
            "grens": k.inkomen - eligibility.CENT,
            "verlies": k.verlies_per_jaar,
            "stopt": [namen.get(slug, slug) for slug in k.stopt],
        }
        for k in kliffen
    ]
    stopt_na = [namen.get(s, s) for s in context["totaal"].regelingen if s not in na.regelingen]
    context.update(
        {
            "form": form,
            "na": na,
            "verschil": na.totaal_per_jaar - context["totaal"].totaal_per_jaar,
            "stopt_na": stopt_na,
            "rijen": rijen,
            "punten": reeks,
            "grafiek": (
                svg.grafiek(reeks, huidig=huishouden.netto_inkomen, kliffen=[k.inkomen for k in kliffen])
                if scenario.hangt_af_van_inkomen(reeks)
                else None
            ),
        }
    )
    return render(request, "regelingen/meer_verdienen.html", context)


SCENARIO_TITELS = {
    "samenwonen": gettext_lazy("Wat als we gaan samenwonen?"),
    "kind": gettext_lazy("Wat als mijn kind ouder wordt?"),
    "aow": gettext_lazy("Wat als ik de AOW-leeftijd bereik?"),
}


def _scenario_na(soort, huishouden, context, data):
    """(the household after the event or None, the form or None, a message when it does not apply)."""
    if soort == "samenwonen":
        if huishouden.partner:
            return None, None, _("U woont al samen met een partner. Deze pagina is voor wie gaat samenwonen.")
        form = forms.SamenwonenScenarioForm(
            data, initial={"leeftijd_partner": huishouden.leeftijd, "inkomen_partner": "0"}
        )
        leeftijd, inkomen = huishouden.leeftijd, Decimal(0)
        if data is not None and form.is_valid():
            leeftijd, inkomen = form.cleaned_data["leeftijd_partner"], form.cleaned_data["inkomen_partner"]
        return scenario.gaan_samenwonen(huishouden, leeftijd_partner=leeftijd, inkomen_partner=inkomen), form, None
    if soort == "kind":
        mijlpalen = scenario.kind_mijlpalen(huishouden, context["regels"])
        if not mijlpalen:
            return None, None, _("U heeft geen kinderen onder de 18 jaar thuis. Deze pagina is voor ouders.")
        keuzes = [
            (f"{index}-{dan}", _("Mijn kind van %(nu)s wordt %(dan)s jaar") % {"nu": nu, "dan": dan})
            for index, nu, dan in mijlpalen
        ]
        form = forms.KindScenarioForm(data, keuzes=keuzes, initial={"keuze": keuzes[0][0]})
        index, _nu, dan = mijlpalen[0]
        if data is not None and form.is_valid():
            index, dan = (int(deel) for deel in form.cleaned_data["keuze"].split("-"))
        return scenario.kind_wordt(huishouden, index=index, leeftijd=dan), form, None
    aow = context["normen"].op(huishouden.peildatum).aow
    if aow is None or "aow" in huishouden.ontvangt or huishouden.leeftijd * 12 >= aow.in_maanden:
        return None, None, _("U heeft de AOW-leeftijd al bereikt. Deze pagina is voor wie dat nog niet heeft.")
    form = forms.AowScenarioForm(data, initial={"inkomen": _invul_bedrag(f"{huishouden.netto_inkomen:.2f}")})
    inkomen = huishouden.netto_inkomen
    if data is not None and form.is_valid():
        inkomen = form.cleaned_data["inkomen"]
    return scenario.bereikt_aow(huishouden, aow=aow, inkomen=inkomen), form, None


@never_cache
@require_http_methods(["GET", "POST"])
def wat_als(request, soort: str):
    """ "Wat als...": living together, a child growing older, reaching the AOW-leeftijd.
    The total now and after, what stops and what starts. What the resident types here
    comes by POST and is used for this page only (never stored)."""
    if soort not in SCENARIO_TITELS:
        raise Http404
    context, response = _uitslag_data(request)
    if response is not None:
        return response
    huishouden = context["huishouden"]
    na_huishouden, form, melding = _scenario_na(
        soort, huishouden, context, request.POST if request.method == "POST" else None
    )
    context.update({"soort": soort, "titel": SCENARIO_TITELS[soort], "form": form, "melding": melding})
    if na_huishouden is not None:
        na_resultaat, na_landelijk, na = scenario.doorrekenen(
            na_huishouden, context["regels"], context["normen"], context["parameters"]
        )
        voor = (context["resultaat"], context["landelijk"])
        stopt, begint = scenario.verandering(voor, (na_resultaat, na_landelijk))
        per_slug = context["per_slug"]

        def bedrag(slug, resultaat, landelijk):
            for u in (*resultaat.uitkomsten, *landelijk):
                if u.regeling == slug:
                    return u.bedrag_per_jaar
            return None

        def naam(slug):
            return vertaling(per_slug[slug], "naam")[0] if slug in per_slug else _(toeslagen.NAMEN[slug])

        rijen = [{"naam": naam(s), "stopt": True, "bedrag": bedrag(s, *voor)} for s in stopt] + [
            {"naam": naam(s), "stopt": False, "bedrag": bedrag(s, na_resultaat, na_landelijk)} for s in begint
        ]
        context.update({"na": na, "verschil": na.totaal_per_jaar - context["totaal"].totaal_per_jaar, "rijen": rijen})
    return render(request, "regelingen/wat_als.html", context)


@require_POST
def stoppen(request):
    check.wissen(request)
    messages.info(request, _("Uw antwoorden zijn gewist. Er is niets bewaard."))
    return redirect("regelingen:start")


def uitslag_samenvatting(request) -> str | None:
    """For "stuur mijn uitslag mee" (the overdracht app gets this function from the top floor):
    the regelingen the check says yes or maybe to, one per line. No amounts, no answers.
    None when this browser has no finished check."""
    if not check.antwoorden(request)[0] or not check.is_geteld(request):
        return None
    context, response = _uitslag_data(request)
    if context is None:
        return None
    regels = []
    for sleutel, kop, items in context["groepen"]:
        if sleutel == "nee" or not items:
            continue
        regels.append(kop + ":")
        regels.extend(f"- {i['regeling'].naam}" for i in items)
    return "\n".join(regels) or None
