"""Template context for every page: the navigation for the user's roles and session timing."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from schakelpunt.access.policy import decide
from schakelpunt.notificaties.services import notificaties_ongelezen

# (permission, url name, label): an item shows when the user holds the permission.
NAV = [
    (None, "ui:home", "Start"),
    ("signaal.report", "signalen:nieuw", "Signaal melden"),
    ("signaal.report", "signalen:mijn", "Mijn signalen"),
    ("adviesvraag.stellen", "adviesvragen:nieuw", "Advies vragen"),
    ("meldpunt.inbox", "signalen:inbox", "Inbox meldpunt"),
    ("adviesvraag.beantwoorden", "adviesvragen:lijst", "Adviesvragen"),
    (None, "taxonomie:wegwijzer", "Wegwijzer"),
    ("trendnotitie.view", "inzicht:trends", "Wat speelt er"),
    ("samenloop.view", "subjecten:samenloop", "Samenloop"),
    ("subject.match.beoordelen", "subjecten:mogelijke_matches", "Mogelijke matches"),
    ("overleg.view", "overleggen:lijst", "Overleggen"),
    ("doormelding.view", "doormeldingen:lijst", "Doormeldingen"),
    ("inzicht.view", "inzicht:dashboard", "Inzicht"),
    ("subject.inzage.mijn", "subjecten:mijn_personen", "Mijn personen"),
    ("audit.view", "audit:search", "Toegangslog"),
    ("privacy.vernietiging.beoordelen", "privacy:lijsten", "Vernietiging"),
    ("privacy.bewaartermijn.beheren", "privacy:bewaartermijnen", "Bewaartermijnen"),
    ("verwerkingen.beheren", "verwerkingen:lijst", "Verwerkingsregister"),
    ("beheer.view", "ui:beheer", "Beheer"),
    (None, "notificaties:lijst", "Notificaties"),
    (None, "accounts:security", "Beveiliging"),
]


def schakelpunt(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    path = request.path
    for permission, url_name, label in NAV:
        if permission is not None and not decide(user, permission):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue  # the part of the application that owns it is not installed
        current = path == url if url == "/" else path.startswith(url)
        item = {"url": url, "label": _(label), "current": current}
        if url_name == "notificaties:lijst":
            item["count"] = notificaties_ongelezen(user=user)
        items.append(item)
    return {
        "nav_items": items,
        "session_idle_timeout": settings.SESSION_IDLE_TIMEOUT,
        "session_warning_before": settings.SESSION_WARNING_BEFORE,
    }
