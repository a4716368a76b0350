"""Demo follow-up requests: a few of each kind, in every state, handled by the Groupe Logement's
demo facilitator, so that the team list, a request's page, the dashboard and « Mon espace » have
something to show after `make run`. Everything here is invented: the names say « (démo) », the
e-mail addresses end in example.org, the phone numbers are fictional (06 39 98 …, a range kept
for fiction by the French numbering plan), the building is imaginary.

The requests go through the same workflow methods as real ones, then their dates are moved back
in time so that the delays and the overdue reminder have something to count. Running it again
creates nothing: each request is found by its fixed submission key.
"""

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portail.accounts.roles import Role
from portail.core.content import Tally
from portail.demandes.models import Demande, HistoryEntry, Note
from portail.directory.models import Organisation
from portail.groups.models import Group
from portail.places.models import Quartier

HOUSING_GROUP = "groupe-logement"

# key, fields, and the steps after reception: (days after reception, action, argument).
DEMO_REQUESTS = [
    (
        "accompagnement-nouvelle",
        {
            "kind": Demande.Kind.ACCOMPANIMENT,
            "summary": "Exemple de démonstration : une mère de famille a reçu un courrier de la "
            "CAF qu'elle ne comprend pas et voudrait être accompagnée au rendez-vous.",
            "quartier": "montreynaud",
            "contact_name": "Amina (démo)",
            "contact_phone": "06 39 98 00 01",
        },
        2,
        [],
    ),
    (
        "accompagnement-en-cours",
        {
            "kind": Demande.Kind.ACCOMPANIMENT,
            "summary": "Exemple de démonstration : un couple avec deux enfants doit monter un "
            "dossier de demande de logement social et cherche de l'aide pour les papiers.",
            "quartier": "beaulieu",
            "contact_name": "Famille Démo",
            "contact_email": "famille.demo@example.org",
        },
        20,
        [
            (1, "assign-me", None),
            (2, "start", None),
            (2, "note", "Premier appel : rendez-vous pris à la permanence de mardi."),
            (3, "message", "Bonjour, nous vous attendons mardi à 14 h à la permanence."),
        ],
    ),
    (
        "immeuble-attribuee",
        {
            "kind": Demande.Kind.BUILDING,
            "summary": "Exemple de démonstration : le chauffage collectif tombe en panne chaque "
            "hiver et plusieurs logements ont de l'humidité. Les voisins veulent se réunir.",
            "quartier": "la-cotonne",
            "address": "1 rue Imaginaire (adresse fictive)",
            "landlord_name": "Bailleur des Tilleuls (fictif)",
            "households": 24,
            "contact_name": "Karim (démo)",
            "contact_phone": "06 39 98 00 02",
        },
        5,
        [(1, "assign-group", None)],
    ),
    (
        "immeuble-realisee",
        {
            "kind": Demande.Kind.BUILDING,
            "summary": "Exemple de démonstration : l'ascenseur est en panne depuis trois mois, "
            "des personnes âgées ne peuvent plus sortir.",
            "quartier": "montreynaud",
            "address": "3 allée Fictive (adresse fictive)",
            "landlord_name": "Bailleur des Tilleuls (fictif)",
            "households": 40,
            "contact_name": "Josette (démo)",
            "contact_email": "josette.demo@example.org",
        },
        60,
        [
            (3, "assign-me", None),
            (5, "start", None),
            (30, "close", (Demande.Outcome.DONE, "La réunion a eu lieu, le bailleur a répondu.")),
        ],
    ),
    (
        "intervention-en-cours",
        {
            "kind": Demande.Kind.INTERVENTION,
            "summary": "Exemple de démonstration : notre atelier d'alphabétisation voudrait "
            "que le groupe vienne présenter le jeu de l'oie sur le logement.",
            "group_type": Demande.GroupType.LITERACY,
            "place": "Montreynaud",
            "wished_dates": "Un jeudi matin en mars",
            "contact_name": "Atelier alpha (démo)",
            "contact_email": "atelier.demo@example.org",
        },
        10,
        [(2, "assign-me", None), (4, "start", None)],
    ),
    (
        "intervention-orientee",
        {
            "kind": Demande.Kind.INTERVENTION,
            "summary": "Exemple de démonstration : un centre social d'une autre commune "
            "voudrait une séance sur les droits des locataires.",
            "group_type": Demande.GroupType.SOCIAL_CENTRE,
            "place": "Une autre commune (démo)",
            "contact_name": "Centre social (démo)",
            "contact_phone": "06 39 98 00 03",
        },
        45,
        [
            (2, "assign-group", None),
            (6, "close", (Demande.Outcome.REFERRED, "L'ADIL anime ce type de séance.")),
        ],
    ),
    (
        "autre-sans-suite",
        {
            "kind": Demande.Kind.OTHER,
            "summary": "Exemple de démonstration : une personne demande au groupe de trouver "
            "un garage à louer.",
            "contact_name": "Paul (démo)",
            "contact_email": "paul.demo@example.org",
        },
        30,
        [
            (1, "assign-group", None),
            (
                2,
                "close",
                (
                    Demande.Outcome.DROPPED,
                    "Le groupe s'occupe des droits du logement, pas de la location de garages.",
                ),
            ),
        ],
    ),
    (
        "autre-en-retard",
        {
            "kind": Demande.Kind.OTHER,
            "summary": "Exemple de démonstration : une association de locataires voudrait des "
            "affiches sur la trêve hivernale.",
            "quartier": "beaubrun",
            "contact_name": "Association (démo)",
            "contact_email": "association.demo@example.org",
        },
        20,
        [(3, "assign-group", None)],
    ),
]


