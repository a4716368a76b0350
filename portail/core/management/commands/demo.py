"""`manage.py demo`: the content of content/ plus one demo account per role, so that a fresh
checkout shows a living portal. Safe to run again: nothing is duplicated."""

import importlib
import importlib.util
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from portail.accounts.roles import Role
from portail.core.content import ContentError, Tally, load_content
from portail.directory.models import Organisation, OrganisationMember
from portail.groups.models import Group, Membership
from portail.places.models import Quartier

# Public on purpose: printed at the end, only ever used where DEBUG is on (or --force).
DEFAULT_PASSWORD = "demo-portail-42"  # noqa: S105
HOUSING_GROUP = "groupe-logement"
PARTNER_ORGANISATION = "centre-social-de-beaulieu"

# email, display name, the role shown in the table, and what makes the account hold it.
DEMO_ACCOUNTS = [
    ("habitante@demo.portail", "Habitante (démo)", Role.RESIDENT, {"quartier": "montreynaud"}),
    ("membre@demo.portail", "Membre (démo)", Role.GROUP_MEMBER, {"group_role": "membre"}),
    ("animatrice@demo.portail", "Animatrice (démo)", Role.FACILITATOR, {"group_role": "animateur"}),
    ("moderateur@demo.portail", "Modérateur (démo)", Role.MODERATOR, {"is_moderator": True}),
    ("partenaire@demo.portail", "Partenaire (démo)", Role.PARTNER, {"partner": True}),
    ("equipe@demo.portail", "Équipe (démo)", Role.STAFF, {"is_staff": True}),
]


class Command(BaseCommand):
    help = (
        "Charge les contenus de content/ (thèmes, sujets, lieux, réseau, groupes) et crée un "
        "compte de démonstration par rôle. Peut être relancée sans créer de doublons."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Lancer même quand DEBUG est désactivé (crée des comptes au mot de passe connu).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG est désactivé : cette base ressemble à une base de production. La démo "
                "crée des comptes dont le mot de passe est connu de tous. Si c'est bien voulu "
                "(poste de test, préproduction), relancez avec --force."
            )
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError("DEMO_PASSWORD est trop faible : " + " ".join(exc.messages)) from exc

        try:
            with transaction.atomic():
                tallies = load_content()
                tallies.append(create_demo_accounts(password))
                tallies.extend(load_app_demos())
                # The index follows every save; rebuilt here so that it is whole whatever
                # was in the database before.
                call_command("rebuild_search_index", stdout=self.stdout)
        except ContentError as exc:
            raise CommandError(f"Contenu invalide, rien n'a été chargé. {exc}") from exc

        for tally in tallies:
            self.stdout.write(str(tally))
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Comptes de démonstration :"))
        width = max(len(email) for email, *_ in DEMO_ACCOUNTS)
        self.stdout.write(f"  {'Adresse e-mail'.ljust(width)}  {'Rôle'.ljust(36)}  Mot de passe")
        for email, _name, role, _how in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email.ljust(width)}  {str(role.label).ljust(36)}  {password}")
        self.stdout.write("")
        self.stdout.write(f"Le portail : {settings.SITE_URL}  (administration : /admin/)")
        if not settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(
                    "Attention : DEBUG est désactivé. Supprimez ces comptes ou changez leur mot "
                    "de passe avant d'ouvrir ce site au public."
                )
            )


# Demo data that is not reviewed content (events dated from today, follow-up requests, a game…):
# each of these modules has `load_demo() -> Tally | list[Tally]`, run in this order after the
# accounts exist. Like the rest of the demo, running it again creates no duplicates.
APP_DEMOS = [
    "portail.groups.demo",
    "portail.directory.demo",
    "portail.questions.demo",
    "portail.experiences.demo",
    "portail.events.demo",
    "portail.demandes.demo",
    "portail.forum.demo",
    "portail.cards.demo",
    "portail.game.demo",
]


def demo_account(role):
    """The demo account that holds `role` (a Role), for the apps' demo data."""
    email = next(email for email, _name, held, _how in DEMO_ACCOUNTS if held == role)
    return get_user_model().objects.get(email__iexact=email)


def load_app_demos():
    tallies = []
    for name in APP_DEMOS:
        if importlib.util.find_spec(name) is None:
            continue
        result = importlib.import_module(name).load_demo()
        tallies.extend(result if isinstance(result, list | tuple) else [result])
    return tallies


def create_demo_accounts(password):
    """One confirmed, active account per role (see DEMO_ACCOUNTS), with `password`. An account
    changed by hand gets its demo role and password back."""
    tally = Tally("Comptes de démonstration")
    group = Group.objects.get(slug=HOUSING_GROUP)
    organisation = Organisation.objects.get(slug=PARTNER_ORGANISATION)
    User = get_user_model()
    for email, display_name, _role, how in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User(email=email)
        wanted = {
            "display_name": display_name,
            "is_active": True,
            "is_moderator": how.get("is_moderator", False),
            "is_staff": how.get("is_staff", False),
            "is_superuser": how.get("is_staff", False),
        }
        if "quartier" in how:
            wanted["quartier"] = Quartier.objects.get(slug=how["quartier"])
        changed = [name for name, value in wanted.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, wanted[name])
        if user.email_confirmed_at is None:
            user.email_confirmed_at = timezone.now()
            changed.append("email_confirmed_at")
        if not user.check_password(password):
            user.set_password(password)
            changed.append("password")
        if created or changed:
            user.save()
        if "group_role" in how:
            membership, joined = Membership.objects.get_or_create(
                group=group, user=user, defaults={"role": how["group_role"]}
            )
            if not joined and membership.role != how["group_role"]:
                membership.role = how["group_role"]
                membership.save(update_fields=["role"])
                changed.append("role")
        if how.get("partner"):
            _, joined = OrganisationMember.objects.get_or_create(
                organisation=organisation, user=user
            )
            if joined and not created:
                changed.append("organisation")
        tally.add("created" if created else "updated" if changed else "unchanged")
    return tally
