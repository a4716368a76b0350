"""`manage.py generate_cards`: the cards of the jeu de l'oie in step with the glossary, the fiches
and the public questions (see portail/cards/generate.py). Safe to run again: nothing is
duplicated."""

from django.core.management.base import BaseCommand

from portail.cards.generate import generate_cards


class Command(BaseCommand):
    help = (
        "Crée ou met à jour les cartes du jeu de l'oie à partir du glossaire, des fiches pistes "
        "et des questions publiques qui ont une piste ; retire celles dont la source a disparu."
    )

    def handle(self, *args, **options):
        for tally in generate_cards():
            self.stdout.write(str(tally))
