"""The game's blocks on other rooms' pages: « Mes parties » in Mon espace, and « Jeu de l'oie »
on an event's page, both for people who may start a game."""

from portail.game.models import GameSession

ESPACE_GAMES = 5


def _may_start(user):
    from portail.game.views import may_start_games

    return may_start_games(user)


def espace_panel(request, **kwargs):
    if not _may_start(request.user):
        return None
    games = list(GameSession.objects.filter(created_by=request.user)[:ESPACE_GAMES])
    return {"games": games}


def event_panel(request, event, **kwargs):
    if not _may_start(request.user):
        return None
    games = list(GameSession.objects.run_by(request.user).filter(event=event))
    return {"games": games}
