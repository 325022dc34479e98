"""HTML views of the signalen app: thin, they call services and selectors and render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import decide
from schakelpunt.pagination import page_number
from schakelpunt.signalen import inzage as inzage_services
from schakelpunt.signalen import selectors, services
from schakelpunt.signalen.constants import Status, TriageActie
from schakelpunt.signalen.forms import (
    AanvullingForm,
    BetrokkeneFormSet,
    InboxFilterForm,
    SignaalForm,
    TriageForm,
    suppress_errors,
)
from schakelpunt.signalen.models import SignaalInzage
from schakelpunt.signalen.register import betrokkene_subjecten, methode_label
from schakelpunt.signalen.workflow import allowed_actions
from schakelpunt.taxonomie.seed_data import TERUGKOPPELING_SJABLONEN
from schakelpunt.ui.forms import add_service_errors

PREFIX = "betrokkenen"
# Form keys that are never part of a draft.
NOT_IN_DRAFT = {"csrfmiddlewaretoken", "actie", "bijlagen"}


def _draft_data(querydict) -> dict[str, list[str]]:
    return {key: values for key, values in querydict.lists() if key not in NOT_IN_DRAFT}


def _querydict(data: dict[str, list[str]]) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, values if isinstance(values, list) else [values])
    return qd


def _guidance_url(soort: str) -> str | None:
    """The wegwijzer's guidance partial, when the taxonomie part provides it."""
    try:
        return reverse("taxonomie:guidance", kwargs={"soort": soort, "code": "CODE"}).replace("CODE", "{code}")
    except NoReverseMatch:
        return None


def _report_context(form, formset, concept_at=None):
    indicator_groups: dict[str, list] = {}
    selected = set(map(str, form["indicatoren"].value() or []))
    for indicator in form.fields["indicatoren"].queryset.order_by("levensdomein__volgorde", "volgorde", "naam"):
        indicator_groups.setdefault(indicator.levensdomein.naam, []).append(
            {
                "pk": indicator.pk,
                "code": indicator.code,
                "naam": indicator.naam,
                "checked": str(indicator.pk) in selected,
            }
        )
    return {
        "form": form,
        "formset": formset,
        "betrokkenen": [(bf, i + 1, range(1, i + 1)) for i, bf in enumerate(formset.forms)],
        "indicator_groups": indicator_groups.items(),
        "guidance_indicator": _guidance_url("indicator"),
        "guidance_fenomeen": _guidance_url("fenomeen"),
        "concept_at": concept_at,
    }


def _concept_samenvatting(data: dict[str, list[str]]) -> dict:
    """What a draft holds, in a few words, for the question whether to throw it away."""

    def first(key: str) -> str:
        return (data.get(key) or [""])[0].strip()

    try:
        total = min(int(first(f"{PREFIX}-TOTAL_FORMS") or 0), 20)
    except ValueError:
        total = 0
    namen = [first(f"{PREFIX}-{i}-voornamen") + " " + first(f"{PREFIX}-{i}-geslachtsnaam") for i in range(total)]
    return {"omschrijving": first("omschrijving"), "namen": [n.strip() for n in namen if n.strip()]}


