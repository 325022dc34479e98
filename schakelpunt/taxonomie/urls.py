"""URLs of the wegwijzer and of the beheer of fenomenen and indicatoren."""

from django.urls import path, register_converter

from schakelpunt.taxonomie import views


class SoortConverter:
    regex = "fenomeen|indicator"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SoortConverter, "taxonomie_soort")

app_name = "taxonomie"

urlpatterns = [
    path("", views.wegwijzer, name="wegwijzer"),
    path("fenomeen/<slug:code>/", views.fenomeen, name="fenomeen"),
    path("indicator/<slug:code>/", views.indicator, name="indicator"),
    path("hulp/<taxonomie_soort:soort>/<slug:code>/", views.guidance, name="guidance"),
    path("beheer/", views.beheer, name="beheer"),
    path("beheer/<taxonomie_soort:soort>/nieuw/", views.beheer_nieuw, name="beheer_nieuw"),
    path("beheer/<taxonomie_soort:soort>/<slug:code>/", views.beheer_bewerk, name="beheer_bewerk"),
    path("beheer/<taxonomie_soort:soort>/<slug:code>/status/", views.beheer_status, name="beheer_status"),
]
