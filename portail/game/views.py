"""Playing the jeu de l'oie on screen.

Who does what:
- group members and facilitators, moderators and staff start games (residents do not: a game
  is run by someone who animates a table);
- a game is run by the account that started it (and the staff): everybody else gets a 404, as
  for any private object;
- the projector's view is read-only and opened by a secret link shown to the facilitator, so
  that the room's computer needs no account; the facilitator can change the link.

Every action is a POST form that returns the page (post/redirect/get); htmx only swaps the game
block and game.js animates the pawns. Each form carries the version of the game it was drawn
from, so that two screens pressing « Lancer les dés » together play one turn.
"""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from portail.accounts.roles import is_any_group_member, is_moderator
from portail.events.models import Event
from portail.game import narration, rules
from portail.game.board import pawn_svg, render_board_svg
from portail.game.forms import NewGameForm, TableQuestionForm, VersionForm
from portail.game.models import GameSession, StaleVersion, new_screen_key
from portail.questions.models import Question
from portail.questions.views.ask import follow_url

RECENT_GAMES = 20
LOG_TURNS = 6


def may_start_games(user):
    return is_moderator(user) or is_any_group_member(user)


def _run_game(request, pk):
    """A game this person runs, or 404."""
    return get_object_or_404(
        GameSession.objects.run_by(request.user).select_related("deck", "event", "current_card"),
        pk=pk,
    )


# --- What the game block shows --------------------------------------------------------------------


def _paths(game):
    """For each player, the squares the pawn went through in the last turn (for the
    animation): [{"to": 14, "walk": true, "bounced": false}, …]."""
    paths = {}
    for event in game.last_turn:
        if event["type"] == "move":
            walk = event["reason"] in ("lancer", "oie")
            paths.setdefault(event["player"], []).append(
                {"to": event["to"], "walk": walk, "bounced": event.get("bounced", False)}
            )
    return paths


def _log(game):
    """The last turns, told in French, the latest first."""
    starts = [
        index
        for index, event in enumerate(game.events)
        if index and (index == 1 or game.events[index - 1]["type"] in ("turn", "win"))
    ]
    turns = []
    for begin, end in zip(starts, [*starts[1:], len(game.events)], strict=False):
        text = narration.sentences(game.events[begin:end], game.players, game.board)
        if text:
            turns.append(" ".join(text))
    return list(reversed(turns))[:LOG_TURNS]


def _action_label(state):
    name = state.players[state.current]
    if state.skips[state.current] > 0:
        return _("Continuer : %(name)s passe son tour (auberge)") % {"name": name}
    if state.caught[state.current] and not all(state.caught):
        return _("Continuer : %(name)s attend (ne joue pas)") % {"name": name}
    return _("Lancer les dés pour %(name)s") % {"name": name}


def game_context(game, *, facilitator):
    """What the game block shows; ``facilitator`` adds the buttons and the discussion prompts
    (the projector gets neither)."""
    state = game.state
    board = state.board
    pawns = list(zip(state.positions, state.players, strict=True))
    paths = _paths(game)
    last_throw = next((e["dice"] for e in reversed(game.last_turn) if e["type"] == "throw"), None)
    card = game.current_card if game.card_drawn else None
    card_event = next((e for e in game.last_turn if e["type"] == "card"), None)
    players = [
        {
            "index": index,
            "name": name,
            "square": state.positions[index],
            "label": board.special_at(state.positions[index]),
            "skips": state.skips[index],
            "caught": state.caught[index],
            "current": index == state.current and not state.finished,
            "winner": index == state.winner,
            "pawn": mark_safe(pawn_svg(index, size=36, name=name)),  # noqa: S308 — our SVG
            "path": json.dumps(paths.get(index, [])),
        }
        for index, name in enumerate(state.players)
    ]
    announce = narration.sentences(game.last_turn, state.players, board)
    return {
        "game": game,
        "state": state,
        "facilitator": facilitator,
        "board_svg": mark_safe(render_board_svg(board, pawns)),  # noqa: S308 — our SVG
        "players": players,
        "last_throw": last_throw,
        "announce": " ".join(announce),
        "log": _log(game),
        "card": card,
        "card_kind": narration.kind_label(card_event["kind"]) if card_event else "",
        "card_missing": game.card_drawn and card is None,
        "action_label": _action_label(state) if not state.finished else "",
        "winner": state.players[state.winner] if state.finished else "",
        "players_current": state.players[state.current],
        "poll_url": reverse("game:play", args=[game.pk]) if facilitator else game.screen_url(),
    }


# The follow-up link of a question noted at the table is shown once, on the next full page of
# the game: its token waits in this browser's session (stored on the server, never in a URL, a
# cookie or a message) and is taken out when shown. The projector's view never reads it.
# Several questions may be noted before that page is shown (two tabs, a lost redirect): each
# link waits in a short list, or the earlier ones would be lost for good. The cap keeps a
# forgotten tab from growing the session without end.
FOLLOW_LINKS_SESSION_KEY = "game.follow_links.{pk}"
FOLLOW_LINKS_KEPT = 10


def _keep_follow_token(request, game, token):
    key = FOLLOW_LINKS_SESSION_KEY.format(pk=game.pk)
    tokens = [*request.session.get(key, []), token]
    request.session[key] = tokens[-FOLLOW_LINKS_KEPT:]


def _take_follow_links(request, game):
    tokens = request.session.pop(FOLLOW_LINKS_SESSION_KEY.format(pk=game.pk), [])
    return [settings.SITE_URL + follow_url(token) for token in tokens]


