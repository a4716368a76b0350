import json
from io import StringIO

from django.core.management import call_command


def run(text, *args):
    stdout, stderr = StringIO(), StringIO()
    call_command("mask_personal_data", *args, stdin=StringIO(text), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_the_command_writes_the_masked_text_to_stdout():
    out, err = run("le proprio veut pas, rappelez moi au 06 12 34 56 78\n")

    assert out == "le proprio veut pas, rappelez moi au [téléphone masqué]\n"
    assert err == ""


def test_the_command_prints_the_spans_as_json_on_stderr_when_asked():
    text = "Je m'appelle Amel, écrivez à amel.refuge@example.org"

    out, err = run(text, "--spans")

    assert out == "Je m'appelle [nom masqué], écrivez à [e-mail masqué]"
    spans = json.loads(err)
    assert [(text[s["start"] : s["end"]], s["kind"]) for s in spans] == [
        ("Amel", "nom"),
        ("amel.refuge@example.org", "email"),
    ]


def test_the_command_leaves_a_text_without_personal_data_as_it_is():
    text = "Bonjour,\nle FSL ça donne combien pour les dettes de loyer ?\n"

    out, _ = run(text)

    assert out == text


def test_the_command_accepts_an_empty_input():
    assert run("") == ("", "")
