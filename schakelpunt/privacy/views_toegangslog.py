"""Screen of the access log's own retention: its sealed periods, sealing, destroying an expired period."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import fetch
from schakelpunt.audit.models import AuditPeriode
from schakelpunt.privacy import toegangslog
from schakelpunt.ui.forms import DatumField

PERMISSION = toegangslog.PERMISSION


class VerzegelForm(forms.Form):
    use_required_attribute = False
    tot = DatumField(
        label="Verzegel alles wat is gelogd vóór",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Kies een datum.", "invalid": "Vul een datum in, bijvoorbeeld 1-11-2026."},
    )

    def clean_tot(self):
        tot = self.cleaned_data["tot"]
        if tot > timezone.now().date():
            raise ValidationError("Kies vandaag of een datum in het verleden.")
        return tot


def _render(request, form: VerzegelForm, status: int = 200):
    context = {"standen": toegangslog.perioden_stand(), "form": form, "termijn": toegangslog.termijn()}
    return render(request, "privacy/toegangslog.html", context, status=status)


@requires(PERMISSION)
def perioden(request):
    return _render(request, VerzegelForm(initial={"tot": timezone.now().date().replace(day=1)}))


@require_POST
@requires(PERMISSION)
def verzegelen(request):
    form = VerzegelForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    tot = datetime.datetime.combine(form.cleaned_data["tot"], datetime.time.min, tzinfo=datetime.UTC)
    tot = min(tot, timezone.now())
    try:
        periode = toegangslog.periode_verzegelen(actor=request.user, tot=tot)
    except ValidationError as exc:
        form.add_error(None, exc)
        return _render(request, form, status=400)
    if periode is None:
        messages.info(request, "Er was niets nieuws te verzegelen vóór die datum.")
    else:
        messages.success(
            request, f"Records {periode.eerste_id} tot en met {periode.laatste_id} ({periode.aantal}) zijn verzegeld."
        )
    return redirect("privacy:toegangslog")


@require_POST
@requires(PERMISSION)
def vernietigen(request, pk: int):
    periode, _decision = fetch(
        request.user, PERMISSION, AuditPeriode.objects.all(), pk, object_type="toegangslogperiode"
    )
    try:
        periode = toegangslog.periode_vernietigen(actor=request.user, periode=periode)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("privacy:toegangslog")
    messages.success(
        request,
        f"{periode.vernietigd_aantal} records ({periode.eerste_id} tot en met {periode.laatste_id}) zijn vernietigd; "
        "het zegel is bewaard, zodat de rest van het toegangslog controleerbaar blijft.",
    )
    return redirect("privacy:toegangslog")
