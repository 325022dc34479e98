from django.urls import path

from schakelpunt.overleggen import views

app_name = "overleggen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("plannen/", views.plannen, name="plannen"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/actie/", views.actie, name="actie"),
    path("<int:pk>/agenda.ics", views.agenda_ics, name="ics"),
    path("<int:pk>/verslag/", views.verslag, name="verslag"),
    path("<int:pk>/verslag.pdf", views.verslag_pdf, name="verslag_pdf"),
]
