"""Factories of the follow-up requests.

`DemandeFactory()` is a request just received online, with invented contact details that must
never reach a page they do not belong on: look for NAME_MARKER, EMAIL_MARKER, PHONE_MARKER,
ADDRESS_MARKER, and NOTE_MARKER (an internal note added by `with_note=True`). The private link's
token is `demande.follow_token`. Traits: `assigned` (to a new group), `in_progress`, `closed`.
"""

import uuid

import factory
from django.utils import timezone

from portail.core.tokens import hash_token
from portail.demandes.models import Demande, Note, link_token
from tests.groups.factories import GroupFactory

NAME_MARKER = "Nadia Ferhat"
EMAIL_MARKER = "nadia.ferhat@exemple.org"
PHONE_MARKER = "06 11 22 33 44"
ADDRESS_MARKER = "12 rue des Lilas"
SUMMARY_MARKER = "la moisissure dans la chambre des enfants"
NOTE_MARKER = "Note interne : la personne préfère être appelée le soir"
MESSAGE_MARKER = "Message : nous passons vous voir jeudi"


class DemandeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Demande
        skip_postgeneration_save = True

    kind = Demande.Kind.BUILDING
    status = Demande.Status.NEW
    summary = factory.LazyFunction(
        lambda: (
            f"Dans notre immeuble, {SUMMARY_MARKER}. Je suis {NAME_MARKER}, "
            f"appelez-moi au {PHONE_MARKER}."
        )
    )
    contact_name = NAME_MARKER
    contact_email = EMAIL_MARKER
    contact_phone = PHONE_MARKER
    contact_consent = True
    address = ADDRESS_MARKER
    landlord_name = "Bailleur des Tilleuls"
    households = 24
    submission_key = factory.LazyFunction(lambda: uuid.uuid4().hex)
    follow_token_hash = factory.LazyAttribute(lambda o: hash_token(link_token(o.submission_key)))

    class Params:
        assigned = factory.Trait(
            status=Demande.Status.ASSIGNED,
            assigned_group=factory.SubFactory(GroupFactory),
            first_action_at=factory.LazyFunction(timezone.now),
        )
        in_progress = factory.Trait(
            status=Demande.Status.IN_PROGRESS,
            assigned_group=factory.SubFactory(GroupFactory),
            first_action_at=factory.LazyFunction(timezone.now),
        )
        closed = factory.Trait(
            status=Demande.Status.CLOSED,
            assigned_group=factory.SubFactory(GroupFactory),
            outcome=Demande.Outcome.DONE,
            outcome_reason="La réunion a eu lieu.",
            first_action_at=factory.LazyFunction(timezone.now),
            closed_at=factory.LazyFunction(timezone.now),
        )

    @factory.post_generation
    def with_note(obj, create, extracted, **kwargs):
        if create and extracted:
            Note.objects.create(demande=obj, text=NOTE_MARKER)
            Note.objects.create(demande=obj, text=MESSAGE_MARKER, for_requester=True)


# --- Roles around one request -------------------------------------------------------------------

ROLES = (
    "anonyme",
    "habitant",
    "membre_du_groupe",
    "membre_autre_groupe",
    "animateur_du_groupe",
    "animateur_autre_groupe",
    "personne_chargee",
    "moderateur",
    "partenaire",
    "equipe",
)


def people_around(group, other_group):
    """One user per role (None for the anonymous visitor), around `group` (the request's) and
    `other_group`. The person in charge is a plain member of `group`."""
    from portail.groups.models import Membership
    from tests.accounts.factories import UserFactory

    def member(of, role=Membership.Role.MEMBER):
        user = UserFactory()
        Membership.objects.create(group=of, user=user, role=role)
        return user

    return {
        "anonyme": None,
        "habitant": UserFactory(),
        "membre_du_groupe": member(group),
        "membre_autre_groupe": member(other_group),
        "animateur_du_groupe": member(group, Membership.Role.FACILITATOR),
        "animateur_autre_groupe": member(other_group, Membership.Role.FACILITATOR),
        "personne_chargee": member(group),
        "moderateur": UserFactory(moderator=True),
        "partenaire": UserFactory(partner=True),
        "equipe": UserFactory(staff=True),
    }
