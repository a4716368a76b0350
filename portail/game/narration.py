"""What happened, in plain French: the rules' events told as sentences, for the screen reader's
live region, the game's log and the projector.

Players are often teams (« Équipe Bleue ») but may be people: sentences repeat the name or
speak of « le pion » rather than guess a pronoun.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

KIND_LABELS = {
    "question": gettext_noop("Question"),
    "vrai-faux": gettext_noop("Vrai ou faux"),
    "mot": gettext_noop("Mot à expliquer"),
    "temoignage": gettext_noop("Témoignage"),
    "defi": gettext_noop("Défi"),
}


def kind_label(kind):
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def dice_text(dice):
    if len(dice) == 1:
        return str(dice[0])
    return _("%(a)s et %(b)s") % {"a": dice[0], "b": dice[1]}


def _jump_sentence(reason, start, target):
    if reason == "pont":
        return _("Case %(start)s, le pont : le pion passe à la case %(to)s.")
    if reason == "labyrinthe":
        return _("Case %(start)s, le labyrinthe : le pion retourne à la case %(to)s.")
    if reason == "mort":
        if target == 0:
            return _("Case %(start)s, la mort : le pion repart de la case départ.")
        return _("Case %(start)s, la mort : le pion retourne à la case %(to)s.")
    return _("Le pion va à la case %(to)s.")


def sentences(events, players, board):
    """One sentence per meaningful event (a throw and its move make one sentence)."""
    told = []
    positions = {}
    pending_throw = None
    for event in events:
        kind = event["type"]
        name = players[event["player"]] if "player" in event else ""
        values = {"name": name}
        if kind == "throw":
            pending_throw = event
            continue
        if kind == "move":
            start = positions.get(event["player"])
            values.update(to=event["to"], start=start)
            reason = event["reason"]
            if pending_throw is not None:
                values["dice"] = dice_text(pending_throw["dice"])
                pending_throw = None
                if reason == "premier-lancer":
                    text = _(
                        "%(name)s lance %(dice)s au premier coup : le pion va directement à la "
                        "case %(to)s."
                    )
                elif event.get("bounced"):
                    text = _(
                        "%(name)s lance %(dice)s : il faut tomber juste sur la case %(size)s, le "
                        "pion y va et recule jusqu'à la case %(to)s."
                    )
                    values["size"] = board.size
                else:
                    text = _("%(name)s lance %(dice)s : le pion avance à la case %(to)s.")
            elif reason == "oie":
                text = _("C'est une oie : le pion avance encore, jusqu'à la case %(to)s.")
                if event.get("bounced"):
                    text = _(
                        "C'est une oie : le pion avance encore, touche la case %(size)s et "
                        "recule jusqu'à la case %(to)s."
                    )
                    values["size"] = board.size
                elif start is not None and event["to"] < start:
                    text = _("C'est une oie : le pion recule encore, jusqu'à la case %(to)s.")
            else:
                text = _jump_sentence(reason, start, event["to"])
            positions[event["player"]] = event["to"]
            told.append(text % values)
            continue
        positions.setdefault(event.get("player"), None)
        if kind == "inn":
            text = ngettext(
                "C'est l'auberge : %(name)s passe %(turns)s tour.",
                "C'est l'auberge : %(name)s passe %(turns)s tours.",
                event["turns"],
            )
            values["turns"] = event["turns"]
        elif kind == "skip":
            text = _("%(name)s est à l'auberge et passe son tour.")
        elif kind == "caught":
            place = _("le puits") if event["square"] == board.well else _("la prison")
            text = _("C'est %(place)s : %(name)s attend qu'un autre pion vienne prendre sa place.")
            values["place"] = place
        elif kind == "freed":
            if event.get("by") is None:
                text = _("Tous les pions sont bloqués : %(name)s sort et joue.")
            else:
                text = _("%(name)s sort et pourra rejouer au prochain tour.")
        elif kind == "wait":
            place = _("au puits") if event["square"] == board.well else _("en prison")
            text = _("%(name)s attend toujours %(place)s et ne joue pas.")
            values["place"] = place
        elif kind == "card":
            text = _("Case %(square)s : on tire une carte « %(kind)s ».")
            values.update(square=event["square"], kind=kind_label(event["kind"]))
        elif kind == "turn":
            text = _("%(name)s, à vous de jouer.")
        elif kind == "win":
            text = {
                "arrivee": _("%(name)s arrive sur la case %(size)s et gagne la partie !"),
                "temps": _("Le temps de jeu est fini : %(name)s est en tête et gagne la partie."),
                "arret": _("La partie est arrêtée : %(name)s est en tête et gagne la partie."),
            }[event["reason"]]
            values["size"] = board.size
        else:
            continue
        told.append(text % values)
    return told
