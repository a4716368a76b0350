"""Demo events dated from today, so that the agenda, an event's page, the waitlist, the past
events with their minutes and the suites have something to show after `make run`: a
restitution of the Groupe Logement with the jeu de l'oie next week, a groupe de parole (full,
with a waitlist), a permanence, a common time of two groups, and a past restitution with its
minutes, its attendance and two suites that became follow-up requests.

Everything is invented: the pseudonyms say « (démo) », the phone numbers are in a range kept for
fiction. Running it again creates nothing; the dates are moved so that « next week » stays next
week.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from portail.accounts.roles import Role
from portail.core.content import Tally
from portail.events import waitlist
from portail.events.models import Event
from portail.groups.models import Group
from portail.places.models import Quartier, Theme

HOUSING_GROUP = "groupe-logement"
LITERACY_GROUP = "groupe-alpha-montreynaud"

MINUTES = """\
## Ce que nous avons fait

Nous étions 27 à la Maison de quartier. Le Groupe Logement a présenté son travail : les
questions des habitants classées par thème, les mots du logement expliqués simplement, et des
pistes pour chaque situation. Ensuite, tout le monde a joué au jeu de l'oie, par équipes.

## Ce qui est ressorti

- Beaucoup de questions sur les charges : comment savoir si elles sont justes ?
- L'humidité dans les logements revient souvent, avec des enfants qui toussent.
- Plusieurs personnes ne savaient pas qu'on peut demander de l'aide au FSL.

## Les suites

- Une famille a demandé à être accompagnée pour son dossier de logement social.
- Les locataires d'un immeuble de la Cotonne veulent une réunion sur le chauffage.

