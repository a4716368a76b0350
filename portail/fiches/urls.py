from django.urls import path

from portail.fiches import views

app_name = "fiches"

urlpatterns = [
    path("", views.fiche_list, name="index"),
    path("<slug:slug>/", views.fiche_detail, name="detail"),
    path("<slug:slug>/pdf/", views.fiche_pdf, name="pdf"),
]
