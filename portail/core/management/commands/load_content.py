"""`manage.py load_content`: loads the reviewed files of content/ (themes, places, network,
groups, glossary, model letters, fiches pistes) into the database and says what changed.

`--check` is for content writers: everything is read and checked against the database exactly
as a real load would, then nothing is kept."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portail.core.content import ContentError, load_content


class _DryRun(Exception):
    """Leaves the transaction of a --check run, so that nothing is written."""


class Command(BaseCommand):
    help = (
        "Charge les contenus de content/ (thèmes, lieux, réseau, groupes, glossaire, lettres, "
        "fiches) et affiche ce qui a été créé, mis à jour ou laissé tel quel. Peut être relancée "
        "sans créer de doublons."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Lire et vérifier tous les fichiers sans rien enregistrer (code de sortie 1 "
            "s'il y a des erreurs).",
        )

    def handle(self, *args, check=False, **options):
        try:
            with transaction.atomic():
                tallies = load_content()
                if check:
                    raise _DryRun
        except _DryRun:
            pass
        except ContentError as exc:
            self.stderr.write(self.style.ERROR("Contenu invalide, rien n'a été enregistré :"))
            raise CommandError(str(exc)) from exc
        for tally in tallies:
            self.stdout.write(str(tally))
        if check:
            self.stdout.write(
                self.style.SUCCESS(
                    "Vérification terminée : aucune erreur. Rien n'a été enregistré ; les "
                    "chiffres ci-dessus disent ce que le chargement changerait."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("Contenu chargé."))