@requires("signaal.report")
def nieuw(request):
    if request.method == "POST":
        actie = request.POST.get("actie", "versturen")
        if actie == "concept_wissen":
            # One click never throws a draft away: keep what was typed and ask first.
            concept = services.concept_save(actor=request.user, data=_draft_data(request.POST))
            return render(request, "signalen/concept_wissen.html", _concept_samenvatting(concept.data))
        if actie == "concept_wissen_bevestigd":
            services.concept_delete(actor=request.user)
            messages.info(request, "Het concept is gewist. Je begint met een leeg formulier.")
            return redirect("signalen:nieuw")
        if actie == "betrokkene_toevoegen":
            data = request.POST.copy()
            try:
                total = max(0, int(data.get(f"{PREFIX}-TOTAL_FORMS") or 1))
            except ValueError:  # a tampered count: start again from one betrokkene
                total = 1
            data[f"{PREFIX}-TOTAL_FORMS"] = str(min(total + 1, settings.SIGNAAL_BETROKKENEN_MAX))
            concept = services.concept_save(actor=request.user, data=_draft_data(data))
            form, formset = SignaalForm(data), BetrokkeneFormSet(data, prefix=PREFIX)
            suppress_errors(form)
            suppress_errors(formset)
            # Without JavaScript the page reloads: it opens at the new betrokkene, not at the top.
            formset.forms[-1].fields["rol"].widget.attrs["autofocus"] = True
            return render(request, "signalen/nieuw.html", _report_context(form, formset, concept.bijgewerkt_op))
        form = SignaalForm(request.POST, request.FILES)
        formset = BetrokkeneFormSet(request.POST, prefix=PREFIX)
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            try:
                signaal = services.signaal_create(
                    actor=request.user,
                    omschrijving=data["omschrijving"],
                    indicatoren=data["indicatoren"],
                    fenomenen=data["fenomenen"],
                    waargenomen_op=data["waargenomen_op"],
                    locatie=data["locatie"],
                    onderbuikgevoel=data["onderbuikgevoel"],
                    acuut_gevaar=data["acuut_gevaar"],
                    minderjarigen_betrokken=data["minderjarigen_betrokken"],
                    bron=data["bron"],
                    identiteit_delen=data["identiteit_delen"],
                    betrokkenen=formset.betrokkenen(),
                    relaties=formset.relaties(),
                    bijlagen=data["bijlagen"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Je signaal {signaal.nummer} is verstuurd naar het meldpunt. Dank je wel.")
                return redirect("signalen:detail", pk=signaal.pk)
        # Nothing typed is lost: the draft follows what was submitted, errors and all.
        concept = services.concept_save(actor=request.user, data=_draft_data(request.POST))
        return render(request, "signalen/nieuw.html", _report_context(form, formset, concept.bijgewerkt_op), status=400)
    concept = services.concept_get(actor=request.user)
    if concept and concept.data:
        data = _querydict(concept.data)
        form, formset = SignaalForm(data), BetrokkeneFormSet(data, prefix=PREFIX)
        suppress_errors(form)
        suppress_errors(formset)
        return render(request, "signalen/nieuw.html", _report_context(form, formset, concept.bijgewerkt_op))
    return render(request, "signalen/nieuw.html", _report_context(SignaalForm(), BetrokkeneFormSet(prefix=PREFIX)))


@requires("signaal.report")
def betrokkene(request):
    """htmx: one more (empty) betrokkene for the report form, added in place; the count goes along."""
    try:
        index = int(request.GET.get(f"{PREFIX}-TOTAL_FORMS") or 1)
    except ValueError:
        index = 1
    maximum = BetrokkeneFormSet.max_num
    if not 0 < index < maximum:
        return HttpResponse(
            f'<p class="utrecht-paragraph" role="status">Je kunt hoogstens {maximum} betrokkenen melden. '
            "Zet de rest in de omschrijving.</p>"
        )
    bf = BetrokkeneFormSet(prefix=PREFIX).empty_form
    bf.prefix = f"{PREFIX}-{index}"
    return render(
        request,
        "signalen/_betrokkene_nieuw.html",
        {"bf": bf, "nummer": index + 1, "eerdere": range(1, index + 1), "totaal": index + 1, "prefix": PREFIX},
    )


@require_POST
@requires("signaal.report")
def concept(request):
    """htmx: keep the draft while the melder types; answers with a short status line."""
    saved = services.concept_save(actor=request.user, data=_draft_data(request.POST))
    tijd = timezone.localtime(saved.bijgewerkt_op).strftime("%H:%M:%S")
    return HttpResponse(f"Concept bewaard om {tijd}.")


@requires("signaal.report")
def mijn(request):
    page = selectors.signaal_list(user=request.user, alleen_eigen=True, page=page_number(request.GET.get("pagina")))
    return render(request, "signalen/mijn.html", {"page": page})


@requires("meldpunt.inbox")
def inbox(request):
    form = InboxFilterForm(request.GET or None)
    filters = selectors.InboxFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.InboxFilter(
            fenomeen=data["fenomeen"],
            afdeling=data["afdeling"],
            status=data["status"] or "open",
            vanaf=data["vanaf"],
            tot=data["tot"],
        )
    page = selectors.inbox_list(user=request.user, filters=filters, page=page_number(request.GET.get("pagina")))
    query = request.GET.copy()
    query.pop("pagina", None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request, "signalen/inbox.html", {"form": form, "page": page, "query": query.urlencode()}, status=status
    )


def _subject_info(koppeling: dict | None) -> dict | None:
    if koppeling is None:
        return None
    methode = koppeling["methode"]
    return {
        **koppeling,
        "methode_label": methode_label(methode),
        "andere": [
            label
            for veld, label in (
                ("adres_id", "adres"),
                ("organisatie_id", "organisatie"),
                ("voertuig_id", "voertuig"),
                ("telefoonnummer_id", "telefoonnummer"),
            )
            if koppeling.get(veld)
        ],
    }


def _detail_context(request, signaal, *, triage_form=None, aanvulling_form=None):
    kan_triage = bool(decide(request.user, "signaal.triage", signaal))
    context = {
        "signaal": signaal,
        "kan_triage": kan_triage,
        "kan_aanvullen": bool(decide(request.user, "signaal.aanvullen", signaal)),
        "aanvulling_form": aanvulling_form or AanvullingForm(),
        "is_melder": signaal.melder_id == request.user.pk,
        "kan_intrekken": bool(decide(request.user, "signaal.inzage.intrekken")),
        "inzagen": list(signaal.inzagen.select_related("user", "verleend_door", "ingetrokken_door")),
    }
    context["mijn_inzage"] = next((i for i in context["inzagen"] if i.user_id == request.user.pk and i.actief), None)
    # The subjects each betrokkene was resolved to: only for who may see them (never a melder).
    subjecten = betrokkene_subjecten(user=request.user, signaal=signaal)
    context["toon_subjecten"] = subjecten is not None
    context["betrokkenen"] = [
        (b, _subject_info(subjecten.get(b.pk)) if subjecten is not None else None) for b in signaal.betrokkenen.all()
    ]
    if kan_triage and signaal.status != Status.AFGESLOTEN:
        initial = {"versie": signaal.versie, "terugkoppeling": TERUGKOPPELING_SJABLONEN["in_behandeling"]}
        form = triage_form or TriageForm(initial=initial)
        acties = allowed_actions(signaal.status)
        form.fields["actie"].choices = [c for c in TriageActie.choices if c[0] in acties]
        context["triage_form"] = form
        context["sjablonen"] = TERUGKOPPELING_SJABLONEN
    return context


@requires("signaal.view")
def detail(request, pk: int):
    signaal = selectors.signaal_get(user=request.user, pk=pk)
    return render(request, "signalen/detail.html", _detail_context(request, signaal))


@require_POST
@requires("signaal.aanvullen")
def aanvullen(request, pk: int):
    signaal = selectors.signaal_get(user=request.user, pk=pk)
    form = AanvullingForm(request.POST)
    if form.is_valid():
        try:
            services.signaal_aanvullen(actor=request.user, signaal=signaal, tekst=form.cleaned_data["tekst"])
        except ValidationError as exc:
            form.add_error("tekst", exc.messages[0])
        else:
            messages.success(request, "Je aanvulling is toegevoegd aan het signaal.")
            return redirect("signalen:detail", pk=pk)
    return render(request, "signalen/detail.html", _detail_context(request, signaal, aanvulling_form=form), status=400)


@require_POST
@requires("signaal.triage")
def triage(request, pk: int):
    signaal = selectors.signaal_get(user=request.user, pk=pk)
    form = TriageForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.signaal_triage(
                actor=request.user,
                signaal=signaal,
                actie=data["actie"],
                rationale=data["rationale"],
                terugkoppeling=data["terugkoppeling"],
                vraag=data["vraag"],
                afsluitreden=data["afsluitreden"],
                collegas=data["collegas"],
                versie=data["versie"],
            )
        except services.ConflictError as exc:
            return _triage_conflict(request, pk, form, str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Signaal {signaal.nummer}: {TriageActie(data['actie']).label.lower()}. "
                "De melder heeft je bericht ontvangen.",
            )
            return redirect("signalen:detail", pk=pk)
    return render(request, "signalen/detail.html", _detail_context(request, signaal, triage_form=form), status=400)


def _triage_conflict(request, pk: int, form: TriageForm, melding: str):
    """Someone else changed the signal first: show the new state, and keep every word this user typed.

    The form comes back filled in with the current version, so saving again is a conscious choice
    after reading what changed; if the signal can no longer be triaged, the text is shown to copy.
    """
    signaal = selectors.signaal_get(user=request.user, pk=pk)
    data = request.POST.copy()
    data["versie"] = str(signaal.versie)
    opnieuw = TriageForm(data)
    opnieuw.is_valid()
    getypt = [
        (form.fields[naam].label, (request.POST.get(naam) or "").strip())
        for naam in ("rationale", "vraag", "terugkoppeling")
        if (request.POST.get(naam) or "").strip()
    ]
    context = _detail_context(request, signaal, triage_form=opnieuw)
    context["conflict"] = {"melding": melding, "getypt": getypt}
    return render(request, "signalen/detail.html", context, status=409)


@require_POST
@requires("signaal.inzage.intrekken")
def inzage_intrekken(request, pk: int):
    inzage = get_object_or_404(SignaalInzage.objects.select_related("user"), pk=pk)
    inzage_services.signaal_inzage_intrekken(actor=request.user, inzage=inzage)
    messages.success(request, f"{inzage.user.display_name()} kan dit signaal niet meer inzien.")
    return redirect("signalen:detail", pk=inzage.signaal_id)


@requires("signaal.bijlage.view")
def bijlage(request, pk: int):
    item = selectors.bijlage_get(user=request.user, pk=pk)
    response = FileResponse(
        item.bestand.open("rb"), as_attachment=True, filename=item.oorspronkelijke_naam, content_type=item.content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
