from django.core.management.base import BaseCommand

from portail.core import periodic


class Command(BaseCommand):
    help = (
        "Lance une fois chaque tâche périodique (rappels, relances, effacement des données "
        "anciennes). À appeler chaque heure (cron ou minuteur systemd)."
    )

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", help="Seulement ces tâches (par leur nom).")
        parser.add_argument("--list", action="store_true", help="Afficher les tâches connues.")

    def handle(self, *args, jobs=(), list=False, **options):
        if list:
            for job in periodic.jobs():
                self.stdout.write(f"{job.key} — {job.label}")
            return
        unknown = set(jobs) - {job.key for job in periodic.jobs()}
        if unknown:
            self.stderr.write(f"Tâche inconnue : {', '.join(sorted(unknown))}")
            return
        for key, count in periodic.run_all(only=set(jobs) or None).items():
            result = "en échec (voir le journal)" if count is None else f"{count} traité(s)"
            self.stdout.write(f"{key} : {result}")
