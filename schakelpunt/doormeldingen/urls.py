from django.urls import path

from schakelpunt.doormeldingen import views

app_name = "doormeldingen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/versturen/", views.versturen, name="versturen"),
    path("<int:pk>/opvolgen/", views.opvolgen, name="opvolgen"),
    path("<int:pk>/document.<str:formaat>", views.document_download, name="document"),
    path("verstrekkingen/", views.register, name="register"),
    path("verstrekkingen/herstel/", views.herstel, name="herstel"),
    path("verstrekkingen/herstel/<int:pk>/afgehandeld/", views.herstel_afgehandeld, name="herstel_afgehandeld"),
    path("ketenpartners/", views.ketenpartners, name="ketenpartners"),
    path("ketenpartners/nieuw/", views.ketenpartner, name="ketenpartner_nieuw"),
    path("ketenpartners/<int:pk>/", views.ketenpartner, name="ketenpartner"),
    path("ophalen/<str:token>/", views.ophalen, name="ophalen"),
]
