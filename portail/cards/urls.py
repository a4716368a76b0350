from django.urls import path

from portail.cards.views import cards, decks, kit

app_name = "cards"

urlpatterns = [
    path("", decks.deck_list, name="index"),
    path("nouveau/", decks.deck_create, name="deck_create"),
    path("generer/", cards.generate, name="generate"),
    path("carte/nouvelle/", cards.card_create, name="card_create"),
    path("carte/<int:pk>/modifier/", cards.card_edit, name="card_edit"),
    path("<slug:slug>/", decks.deck_detail, name="deck"),
    path("<slug:slug>/modifier/", decks.deck_edit, name="deck_edit"),
    path("<slug:slug>/ajouter/", decks.deck_add, name="deck_add"),
    path("<slug:slug>/cartes/<int:card_pk>/", decks.deck_card_action, name="deck_card"),
    path("<slug:slug>/kit.pdf", kit.deck_kit, name="kit"),
]
