from django.urls import path

from schakelpunt.inzicht import views

app_name = "inzicht"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("trends/", views.trends, name="trends"),
    path("trends/overzicht-per-mail/", views.trend_digest, name="trend_digest"),
    path("trends/nieuw/", views.trend_nieuw, name="trend_nieuw"),
    path("trends/<int:pk>/bewerken/", views.trend_bewerken, name="trend_bewerken"),
    path("leerlijn/", views.leerlijn, name="leerlijn"),
    path("leerlijn/beheer/", views.leerlijn_beheer, name="leerlijn_beheer"),
    path("leerlijn/beheer/<slug:slug>/", views.module_bewerken, name="module_bewerken"),
    path("leerlijn/<slug:slug>/", views.module, name="module"),
]
