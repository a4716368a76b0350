"""Mask personal data in a text read on standard input, e.g. a question written on paper.

python manage.py mask_personal_data < question.txt > question-masquee.txt
python manage.py mask_personal_data --spans < question.txt 2> passages.json
"""

import json
import sys

from django.core.management.base import BaseCommand

from portail.privacy.masking import mask_with_spans


class Command(BaseCommand):
    help = (
        "Lit un texte sur l'entrée standard et écrit sur la sortie standard le même texte, "
        "données personnelles masquées (UTF-8)."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--spans",
            action="store_true",
            help="Écrit aussi sur la sortie d'erreur la liste JSON des passages masqués "
            "(positions dans le texte d'origine).",
        )

    def handle(self, *args, **options):
        text = _read_utf8(options.get("stdin") or sys.stdin)
        result = mask_with_spans(text)
        _write_utf8(self.stdout, result.text)
        if options["spans"]:
            spans = [span.as_dict() for span in result.spans]
            _write_utf8(self.stderr, json.dumps(spans, ensure_ascii=False) + "\n")


def _read_utf8(stream):
    if hasattr(stream, "buffer"):
        # UTF-8 whatever the locale of the machine; a bad byte becomes U+FFFD rather than
        # stopping the import of a whole batch
        return stream.buffer.read().decode("utf-8", errors="replace")
    return stream.read()


def _write_utf8(wrapper, text):
    """Write `text` as is (no newline added) and in UTF-8 when the stream is a real file."""
    stream = getattr(wrapper, "_out", wrapper)
    if hasattr(stream, "buffer"):
        stream.flush()
        stream.buffer.write(text.encode("utf-8"))
        stream.buffer.flush()
    else:
        stream.write(text)
