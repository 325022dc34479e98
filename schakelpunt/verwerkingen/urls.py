"""URLs of the verwerkingsregister."""

from django.urls import path

from schakelpunt.verwerkingen import views

app_name = "verwerkingen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
]
