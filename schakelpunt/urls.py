"""Root URL configuration."""

from django.conf import settings
from django.urls import include, path

from schakelpunt.ui import views as ui_views

urlpatterns = [
    path("", include("schakelpunt.ui.urls")),
    path("healthz", ui_views.healthz, name="healthz"),
    path("account/", include("schakelpunt.accounts.urls")),
    path("toegangslog/", include("schakelpunt.audit.urls")),
    path("api/v1/", include("schakelpunt.api_urls")),
    path("wegwijzer/", include("schakelpunt.taxonomie.urls")),
    path("signalen/", include("schakelpunt.signalen.urls")),
    path("notificaties/", include("schakelpunt.notificaties.urls")),
    path("subjecten/", include("schakelpunt.subjecten.urls")),
    path("advies/", include("schakelpunt.adviesvragen.urls")),
    path("beheer/", include("schakelpunt.beheer.urls")),
    path("doormeldingen/", include("schakelpunt.doormeldingen.urls")),
    path("overleggen/", include("schakelpunt.overleggen.urls")),
    path("casussen/", include("schakelpunt.casussen.urls")),
    path("inzicht/", include("schakelpunt.inzicht.urls")),
    path("privacy/", include("schakelpunt.privacy.urls")),
    path("verwerkingsregister/", include("schakelpunt.verwerkingen.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "schakelpunt.ui.views.bad_request"
handler403 = "schakelpunt.ui.views.forbidden"
handler404 = "schakelpunt.ui.views.not_found"
handler500 = "schakelpunt.ui.views.server_error"
