"""URLs of the casussen app (HTML)."""

from django.urls import path

from schakelpunt.casussen import views

app_name = "casussen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("openen/", views.openen, name="openen"),
    path("bestuur/", views.bestuur, name="bestuur"),
    path("uitvragen/", views.mijn_uitvragen, name="uitvragen"),
    path("uitvragen/<int:pk>/", views.uitvraag, name="uitvraag"),
    path("signaal/<int:pk>/koppelen/", views.signaal_koppelen, name="signaal_koppelen"),
    path("acties/<int:pk>/", views.actie_bijwerken, name="actie_bijwerken"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/fase/", views.fase, name="fase"),
    path("<int:pk>/checklist/", views.checklist, name="checklist"),
    path("<int:pk>/deelnemers/", views.deelnemer_toevoegen, name="deelnemer_toevoegen"),
    path("<int:pk>/deelnemers/<int:deelnemer>/verwijderen/", views.deelnemer_verwijderen, name="deelnemer_verwijderen"),
    path("<int:pk>/besluiten/", views.besluit, name="besluit"),
    path("<int:pk>/subjecten/", views.subject_toevoegen, name="subject_toevoegen"),
    path("<int:pk>/tijdlijn/", views.tijdlijn, name="tijdlijn"),
    path("<int:pk>/uitvraag/", views.uitvraag_stellen, name="uitvraag_stellen"),
    path("<int:pk>/uitvraag/<int:uitvraag>/status/", views.uitvraag_status, name="uitvraag_status"),
    path("<int:pk>/quickscan/", views.quickscan, name="quickscan"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/plan/<int:plan>/goedkeuren/", views.plan_goedkeuren, name="plan_goedkeuren"),
    path("<int:pk>/plan/vergelijken/", views.plan_vergelijken, name="plan_vergelijken"),
    path("<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"),
    path("<int:pk>/evaluatie/", views.evaluatie, name="evaluatie"),
    path("<int:pk>/sjabloon/", views.sjabloon, name="sjabloon"),
    path("<int:pk>/dossier.pdf", views.dossier, name="dossier"),
]
