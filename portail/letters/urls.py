from django.urls import path

from portail.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.letter_list, name="index"),
    path("mes-lettres/", views.saved_list, name="saved"),
    path("mes-lettres/<int:pk>/", views.saved_detail, name="saved_detail"),
    path("mes-lettres/<int:pk>/supprimer/", views.saved_delete, name="saved_delete"),
    path("<slug:slug>/", views.letter_fill, name="fill"),
    path("<slug:slug>/pdf/", views.letter_pdf, name="pdf"),
    path("<slug:slug>/texte/", views.letter_text, name="text"),
    path("<slug:slug>/enregistrer/", views.letter_save, name="save"),
]
