from django.urls import path

from portail.demandes.views import public, team

app_name = "demandes"

urlpatterns = [
    path("", public.index, name="index"),
    path("nouvelle/<str:kind>/", public.new, name="new"),
    path("nouvelle/<str:kind>/pour-une-personne/", public.enter_on_behalf, name="enter"),
    path("ma-demande/<str:token>/", public.follow, name="follow"),
    path("mes-demandes/", public.mine, name="mine"),
    path("mes-demandes/<int:pk>/", public.mine_detail, name="mine_detail"),
    path("suivi/", team.team_list, name="team"),
    path("suivi/<int:pk>/", team.work, name="work"),
    path("suivi/<int:pk>/attribuer/", team.assign, name="assign"),
    path("suivi/<int:pk>/commencer/", team.start, name="start"),
    path("suivi/<int:pk>/clore/", team.close, name="close"),
    path("suivi/<int:pk>/note/", team.note, name="note"),
    path("tableau-de-bord/", team.dashboard, name="dashboard"),
]
