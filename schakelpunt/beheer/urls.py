"""URLs of the beheer screens (under /beheer/, beside the overview in ui)."""

from django.urls import path

from schakelpunt.beheer import views

app_name = "beheer"

urlpatterns = [
    path("gebruikers/nieuw/", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("gebruikers/<int:pk>/", views.gebruiker, name="gebruiker"),
    path("gebruikers/<int:pk>/rollen/", views.rol_geven, name="rol_geven"),
    path("gebruikers/<int:pk>/rollen/<str:rol>/intrekken/", views.rol_intrekken, name="rol_intrekken"),
    path("voorstellen/<int:pk>/", views.voorstel_besluiten, name="voorstel_besluiten"),
    path("afdelingen/", views.afdelingen, name="afdelingen"),
    path("afdelingen/<int:pk>/", views.afdeling, name="afdeling"),
]
