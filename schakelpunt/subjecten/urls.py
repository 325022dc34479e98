"""URLs of the subjecten app (HTML)."""

from django.urls import path

from schakelpunt.subjecten import views

app_name = "subjecten"

urlpatterns = [
    path("personen/", views.mijn_personen, name="mijn_personen"),
    path("persoon/<int:pk>/", views.persoon, name="persoon"),
    path("persoon/<int:pk>/netwerk/", views.persoon_netwerk, name="persoon_netwerk"),
    path("persoon/<int:pk>/bsn/", views.persoon_bsn, name="persoon_bsn"),
    path("persoon/<int:pk>/relatie/", views.persoon_relatie, name="persoon_relatie"),
    path("persoon/<int:pk>/inzage/", views.persoon_inzage, name="persoon_inzage"),
    path("persoon/<int:pk>/combineren/", views.combineren, name="combineren"),
    path("mogelijke-matches/", views.mogelijke_matches, name="mogelijke_matches"),
    path("mogelijke-matches/<int:pk>/", views.mogelijke_match_beoordelen, name="mogelijke_match_beoordelen"),
    path("samenloop/", views.samenloop, name="samenloop"),
    path("samenloop/<int:pk>/afhandelen/", views.samenloop_afhandelen, name="samenloop_afhandelen"),
    path("samenvoegingen/<int:pk>/ongedaan/", views.samenvoeging_ongedaan, name="samenvoeging_ongedaan"),
]
