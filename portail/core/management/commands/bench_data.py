"""Fill the database with a realistic volume of synthetic data for benchmarks (bench/run.sh)."""

import random

from django.core.management.base import BaseCommand
from django.db import transaction

from portail.core import bench_data


class Command(BaseCommand):
    help = "Crée des données synthétiques en volume pour les mesures de performance."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=1000, help="comptes au total")
        parser.add_argument("--groups", type=int, default=100, help="groupes au total")
        parser.add_argument("--questions", type=int, default=0, help="questions au total")
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, users, groups, questions, seed, **options):
        rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
        with transaction.atomic():
            people = bench_data.make_people(rng, users)
            new_groups = bench_data.make_groups(rng, groups)
        new_questions = bench_data.make_questions(rng, questions)
        self.stdout.write(
            f"Données de mesure : {people} comptes, {new_groups} groupes et {new_questions} "
            f"questions ajoutés ({users} comptes, {groups} groupes, {questions} questions visés)."
        )
