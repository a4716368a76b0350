"""All URLs of the questions room, under one namespace: the public side (asking, following,
reading, reacting) and the team side (moderation, état des lieux, pistes)."""

from portail.questions.urls_public import urlpatterns as public_urlpatterns
from portail.questions.urls_team import urlpatterns as team_urlpatterns

app_name = "questions"

urlpatterns = [*public_urlpatterns, *team_urlpatterns]
