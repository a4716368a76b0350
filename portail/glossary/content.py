"""The glossary from its reviewed files, content/glossaire/<slug>.toml (format:
content/README.md and /tmp/content_formats.md). See portail/core/content.py.

Every file is read and checked before anything is written, and all the problems found are
reported together, each with its file and field: a contributor fixes them in one go."""

import datetime
import re
import tomllib

from portail.core.content import ContentError, Tally, content_dir, sync
from portail.glossary.models import DEFINITION_MAX_WORDS, Term, count_words
from portail.places.models import Subject, Theme

GLOSSARY_DIR = "glossaire"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KNOWN_FIELDS = {
    "terme",
    "autres_noms",
    "definition",
    "exemple",
    "themes",
    "sujets",
    "voir_aussi",
    "sources",
    "verifie_le",
    "verifie_par",
    "ne_pas_confondre",
}


def load_glossary(directory=None):
    """Creates or updates one Term per file (found by its slug, the file name); returns the
    tally. Terms that no file mentions are left alone (they may have been added in the admin)."""
    directory = directory or content_dir() / GLOSSARY_DIR
    entries = read_glossary(directory)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    subjects = {subject.key: subject for subject in Subject.objects.all()}
    known_slugs = {entry["slug"] for entry in entries} | set(
        Term.objects.values_list("slug", flat=True)
    )
    errors = []
    for entry in entries:
        errors += _unknown(entry, "themes", entry["themes"], themes, "thème")
        errors += _unknown(entry, "sujets", entry["subjects"], subjects, "sujet")
        errors += _unknown(entry, "voir_aussi", entry["see_also"], known_slugs, "mot du glossaire")
    if errors:
        raise ContentError("\n".join(errors))

    tally = Tally("Glossaire")
    statuses = {}
    for entry in entries:
        term, status = sync(
            Term,
            {"slug": entry["slug"]},
            entry["values"],
            m2m={
                "themes": [themes[slug] for slug in entry["themes"]],
                "subjects": [subjects[key] for key in entry["subjects"]],
            },
            source=entry["source"],
        )
        statuses[entry["slug"]] = (term, status)
    # Second pass: « voir aussi » may name a word whose file comes later.
    terms = {term.slug: term for term in Term.objects.filter(slug__in=known_slugs)}
    for entry in entries:
        term, status = statuses[entry["slug"]]
        wanted = [terms[slug] for slug in entry["see_also"]]
        if set(term.see_also.values_list("pk", flat=True)) != {t.pk for t in wanted}:
            term.see_also.set(wanted)
            if status == "unchanged":
                status = "updated"
        tally.add(status)
    return tally


def read_glossary(directory):
    """Every entry of `directory`, parsed and checked; one ContentError listing all problems."""
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise ContentError(f"Aucun fichier de glossaire dans {directory}.")
    entries, errors = [], []
    for path in files:
        try:
            entries.append(parse_entry(path))
        except ContentError as exc:
            errors.append(str(exc))
    if errors:
        raise ContentError("\n".join(errors))
    return entries


def parse_entry(path):
    """One file as the values of a Term, or a ContentError naming the file and the fields."""
    source = f"{GLOSSARY_DIR}/{path.name}"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{source} n'est pas un fichier TOML valide : {exc}") from exc
    problems = []
    slug = path.stem
    if not SLUG.match(slug):
        problems.append(
            "le nom du fichier doit être en minuscules sans accents, avec des tirets "
            "(ex. depot-de-garantie.toml)"
        )
    for name in sorted(set(data) - KNOWN_FIELDS):
        problems.append(f"champ « {name} » inconnu")

    def text(name, required=False):
        value = data.get(name, "")
        if not isinstance(value, str):
            problems.append(f"« {name} » doit être un texte entre guillemets")
            return ""
        if required and not value.strip():
            problems.append(f"le champ « {name} » est obligatoire")
        return value.strip()

    def texts(name):
        value = data.get(name, [])
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            problems.append(f"« {name} » doit être une liste de textes non vides")
            return []
        return [item.strip() for item in value]

    definition = text("definition", required=True)
    words = count_words(definition)
    if words > DEFINITION_MAX_WORDS:
        problems.append(
            f"« definition » fait {words} mots : {DEFINITION_MAX_WORDS} au plus, pour être "
            "comprise d'un enfant de 12 ans"
        )
    verified_on = data.get("verifie_le")
    if verified_on is not None and (
        not isinstance(verified_on, datetime.date) or isinstance(verified_on, datetime.datetime)
    ):
        problems.append("« verifie_le » doit être une date sans guillemets (ex. 2026-11-24)")
        verified_on = None
    confusions = data.get("ne_pas_confondre", [])
    if not isinstance(confusions, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("terme"), str)
        and item["terme"].strip()
        and isinstance(item.get("explication"), str)
        and item["explication"].strip()
        for item in confusions
    ):
        problems.append(
            "chaque bloc [[ne_pas_confondre]] doit avoir un « terme » et une « explication »"
        )
        confusions = []
    values = {
        "term": text("terme", required=True),
        "aliases": texts("autres_noms"),
        "definition": definition,
        "example": text("exemple"),
        "not_to_confuse": [
            {"terme": item["terme"].strip(), "explication": item["explication"].strip()}
            for item in confusions
        ],
        "sources": texts("sources"),
        "verified_on": verified_on,
        "verified_by": text("verifie_par"),
    }
    entry = {
        "slug": slug,
        "source": source,
        "values": values,
        "themes": texts("themes"),
        "subjects": texts("sujets"),
        "see_also": texts("voir_aussi"),
    }
    if slug in entry["see_also"]:
        problems.append("« voir_aussi » ne peut pas citer le mot lui-même")
    if problems:
        raise ContentError(f"{source} : " + " ; ".join(problems) + ".")
    return entry


def _unknown(entry, field_name, values, known, label):
    missing = [value for value in values if value not in known]
    if not missing:
        return []
    return [f"{entry['source']} : « {field_name} » : {label} inconnu : {', '.join(missing)}."]
