"""`manage.py rebuild_search_index`: index again every public thing a person can find.

The index follows every change by itself (signals); this command is for a fresh database, after
a bulk import that skipped the signals (bench_data), or after a change of the indexing rules.
"""

from django.core.management.base import BaseCommand

from portail.search import index
from portail.search.models import Kind


class Command(BaseCommand):
    help = (
        "Reconstruit l'index de recherche (glossaire, fiches, lettres, questions publiées, "
        "organisations, groupes publics, discussions publiées du forum public)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--type",
            dest="kinds",
            action="append",
            choices=Kind.values,
            help="Seulement ce type de contenu (peut être répété).",
        )

    def handle(self, *args, kinds=None, **options):
        verbose = options.get("verbosity", 1) > 1

        def progress(kind, count):
            if verbose:
                self.stdout.write(f"  {kind} : {count}…")

        counts = index.rebuild(kinds=kinds, progress=progress)
        labels = dict(Kind.choices)
        for kind, count in counts.items():
            self.stdout.write(f"Index de recherche — {labels[kind]} : {count} document(s)")
        self.stdout.write(self.style.SUCCESS("Index de recherche reconstruit."))
