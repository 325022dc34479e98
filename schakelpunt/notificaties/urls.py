"""URLs of the notices."""

from django.urls import path

from schakelpunt.notificaties import views

app_name = "notificaties"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/gelezen/", views.gelezen, name="gelezen"),
]
