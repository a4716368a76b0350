"""Fiches pistes from content/fiches/<subject-key>.md: a TOML front matter (subject, title, « en
bref », words, organisations, model letter, sources, verification) and a Markdown body with
exactly three sections. Exactly one fiche per subject. See portail/core/content.py."""

import re

import reversion

from portail.core import frontmatter
from portail.core.content import ContentError, Tally, resolve, sync
from portail.directory.models import Organisation
from portail.fiches.models import FALC_MAX_SENTENCES, Fiche
from portail.glossary.models import Term
from portail.letters.models import Letter
from portail.places.models import Subject

KEYS = {
    "sujet",
    "titre",
    "en_bref",
    "mots",
    "organisations",
    "lettre",
    "sources",
    "verifie_le",
    "verifie_par",
}
HEADINGS = ("Vos droits", "Ce que vous pouvez faire", "À qui s'adresser")
_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t#]*$", re.M)
_NUMBERED = re.compile(r"^[ \t]*1[.)][ \t]", re.M)


def load_fiches():
    """Create or update the fiche of each file (found by its subject key). All or nothing: a
    broken file, or a subject left without a fiche, leaves the database as it was."""
    tally = Tally("Fiches pistes")
    seen = {}
    with reversion.create_revision():
        reversion.set_comment("chargement du contenu")
        for path in frontmatter.markdown_files("fiches"):
            source = f"fiches/{path.name}"
            meta, body = frontmatter.read_front_matter(path, source)
            subject = _subject(meta, source)
            if subject.key in seen:
                raise ContentError(
                    f"{source} : le sujet « {subject.key} » a déjà une fiche ({seen[subject.key]})."
                )
            seen[subject.key] = source
            values, m2m = _fiche_values(subject, meta, body, source)
            _, status = sync(Fiche, {"slug": subject.key}, values, m2m=m2m, source=source)
            tally.add(status)
        missing = list(Subject.objects.exclude(key__in=seen).values_list("key", flat=True))
        if missing:
            raise ContentError(
                f"fiches/ : aucune fiche pour le(s) sujet(s) : {', '.join(missing)}."
            )
    return tally


def _subject(meta, source):
    frontmatter.check_keys(meta, KEYS, source)
    key = frontmatter.text(meta, "sujet", source)
    subject = Subject.objects.filter(key=key).first()
    if subject is None:
        raise ContentError(f"{source} : sujet inconnu : {key}.")
    return subject


def _fiche_values(subject, meta, body, source):
    rights, steps, contacts = split_sections(body, source)
    summary = frontmatter.text_list(meta, "en_bref", source)
    if not summary or not all(summary):
        raise ContentError(f"{source} : « en_bref » doit avoir au moins une phrase non vide.")
    if len(summary) > FALC_MAX_SENTENCES:
        raise ContentError(
            f"{source} : « en_bref » a {len(summary)} phrases ; {FALC_MAX_SENTENCES} au plus."
        )
    sources = frontmatter.sources(meta, source)
    if not sources:
        raise ContentError(f"{source} : il faut au moins une source (loi, article, décret).")
    letter_slug = frontmatter.text(meta, "lettre", source, required=False)
    letter = None
    if letter_slug:
        letter = Letter.objects.filter(slug=letter_slug).first()
        if letter is None:
            raise ContentError(f"{source} : modèle de lettre inconnu : {letter_slug}.")
    values = {
        "subject": subject,
        "title": frontmatter.text(meta, "titre", source),
        "summary_falc": summary,
        "rights_md": rights,
        "steps_md": steps,
        "contacts_md": contacts,
        "letter": letter,
        "sources": sources,
        "verified_on": frontmatter.day(meta, "verifie_le", source),
        "verified_by": frontmatter.text(meta, "verifie_par", source),
    }
    m2m = {
        "terms": resolve(Term, "slug", frontmatter.text_list(meta, "mots", source), source),
        "organisations": resolve(
            Organisation, "slug", frontmatter.text_list(meta, "organisations", source), source
        ),
    }
    return values, m2m


def split_sections(body, source):
    """The Markdown of « Vos droits », « Ce que vous pouvez faire » and « À qui s'adresser »."""
    matches = list(_HEADING.finditer(body))
    found = [match.group(1).strip().replace("’", "'") for match in matches]
    if found != list(HEADINGS):
        raise ContentError(
            f"{source} : le texte doit avoir exactement les titres "
            + ", ".join(f"« ## {heading} »" for heading in HEADINGS)
            + f", dans cet ordre (trouvés : {', '.join(found) or 'aucun'})."
        )
    if body[: matches[0].start()].strip():
        raise ContentError(f"{source} : du texte se trouve avant « ## {HEADINGS[0]} ».")
    ends = [match.start() for match in matches[1:]] + [len(body)]
    sections = [body[m.end() : end].strip() for m, end in zip(matches, ends, strict=True)]
    for heading, section in zip(HEADINGS, sections, strict=True):
        if not section:
            raise ContentError(f"{source} : la partie « {heading} » est vide.")
    if not _NUMBERED.search(sections[1]):
        raise ContentError(
            f"{source} : « {HEADINGS[1]} » doit être une liste numérotée (1. …, 2. …)."
        )
    return sections
