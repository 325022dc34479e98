"""Login, logout, two-factor, re-authentication and session keep-alive."""

import base64
import io
import time
from datetime import timedelta

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakelpunt.accounts import services
from schakelpunt.accounts.forms import LockoutPasswordChangeForm, LoginForm, ReauthForm, TokenForm
from schakelpunt.accounts.middleware import LAST_ACTIVITY, LOGIN_AT, MFA_OK, REAUTH_AT
from schakelpunt.audit import context as audit_context
from schakelpunt.audit.models import Action, AuditRecord, Outcome
from schakelpunt.audit.services import log_event


def _safe_next(request, default: str = "ui:home") -> str:
    """`next` if it stays on this site, else the default page: a URL, never a view name (answer
    it with HttpResponseRedirect, as `redirect()` would try a `next` like "abc" as a view name)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


def _start_session(request, user, *, mfa_ok: bool) -> None:
    login(request, user)  # also gives the session a new id
    now = time.time()
    request.session[LOGIN_AT] = now
    request.session[LAST_ACTIVITY] = now
    request.session[MFA_OK] = mfa_ok


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.user.is_authenticated and request.method == "GET":
        return HttpResponseRedirect(_safe_next(request))
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            _start_session(request, user, mfa_ok=not user.needs_two_factor)
            log_event(actor=user, actie=Action.LOGIN)
            if user.needs_two_factor:
                return redirect(reverse("accounts:two_factor") + "?" + urlencode({"next": _safe_next(request)}))
            return HttpResponseRedirect(_safe_next(request))
        if getattr(request, "axes_locked_out", False):
            return locked_out(request)
        log_event(
            actor=None,
            actie=Action.LOGIN,
            uitkomst=Outcome.FAILED,
            toelichting="onjuiste inloggegevens (gebruikersnaam zoals ingevuld)",
            username=request.POST.get("username", ""),
        )
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "next": request.GET.get("next", ""),
            "expired": request.GET.get("verlopen") == "1",
            "oidc_enabled": settings.OIDC_ENABLED,
            "oidc_provider_name": getattr(settings, "OIDC_PROVIDER_NAME", ""),
        },
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer, for login, re-authentication and password change alike.

    A logged-in user who is locked out (by guessing the password on the re-authentication or
    password-change page) is logged out too: the session cannot keep trying.
    """
    if not getattr(request, "_lockout_logged", False):  # the view and axes' middleware both call this
        request._lockout_logged = True
        user = getattr(request, "user", None)
        logged_in = user is not None and user.is_authenticated
        tried = (credentials or {}).get("username") or request.POST.get("username", "")
        log_event(
            actor=user if logged_in else None,
            actie=Action.LOGIN,
            uitkomst=Outcome.REFUSED,
            toelichting="account tijdelijk geblokkeerd" + ("" if logged_in else " (gebruikersnaam zoals ingevuld)"),
            username="" if logged_in else tried,
        )
        if logged_in:
            logout(request)
    minutes = int(settings.AXES_COOLOFF_TIME * 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        log_event(actor=request.user, actie=Action.LOGOUT)
    logout(request)
    messages.info(request, _("Je bent uitgelogd."))
    return redirect("accounts:login")


@require_POST
@login_required
def keepalive(request):
    request.session[LAST_ACTIVITY] = time.time()  # explicit: the user asked to stay
    return HttpResponse(status=204)


def _qr_data_uri(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Verify a code; set up a device first when the user has none that is confirmed."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setup = confirmed is None
    device = confirmed
    if setup:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or services.totp_device_start(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if setup:
                services.totp_device_confirm(user=user, device=device)
                messages.success(request, _("Tweestapsverificatie is ingesteld."))
            request.session[MFA_OK] = True
            request.session.cycle_key()
            log_event(
                actor=user, actie=Action.LOGIN, verwerking="beveiliging.toegang", toelichting="tweede factor geslaagd"
            )
            return HttpResponseRedirect(_safe_next(request))
        log_event(
            actor=user,
            actie=Action.LOGIN,
            uitkomst=Outcome.FAILED,
            verwerking="beveiliging.toegang",
            toelichting="onjuiste code",
        )
        form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code."))
    context = {"form": form, "setup": setup, "next": request.GET.get("next", "")}
    if setup:
        context["secret"] = base64.b32encode(device.bin_key).decode()
        context["qr"] = _qr_data_uri(device)
    return render(request, "accounts/two_factor.html", context)


def _recently_reauthenticated(request) -> bool:
    return time.time() - request.session.get(REAUTH_AT, 0) < settings.REAUTH_MAX_AGE


@login_required
@require_http_methods(["GET", "POST"])
def reauthenticate(request):
    form = ReauthForm(request.user, request.POST or None, request=request)
    if request.method == "POST":
        if form.is_valid():
            request.session[REAUTH_AT] = time.time()
            return HttpResponseRedirect(_safe_next(request, "accounts:security"))
        if getattr(request, "axes_locked_out", False):
            return locked_out(request)
        log_event(
            actor=request.user, actie=Action.LOGIN, uitkomst=Outcome.FAILED, toelichting="herauthenticatie mislukt"
        )
    return render(request, "accounts/reauthenticate.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def security(request):
    has_device = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return render(request, "accounts/security.html", {"has_device": has_device})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_reset(request):
    """Changing two-factor settings requires a fresh password check."""
    if not _recently_reauthenticated(request):
        return redirect(reverse("accounts:reauthenticate") + "?" + urlencode({"next": request.path}))
    if request.method == "POST":
        services.totp_devices_reset(user=request.user)
        request.session[MFA_OK] = False
        request.session.pop(REAUTH_AT, None)
        return redirect("accounts:two_factor")
    return render(request, "accounts/two_factor_reset.html")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change; the current password counts towards the login lockout, and
    both a change and a failed attempt are logged."""

    form_class = LockoutPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        log_event(
            actor=self.request.user,
            actie=Action.UPDATE,
            object_type="gebruiker",
            object_id=str(self.request.user.pk),
            toelichting="wachtwoord gewijzigd",
        )
        return response

    def form_invalid(self, form):
        if getattr(self.request, "axes_locked_out", False):
            return locked_out(self.request)
        log_event(
            actor=self.request.user,
            actie=Action.UPDATE,
            uitkomst=Outcome.FAILED,
            object_type="gebruiker",
            object_id=str(self.request.user.pk),
            toelichting="wachtwoord wijzigen mislukt: "
            + ("huidig wachtwoord onjuist" if "old_password" in form.errors else "nieuw wachtwoord afgewezen"),
        )
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per address entered and per origin address (429).

    The counts come from the access log itself (one record per request), so they hold across
    all workers. The address entered is kept only as a keyed hash, and the answer is the same
    whether an account exists or not.
    """

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        email_key = salted_hmac("wachtwoordherstel", form.cleaned_data["email"].strip().lower()).hexdigest()[:32]
        since = timezone.now() - timedelta(seconds=settings.PASSWORD_RESET_WINDOW)
        recent = AuditRecord.objects.filter(
            object_type="wachtwoordherstel", tijdstip__gte=since, uitkomst=Outcome.SUCCESS
        )
        origin = audit_context.origin_address.get()
        too_many = recent.filter(object_id=email_key).count() >= settings.PASSWORD_RESET_PER_ACCOUNT or (
            origin and recent.filter(herkomst=origin).count() >= settings.PASSWORD_RESET_PER_ADDRESS
        )
        log_event(
            actor=None,
            actie=Action.CREATE,
            uitkomst=Outcome.REFUSED if too_many else Outcome.SUCCESS,
            doel="Beveiliging",
            verwerking="beveiliging.toegang",
            object_type="wachtwoordherstel",
            object_id=email_key,
            toelichting="te veel aanvragen" if too_many else "herstellink aangevraagd",
        )
        if too_many:
            minutes = settings.PASSWORD_RESET_WINDOW // 60
            response = render(self.request, "accounts/password_reset_limited.html", {"minutes": minutes}, status=429)
            response["Retry-After"] = str(settings.PASSWORD_RESET_WINDOW)
            return response
        return super().form_valid(form)