def submission_key(key):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"portail-demo-demande:{key}").hex


def _apply(demande, action, argument, facilitator, group):
    if action == "assign-me":
        demande.assign(facilitator, group, facilitator)
    elif action == "assign-group":
        demande.assign(facilitator, group)
    elif action == "start":
        demande.start(facilitator)
    elif action == "close":
        outcome, reason = argument
        referred = None
        if outcome == Demande.Outcome.REFERRED:
            referred = Organisation.objects.filter(slug="adil-de-la-loire").first()
        demande.close(facilitator, outcome, reason, referred)
    elif action in ("note", "message"):
        demande.add_note(facilitator, argument, for_requester=action == "message")


def _move_back(demande, received, steps):
    """Put the request's dates where the story says: received `received` days ago, each step
    so many days after."""
    now = timezone.now()
    created = now - timedelta(days=received)
    times = [created + timedelta(days=after) for after, _action, _argument in steps]
    entries = list(demande.history.exclude(action=HistoryEntry.Action.CREATED).order_by("id"))
    for entry, at in zip(entries, times, strict=False):
        HistoryEntry.objects.filter(pk=entry.pk).update(at=at)
    notes = list(demande.notes.order_by("id"))
    written = ("note", "message")
    note_times = [at for at, step in zip(times, steps, strict=True) if step[1] in written]
    for note, at in zip(notes, note_times, strict=False):
        Note.objects.filter(pk=note.pk).update(created_at=at)
    demande.history.filter(action=HistoryEntry.Action.CREATED).update(at=created)
    Demande.objects.filter(pk=demande.pk).update(
        created_at=created,
        first_action_at=times[0] if times else None,
        last_activity_at=times[-1] if times else created,
        closed_at=times[-1] if demande.status == Demande.Status.CLOSED else None,
    )


@transaction.atomic
def load_demo():
    from portail.core.management.commands.demo import demo_account

    tally = Tally("Demandes de suite de démonstration")
    facilitator = demo_account(Role.FACILITATOR)
    group = Group.objects.get(slug=HOUSING_GROUP)
    for key, fields, received, steps in DEMO_REQUESTS:
        fields = dict(fields)
        quartier = fields.pop("quartier", None)
        fields["quartier"] = Quartier.objects.filter(slug=quartier).first() if quartier else None
        demande, created = Demande.submit(
            submission_key=submission_key(key), contact_consent=True, **fields
        )
        if not created:
            tally.add("unchanged")
            continue
        for _after, action, argument in steps:
            _apply(demande, action, argument, facilitator, group)
        _move_back(demande, received, steps)
        tally.add("created")
    return tally
