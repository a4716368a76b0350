"""/jeu/: the jeu de l'oie played on screen (the cards and the printed kit live in /jeu/cartes/)."""

from django.urls import path

from portail.game import views

app_name = "game"

urlpatterns = [
    path("", views.index, name="index"),
    path("nouvelle-partie/", views.new, name="new"),
    path("<int:pk>/", views.play, name="play"),
    path("<int:pk>/lancer/", views.throw, name="throw"),
    path("<int:pk>/reponse/", views.reveal, name="reveal"),
    path("<int:pk>/arreter/", views.finish, name="finish"),
    path("<int:pk>/question/", views.note_question, name="note_question"),
    path("<int:pk>/ecran/nouveau-lien/", views.new_screen_link, name="new_screen_link"),
    path("<int:pk>/ecran/<str:token>/", views.screen, name="screen"),
]
