"""URLs under /api/v1/: the schema, its readable docs page and every app's endpoints."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from schakelpunt.accounts import api as accounts_api
from schakelpunt.casussen import api as casussen_api
from schakelpunt.doormeldingen import api as doormeldingen_api
from schakelpunt.inzicht import api as inzicht_api
from schakelpunt.overleggen import api as overleggen_api
from schakelpunt.signalen import api as signalen_api
from schakelpunt.subjecten import api as subjecten_api
from schakelpunt.taxonomie import api as taxonomie_api
from schakelpunt.ui import views as ui_views

urlpatterns = [
    path("schema", SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]), name="api-schema"),
    path("docs", ui_views.api_docs, name="api-docs"),
    path("me", accounts_api.me, name="api-me"),
    path("fenomenen", taxonomie_api.fenomenen, name="api-fenomenen"),
    path("indicatoren", taxonomie_api.indicatoren, name="api-indicatoren"),
    path("signalen", signalen_api.signalen, name="api-signalen"),
    path("signalen/<int:pk>", signalen_api.signaal_detail, name="api-signaal-detail"),
    path("personen/<int:pk>", subjecten_api.persoon_detail, name="api-persoon-detail"),
    path("samenloop", subjecten_api.samenloop, name="api-samenloop"),
    path("doormeldingen", doormeldingen_api.doormeldingen, name="api-doormeldingen"),
    path("overleggen", overleggen_api.overleggen, name="api-overleggen"),
    path("overleggen/<int:pk>", overleggen_api.overleg_detail, name="api-overleg-detail"),
    path("overleggen/<int:pk>.ics", overleggen_api.overleg_ics, name="api-overleg-ics"),
    path("doormeldingen/<int:pk>", doormeldingen_api.doormelding_detail, name="api-doormelding-detail"),
    path("casussen", casussen_api.casussen, name="api-casussen"),
    path("casussen/<int:pk>", casussen_api.casus_detail, name="api-casus-detail"),
    path("casussen/<int:pk>/fase", casussen_api.casus_fase, name="api-casus-fase"),
    path("casussen/<int:pk>/besluiten", casussen_api.casus_besluiten, name="api-casus-besluiten"),
    path("inzicht/signalen", inzicht_api.signalen, name="api-inzicht-signalen"),
]
