"""Model letters from content/lettres/<slug>.md: the front matter says what the letter is for
and which fields a person fills in ([[champs]]); the body is the letter's text, a Django template
using those fields. See portail/core/content.py."""

import re

import reversion

from portail.core import frontmatter
from portail.core.content import ContentError, Tally, resolve, sync
from portail.letters import definitions
from portail.letters.models import Letter
from portail.places.models import Subject

KEYS = {
    "titre",
    "sujets",
    "resume",
    "objet",
    "envoi",
    "destinataire",
    "sources",
    "verifie_le",
    "verifie_par",
    "champs",
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Paths of /lettres/ that are not letters.
RESERVED_SLUGS = {"mes-lettres"}


def load_letters():
    """Create or update a Letter per file (found by its slug, the file name). Returns a Tally."""
    tally = Tally("Modèles de lettres")
    with reversion.create_revision():
        reversion.set_comment("chargement du contenu")
        for path in frontmatter.markdown_files("lettres"):
            source = f"lettres/{path.name}"
            meta, body = frontmatter.read_front_matter(path, source)
            values, subjects = _letter_values(path.stem, meta, body, source)
            _, status = sync(
                Letter,
                {"slug": path.stem},
                values,
                m2m={"subjects": subjects},
                source=source,
            )
            tally.add(status)
    return tally


def _letter_values(slug, meta, body, source):
    if not _SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise ContentError(
            f"{source} : le nom du fichier doit être en minuscules sans accent, avec des tirets, "
            "et différent de « mes-lettres »."
        )
    frontmatter.check_keys(meta, KEYS, source)
    recipient = frontmatter.text(meta, "destinataire", source)
    if recipient not in Letter.RecipientKind.values:
        raise ContentError(
            f"{source} : « destinataire » doit être l'un de "
            f"{', '.join(Letter.RecipientKind.values)}, pas « {recipient} »."
        )
    fields = meta.get("champs", [])
    errors = definitions.field_definition_errors(fields)
    if errors:
        raise ContentError(f"{source} : " + " ".join(errors))
    error = definitions.body_error(body)
    if error:
        raise ContentError(f"{source} : {error}")
    subjects = resolve(Subject, "key", frontmatter.text_list(meta, "sujets", source), source)
    values = {
        "title": frontmatter.text(meta, "titre", source),
        "summary": frontmatter.text(meta, "resume", source),
        "subject_line": frontmatter.text(meta, "objet", source),
        "sending": frontmatter.text(meta, "envoi", source, required=False),
        "recipient_kind": recipient,
        "fields": fields,
        "body": body,
        "sources": frontmatter.sources(meta, source),
        "verified_on": frontmatter.day(meta, "verifie_le", source),
        "verified_by": frontmatter.text(meta, "verifie_par", source),
    }
    return values, subjects
