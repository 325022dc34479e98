"""The wegwijzer (for every logged-in user) and the beheer pages for fenomenen and indicatoren."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import decide
from schakelpunt.taxonomie import selectors, services
from schakelpunt.taxonomie.forms import FORMS, WegwijzerFilterForm
from schakelpunt.ui.forms import add_service_errors

SOORT_LABELS = {"fenomeen": gettext_lazy("fenomeen"), "indicator": gettext_lazy("indicator")}


def _report_url(user) -> str | None:
    """Where a melder reports a signal, when that part of the application is there."""
    if not decide(user, "signaal.report"):
        return None
    try:
        return reverse("signalen:nieuw")
    except NoReverseMatch:
        return None


# The wegwijzer is reference material without personal data: any logged-in user, with or
# without a role, may read it, so a login is all it asks.
@login_required
def wegwijzer(request):
    levensdomeinen = list(selectors.levensdomein_list())
    form = WegwijzerFilterForm(request.GET or None, levensdomeinen=levensdomeinen)
    filters = form.filters()
    context = {
        "form": form,
        "fenomenen": list(selectors.fenomeen_list(zoek=filters["zoek"])) if not filters["levensdomein"] else [],
        "groepen": selectors.indicator_list_grouped(**filters),
        "filters": filters,
    }
    context["aantal_indicatoren"] = sum(len(g.indicatoren) for g in context["groepen"])
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "taxonomie/_wegwijzer_resultaten.html", {**context, "oob": True})
    return render(request, "taxonomie/wegwijzer.html", context)


@login_required
def fenomeen(request, code: str):
    item = selectors.fenomeen_get(code)
    return render(request, "taxonomie/fenomeen.html", {"item": item, "report_url": _report_url(request.user)})


@login_required
def indicator(request, code: str):
    item = selectors.indicator_get(code)
    return render(request, "taxonomie/indicator.html", {"item": item, "report_url": _report_url(request.user)})


@login_required
def guidance(request, soort: str, code: str):
    """The guidance for one item as an HTML fragment, for the report form (htmx)."""
    item = selectors.item_get(soort, code)
    return render(request, "taxonomie/_guidance.html", {"item": item})


@requires("taxonomie.manage")
def beheer(request):
    return render(
        request,
        "taxonomie/beheer.html",
        {
            "fenomenen": selectors.fenomeen_list(alle=True),
            "indicatoren": selectors.indicator_list(alle=True),
        },
    )


def _save(request, form, soort: str):
    item = form.save(commit=False)
    expected = form.expected_version()
    if soort == "fenomeen":
        return services.fenomeen_save(actor=request.user, fenomeen=item, expected_version=expected)
    return services.indicator_save(
        actor=request.user, indicator=item, fenomenen=form.cleaned_data["fenomenen"], expected_version=expected
    )


def _edit(request, soort: str, instance=None):
    form_class = FORMS[soort]
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            item = _save(request, form, soort)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(naam)s is opgeslagen.") % {"naam": item.naam})
            return redirect("taxonomie:beheer")
    return render(
        request,
        "taxonomie/beheer_form.html",
        {
            "form": form,
            "soort": soort,
            "soort_label": SOORT_LABELS[soort],
            "item": instance,
        },
    )


@requires("taxonomie.manage")
@require_http_methods(["GET", "POST"])
def beheer_nieuw(request, soort: str):
    return _edit(request, soort)


@requires("taxonomie.manage")
@require_http_methods(["GET", "POST"])
def beheer_bewerk(request, soort: str, code: str):
    return _edit(request, soort, selectors.item_get(soort, code))


@require_POST
@requires("taxonomie.manage")
def beheer_status(request, soort: str, code: str):
    item = selectors.item_get(soort, code)
    item = services.item_set_actief(actor=request.user, item=item, actief=not item.actief)
    if item.actief:
        messages.success(request, _("%(naam)s is weer actief.") % {"naam": item.naam})
    else:
        messages.success(request, _("%(naam)s is uitgezet. Oude signalen houden deze code.") % {"naam": item.naam})
    return redirect("taxonomie:beheer")
