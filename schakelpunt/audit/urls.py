"""URLs of the access log screens."""

from django.urls import path

from schakelpunt.audit import views

app_name = "audit"

urlpatterns = [path("", views.search, name="search")]
