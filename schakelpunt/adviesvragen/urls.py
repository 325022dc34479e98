"""URLs of the adviesvragen app (HTML)."""

from django.urls import path

from schakelpunt.adviesvragen import views

app_name = "adviesvragen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/beantwoorden/", views.beantwoorden, name="beantwoorden"),
    path("<int:pk>/signaal/", views.omzetten, name="omzetten"),
]