Merci à toutes et à tous. Prochain rendez-vous : la restitution de Montreynaud.
"""

# slug, days from today, start, end, fields, registrations [(name, contact, attended)].
EVENTS = [
    (
        "demo-restitution-jeu-de-l-oie",
        7,
        time(18, 0),
        time(20, 0),
        {
            "kind": Event.Kind.RESTITUTION,
            "title": "Restitution du Groupe Logement : le jeu de l'oie du logement",
            "place": "Maison de quartier de Montreynaud, grande salle",
            "address": "Place de Montreynaud (adresse de démonstration)",
            "accessibility": "Salle de plain-pied, accessible en fauteuil roulant. Bus : arrêt "
            "Montreynaud. Des jeux et une personne pour s'occuper des enfants.",
            "quartier": "montreynaud",
            "themes": ["logement", "energie"],
            "groups": [HOUSING_GROUP],
            "capacity": 30,
            "description": "Le Groupe Logement présente ce qu'il a appris : les questions des "
            "habitants, les mots du logement, et des pistes pour faire valoir ses droits.\n\n"
            "On joue ensemble au **jeu de l'oie du logement** : chaque case est une situation "
            "(un loyer impayé, une caution pas rendue, de l'humidité…). Pas besoin de savoir "
            "bien lire : on joue en équipe.\n\n"
            "Venez avec vos questions. Un goûter est offert.",
        },
        [("Lina (démo)", "", None), ("Sam (démo)", "06 39 98 00 11", None)],
    ),
    (
        "demo-groupe-de-parole-logement",
        10,
        time(14, 0),
        time(16, 0),
        {
            "kind": Event.Kind.PAROLE,
            "title": "Groupe de parole : vivre dans un logement en mauvais état",
            "place": "Centre social de Beaulieu, petite salle",
            "accessibility": "Au premier étage, avec ascenseur.",
            "quartier": "beaulieu",
            "themes": ["logement"],
            "groups": [HOUSING_GROUP],
            "capacity": 3,
            "description": "Un temps pour parler, entre personnes qui vivent la même chose, "
            "avec une animatrice du groupe. Ce qui se dit ici reste ici.\n\n"
            "Petit groupe : les places sont limitées.",
        },
        [
            ("Nour (démo)", "", None),
            ("Alex (démo)", "", None),
            ("Dominique (démo)", "", None),
            ("Camille (démo)", "06 39 98 00 12", None),
        ],
    ),
    (
        "demo-permanence-logement-beaulieu",
        3,
        time(9, 30),
        time(12, 0),
        {
            "kind": Event.Kind.PERMANENCE,
            "title": "Permanence logement : on vous aide avec vos papiers",
            "place": "Centre social de Beaulieu, accueil",
            "accessibility": "Entrée de plain-pied. Tram : arrêt le plus proche à 5 minutes.",
            "quartier": "beaulieu",
            "themes": ["logement", "caf-minima-sociaux"],
            "groups": [HOUSING_GROUP],
            "capacity": None,
            "description": "Sans rendez-vous. Apportez vos courriers (bail, quittances, "
            "courriers de la CAF ou du bailleur) : on regarde ensemble ce qu'on peut faire.",
        },
        [],
    ),
    (
        "demo-temps-commun-logement-alpha",
        14,
        time(10, 0),
        time(12, 0),
        {
            "kind": Event.Kind.INTERGROUP,
            "title": "Temps commun inter-groupes : Groupe Logement et groupe alpha",
            "place": "Atelier alpha de Montreynaud",
            "quartier": "montreynaud",
            "themes": ["logement", "ecole"],
            "groups": [HOUSING_GROUP, LITERACY_GROUP],
            "capacity": 20,
            "description": "Le groupe alpha a invité le Groupe Logement : on lit ensemble un "
            "avis d'échéance et une quittance, et on joue au jeu de l'oie.",
        },
        [],
    ),
    (
        "demo-restitution-passee-la-cotonne",
        -21,
        time(18, 0),
        time(20, 0),
        {
            "kind": Event.Kind.RESTITUTION,
            "title": "Restitution du Groupe Logement à la Cotonne",
            "place": "Salle municipale de la Cotonne",
            "accessibility": "Salle de plain-pied.",
            "quartier": "la-cotonne",
            "themes": ["logement"],
            "groups": [HOUSING_GROUP],
            "capacity": 40,
            "description": "Le Groupe Logement présente son travail et on joue au jeu de l'oie "
            "du logement.",
        },
        [
            ("Yanis (démo)", "", True),
            ("Maryam (démo)", "", True),
            ("Jo (démo)", "", False),
        ],
    ),
]

PAST_SUITES = [
    (
        "accompagnement",
        "Exemple de démonstration : une famille rencontrée à la restitution voudrait être "
        "accompagnée pour déposer sa demande de logement social.",
    ),
    (
        "immeuble",
        "Exemple de démonstration : les locataires d'un immeuble de la Cotonne demandent une "
        "réunion sur les pannes de chauffage collectif.",
    ),
]


def _moment(today, days, at):
    return timezone.make_aware(datetime.combine(today + timedelta(days=days), at))


def _event(slug, today, days, start, end, fields, facilitator):
    """Create the event, or move its dates; returns (event, status for the tally)."""
    fields = dict(fields)
    themes = list(Theme.objects.filter(slug__in=fields.pop("themes")))
    groups = list(Group.objects.filter(slug__in=fields.pop("groups")))
    fields["quartier"] = Quartier.objects.filter(slug=fields["quartier"]).first()
    starts_at, ends_at = _moment(today, days, start), _moment(today, days, end)
    event = Event.objects.filter(slug=slug).first()
    if event is not None:
        if event.starts_at == starts_at and event.ends_at == ends_at:
            return event, "unchanged"
        Event.objects.filter(pk=event.pk).update(starts_at=starts_at, ends_at=ends_at)
        event.refresh_from_db()
        return event, "updated"
    event = Event.objects.create(
        slug=slug, starts_at=starts_at, ends_at=ends_at, created_by=facilitator, **fields
    )
    event.themes.set(themes)
    event.groups.set(groups)
    return event, "created"


@transaction.atomic
def load_demo():
    # Imported here: the demo command imports this module.
    from portail.core.management.commands.demo import demo_account

    tally = Tally("Événements de démonstration")
    facilitator = demo_account(Role.FACILITATOR)
    resident = demo_account(Role.RESIDENT)
    housing = Group.objects.get(slug=HOUSING_GROUP)
    today = timezone.localdate()
    for slug, days, start, end, fields, registrations in EVENTS:
        event, status = _event(slug, today, days, start, end, fields, facilitator)
        tally.add(status)
        for number, (name, contact, attended) in enumerate(registrations, start=1):
            registration, _created = waitlist.register(
                event, name=name, contact=contact, submission_key=f"demo-{slug}-{number}"
            )
            if attended is not None and registration.attended is None:
                registration.attended = attended
                registration.save(update_fields=["attended"])
        if days > 0 and event.kind == Event.Kind.RESTITUTION:
            # The demo resident registered while signed in: « Mes inscriptions » shows it.
            waitlist.register(
                event,
                name=resident.public_name,
                user=resident,
                submission_key=f"demo-{slug}-habitante",
            )
        if days < 0:
            _after(event, facilitator, housing)
    return tally


def _after(event, facilitator, housing):
    """The past restitution: its attendance, its published minutes and its two suites."""
    if event.attendance_count is None:
        event.attendance_count = 27
        event.save(update_fields=["attendance_count"])
    if not event.minutes_original:
        event.record_minutes(MINUTES, publish=True)
    if not event.suites.exists():
        cotonne = Quartier.objects.filter(slug="la-cotonne").first()
        for index, (kind, summary) in enumerate(PAST_SUITES):
            event.add_suite(
                by=facilitator,
                kind=kind,
                summary=summary,
                quartier=cotonne,
                group=housing if index == 0 else None,
            )
