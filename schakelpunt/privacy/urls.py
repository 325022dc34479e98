from django.urls import path

from schakelpunt.privacy import views, views_toegangslog, views_verzoeken

app_name = "privacy"
urlpatterns = [
    path("bewaartermijnen/", views.bewaartermijnen, name="bewaartermijnen"),
    path("vernietigingslijsten/", views.lijsten, name="lijsten"),
    path("vernietigingslijsten/<int:pk>/", views.lijst, name="lijst"),
    path("vernietigingslijsten/<int:pk>/goedkeuren/", views.lijst_goedkeuren, name="lijst_goedkeuren"),
    path("vernietigingslijsten/items/<int:pk>/uitzonderen/", views.item_uitzonderen, name="item_uitzonderen"),
    path("bewaarblokkades/", views.blokkades, name="blokkades"),
    path("bewaarblokkades/<int:pk>/opheffen/", views.blokkade_opheffen, name="blokkade_opheffen"),
    path("verzoeken/", views_verzoeken.lijst, name="verzoeken"),
    path("verzoeken/<int:pk>/", views_verzoeken.detail, name="verzoek"),
    path("verzoeken/<int:pk>/verlengen/", views_verzoeken.verlengen, name="verzoek_verlengen"),
    path("verzoeken/<int:pk>/namen/", views_verzoeken.namen, name="verzoek_namen"),
    path("verzoeken/<int:pk>/afhandelen/", views_verzoeken.afhandelen, name="verzoek_afhandelen"),
    path("verzoeken/<int:pk>/beperking-opheffen/", views_verzoeken.beperking_opheffen, name="beperking_opheffen"),
    path("verzoeken/<int:pk>/inzagerapport/", views_verzoeken.rapport, name="inzagerapport"),
    path("verzoeken/<int:pk>/inzagerapport.pdf", views_verzoeken.rapport_pdf, name="inzagerapport_pdf"),
    path("verzoeken/<int:pk>/inhouden/", views_verzoeken.inhouden, name="inhouden"),
    path("inhoudingen/<int:pk>/opheffen/", views_verzoeken.inhouding_opheffen, name="inhouding_opheffen"),
]
urlpatterns += [
    path("toegangslog/", views_toegangslog.perioden, name="toegangslog"),
    path("toegangslog/verzegelen/", views_toegangslog.verzegelen, name="toegangslog_verzegelen"),
    path("toegangslog/<int:pk>/vernietigen/", views_toegangslog.vernietigen, name="toegangslog_vernietigen"),
]
