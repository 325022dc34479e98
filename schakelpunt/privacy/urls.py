from django.urls import path

from schakelpunt.privacy import views

app_name = "privacy"
urlpatterns = [
    path("bewaartermijnen/", views.bewaartermijnen, name="bewaartermijnen"),
    path("vernietigingslijsten/", views.lijsten, name="lijsten"),
    path("vernietigingslijsten/<int:pk>/", views.lijst, name="lijst"),
    path("vernietigingslijsten/<int:pk>/goedkeuren/", views.lijst_goedkeuren, name="lijst_goedkeuren"),
    path("vernietigingslijsten/items/<int:pk>/uitzonderen/", views.item_uitzonderen, name="item_uitzonderen"),
    path("bewaarblokkades/", views.blokkades, name="blokkades"),
    path("bewaarblokkades/<int:pk>/opheffen/", views.blokkade_opheffen, name="blokkade_opheffen"),
]
