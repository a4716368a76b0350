"""Weight of the main pages of each room, with the demo content, as a phone on prepaid data
receives them (HTML only; CSS and JS are budgeted by tests/core/test_security.py).

    DEBUG=true DATABASE_URL=sqlite:////tmp/poids/db.sqlite3 .venv/bin/python manage.py migrate
    DEBUG=true DATABASE_URL=sqlite:////tmp/poids/db.sqlite3 .venv/bin/python manage.py demo
    DEBUG=true DATABASE_URL=sqlite:////tmp/poids/db.sqlite3 ALLOWED_HOSTS=testserver \
        .venv/bin/python bench/page_weights.py
"""

import gzip
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portail.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django

django.setup()

from django.test import Client  # noqa: E402

from portail.accounts.models import User  # noqa: E402
from portail.game.models import GameSession  # noqa: E402

PAGES = [
    "/",
    "/agenda/",
    "/forum/",
    "/groupes/groupe-logement/",
    "/reseau/",
    "/experiences/",
    "/demandes/",
    "/jeu/cartes/",
]


def main():
    client = Client()
    client.force_login(User.objects.get(email="animatrice@demo.portail"))
    game = GameSession.objects.first()
    print("| Page | HTML | compressé (gzip) |")
    print("|---|---|---|")
    for path in [*PAGES, f"/jeu/{game.pk}/"]:
        body = client.get(path, follow=True).content
        size, packed = len(body) / 1024, len(gzip.compress(body)) / 1024
        print(f"| {path} | {size:.1f} Ko | {packed:.1f} Ko |")


if __name__ == "__main__":
    main()
