from django.urls import path

from schakelpunt.inzicht import views

app_name = "inzicht"
urlpatterns = [path("", views.dashboard, name="dashboard")]