def _render_game(request, game, *, notice="", question_form=None, status=200):
    context = game_context(game, facilitator=True)
    context["notice"] = notice
    if request.htmx:
        return TemplateResponse(request, "game/_partie.html", context, status=status)
    context["follow_links"] = _take_follow_links(request, game)
    context["question_form"] = question_form or TableQuestionForm()
    context["screen_url"] = request.build_absolute_uri(game.screen_url())
    return TemplateResponse(request, "game/play.html", context, status=status)


# --- Pages --------------------------------------------------------------------------------------


@never_cache
def index(request):
    """What the game is; for those who may run one, their games and a button to start one."""
    user = request.user
    context = {"may_start": may_start_games(user)}
    if context["may_start"]:
        context["games"] = list(
            GameSession.objects.run_by(user).filter(created_by=user)[:RECENT_GAMES]
        )
    return TemplateResponse(request, "game/index.html", context)


@login_required
@never_cache
def new(request):
    if not may_start_games(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = NewGameForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            event = data["event"]
            name = data["name"] or (event.title if event else _("Partie de jeu de l'oie"))
            game = GameSession.begin(
                name=name,
                players=data["players"],
                created_by=request.user,
                deck=data["deck"],
                event=event,
                variant=data["variant"],
                dice=data["dice"],
                seed=data["seed"],
            )
            return redirect(game)
    else:
        initial = {}
        event_key = request.GET.get("evenement", "")
        if event_key.isdigit():
            event = Event.objects.visible_to(request.user).filter(pk=event_key).first()
            if event:
                initial = {"event": event, "name": event.title}
                deck = event.decks.visible_to(request.user).order_by("name").first()
                if deck:
                    initial["deck"] = deck
        form = NewGameForm(initial=initial, user=request.user)
    return TemplateResponse(request, "game/new.html", {"form": form})


@login_required
@never_cache
def play(request, pk):
    game = _run_game(request, pk)
    if request.htmx and request.GET.get("version") == str(game.version):
        return HttpResponse(status=204)  # polling: nothing new
    return _render_game(request, game)


def _act(request, pk, action):
    """Run ``action(game, version)`` if the screen was up to date; then show the game."""
    game = _run_game(request, pk)
    form = VersionForm(request.POST)
    notice = ""
    if not form.is_valid():
        notice = _("Ce bouton venait d'une page trop ancienne : voici la partie à jour.")
    else:
        try:
            with transaction.atomic():
                action(game, form.cleaned_data["version"])
        except StaleVersion:
            notice = _(
                "La partie a changé sur un autre écran : voici la partie à jour. Regardez à qui "
                "c'est le tour avant de relancer."
            )
        except rules.GameOver:
            notice = _("La partie est finie.")
    if request.htmx:
        game.refresh_from_db()
        game.__dict__.pop("state", None)
        return _render_game(request, game, notice=notice)
    if notice:
        messages.warning(request, notice)
    return redirect(reverse("game:play", args=[game.pk]) + "#dernier-coup")


@login_required
@require_POST
@never_cache
def throw(request, pk):
    return _act(request, pk, lambda game, version: game.play_turn(version=version))


@login_required
@require_POST
@never_cache
def reveal(request, pk):
    def action(game, version):
        if not game.card_drawn:
            raise StaleVersion
        game.reveal_answer(version=version)

    return _act(request, pk, action)


@login_required
@require_POST
@never_cache
def finish(request, pk):
    return _act(request, pk, lambda game, version: game.finish_now(version=version))


@login_required
@require_POST
@never_cache
def new_screen_link(request, pk):
    game = _run_game(request, pk)
    GameSession.objects.filter(pk=game.pk).update(screen_key=new_screen_key())
    messages.success(
        request, _("Le lien de l'écran a changé : l'ancien lien ne montre plus la partie.")
    )
    return redirect(reverse("game:play", args=[game.pk]) + "#ecran")


@login_required
@require_POST
@sensitive_post_parameters("text")
@never_cache
def note_question(request, pk):
    """« Noter une question de la table »: into the moderation queue, origin « jeu », with the
    game's event. The game goes on; the next page shows the question's follow-up link once,
    for the facilitator to give to the person."""
    game = _run_game(request, pk)
    form = TableQuestionForm(request.POST)
    if not form.is_valid():
        return _render_game(request, game, question_form=form)
    data = form.cleaned_data
    _question, token = Question.submit(
        text=data["text"],
        submission_key=data["submission_key"] or None,
        consent_publication=data["consent_publication"],
        origin=Question.Origin.GAME,
        origin_detail=(_("Jeu de l'oie : %(name)s") % {"name": game.name})[:200],
        event=game.event,
        entered_by=request.user,
    )
    if token:  # None when the same form was sent twice: the first send's link still waits
        _keep_follow_token(request, game, token)
    messages.success(
        request,
        _(
            "La question est notée. Elle sera relue (les données personnelles enlevées) puis "
            "confiée au groupe. La partie continue."
        ),
    )
    return redirect(reverse("game:play", args=[game.pk]) + "#noter")


@never_cache
def screen(request, pk, token):
    """The projector: the board, the positions and the card, nothing to press."""
    game = get_object_or_404(GameSession.objects.select_related("current_card"), pk=pk)
    if not game.screen_token_matches(token):
        raise Http404
    if request.htmx and request.GET.get("version") == str(game.version):
        return HttpResponse(status=204)
    context = game_context(game, facilitator=False)
    template = "game/_partie.html" if request.htmx else "game/screen.html"
    response = TemplateResponse(request, template, context)
    # The link is the key: never sent to another site, never indexed.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
