"""Fill the database with a realistic volume of synthetic data for benchmarks (bench/run.sh).

Synthetic people get addresses under the reserved .invalid domain and unusable passwords, so
they can never receive mail or sign in. Later rooms (questions, events…) add their own options.
"""

import random

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from portail.accounts.models import User
from portail.groups.models import Group, Membership
from portail.places.models import Quartier, Theme

BENCH_DOMAIN = "bench.invalid"


class Command(BaseCommand):
    help = "Crée des données synthétiques en volume pour les mesures de performance."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=1000)
        parser.add_argument("--groups", type=int, default=100)
        parser.add_argument("--seed", type=int, default=42)

    @transaction.atomic
    def handle(self, *args, users, groups, seed, **options):
        rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
        quartiers = list(Quartier.objects.all())
        themes = list(Theme.objects.all())
        existing_users = User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").count()
        unusable = make_password(None)
        new_users = [
            User(
                email=f"personne{n}@{BENCH_DOMAIN}",
                display_name=f"Personne {n}",
                password=unusable,
                quartier=rng.choice(quartiers) if quartiers else None,
            )
            for n in range(existing_users, users)
        ]
        User.objects.bulk_create(new_users, batch_size=1000)

        existing_groups = Group.objects.filter(slug__startswith="bench-").count()
        new_groups = Group.objects.bulk_create(
            [
                Group(
                    name=f"Groupe d'essai {n}",
                    slug=f"bench-{n}",
                    presentation="Groupe synthétique pour les mesures de performance.",
                )
                for n in range(existing_groups, groups)
            ]
        )
        people = list(User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}")[:users])
        memberships = []
        for group in new_groups:
            if themes:
                group.themes.add(rng.choice(themes))
            if quartiers:
                group.quartiers.add(rng.choice(quartiers))
            for position, person in enumerate(rng.sample(people, min(8, len(people)))):
                role = Membership.Role.FACILITATOR if position == 0 else Membership.Role.MEMBER
                memberships.append(Membership(group=group, user=person, role=role))
        Membership.objects.bulk_create(memberships, ignore_conflicts=True)
        self.stdout.write(
            f"Données de mesure : {len(new_users)} comptes et {len(new_groups)} groupes ajoutés "
            f"({users} comptes et {groups} groupes au total)."
        )
