"""URLs of the signalen app (HTML)."""

from django.urls import path

from schakelpunt.signalen import views

app_name = "signalen"

urlpatterns = [
    path("nieuw/", views.nieuw, name="nieuw"),
    path("nieuw/concept/", views.concept, name="concept"),
    path("nieuw/betrokkene/", views.betrokkene, name="betrokkene"),
    path("mijn/", views.mijn, name="mijn"),
    path("inbox/", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/aanvullen/", views.aanvullen, name="aanvullen"),
    path("<int:pk>/triage/", views.triage, name="triage"),
    path("bijlagen/<int:pk>/", views.bijlage, name="bijlage"),
    path("inzagen/<int:pk>/intrekken/", views.inzage_intrekken, name="inzage_intrekken"),
]
