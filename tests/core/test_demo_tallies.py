"""`manage.py demo` prints each count once: the content the demos rely on (the savoir-faire,
our reviewed cards) is loaded and counted by the content load, not again by each app's demo."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

TALLY_LINE = re.compile(r"^(?P<label>.+) : \d+ créé\(s\)", re.MULTILINE)


def test_the_demo_prints_each_tally_line_once(settings, monkeypatch):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    out = StringIO()

    call_command("demo", stdout=out)

    labels = Counter(match["label"] for match in TALLY_LINE.finditer(out.getvalue()))
    assert labels["Savoir-faire"] == 1
    assert labels["Cartes du jeu écrites par l'équipe"] == 1
    assert [label for label, n in labels.items() if n > 1] == []
