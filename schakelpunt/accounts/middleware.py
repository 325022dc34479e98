"""Session rules: idle timeout, absolute lifetime, and mandatory two-factor for some roles."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

LAST_ACTIVITY = "sp_last_activity"
LOGIN_AT = "sp_login_at"
MFA_OK = "sp_mfa_ok"
REAUTH_AT = "sp_reauth_at"
ACTIVITY_RESOLUTION = 10  # seconds


def _expired(request, reason: str):
    logout(request)
    if request.path.startswith("/api/") or request.headers.get("HX-Request"):
        response = JsonResponse({"detail": reason}, status=401)
        response["HX-Redirect"] = reverse("accounts:login") + "?verlopen=1"
        return response
    messages.warning(request, reason)
    query = urlencode({"next": request.get_full_path(), "verlopen": "1"})
    return redirect(f"{reverse('accounts:login')}?{query}")


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            login_at = session.get(LOGIN_AT, now)
            last = session.get(LAST_ACTIVITY, now)
            if now - login_at > settings.SESSION_ABSOLUTE_LIFETIME:
                return _expired(
                    request, _("Je bent uitgelogd omdat de maximale sessieduur is bereikt. Log opnieuw in.")
                )
            if now - last > settings.SESSION_IDLE_TIMEOUT:
                return _expired(
                    request,
                    _(
                        "Je bent uitgelogd omdat je een tijd niets hebt gedaan. "
                        "Log opnieuw in; je concepten zijn bewaard."
                    ),
                )
            if LOGIN_AT not in session:
                session[LOGIN_AT] = now
            # Saving the session costs a write; a few seconds of slack on a 15-minute timeout
            # spares one on nearly every request.
            resolution = min(ACTIVITY_RESOLUTION, settings.SESSION_IDLE_TIMEOUT / 10)
            if now - last >= resolution or LAST_ACTIVITY not in session:
                session[LAST_ACTIVITY] = now
        return self.get_response(request)


EXEMPT_PREFIXES = ("/account/tweestaps", "/account/uitloggen", "/static/", "/healthz", "/api/")


class TwoFactorRequiredMiddleware:
    """Users with a role that needs two-factor get nowhere until they pass it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(MFA_OK)
            and user.needs_two_factor
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:two_factor')}?{query}")
        return self.get_response(request)
