"""URLs of the shared interface: home and management."""

from django.urls import path

from schakelpunt.ui import views

app_name = "ui"

urlpatterns = [
    path("", views.home, name="home"),
    path("beheer/", views.beheer, name="beheer"),
    path("beheer/gebruikers/<int:user_id>/actief/", views.user_toggle_active, name="user_toggle_active"),
]
