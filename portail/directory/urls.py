from django.urls import path

from portail.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("quartier/<slug:slug>.pdf", views.quartier_pdf, name="quartier_pdf"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/modifier/", views.organisation_edit, name="edit"),
    path("<slug:slug>/confirmer/", views.organisation_confirm, name="confirm"),
]
