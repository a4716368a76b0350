"""The shared list of savoir-faire (content/savoir-faire.toml) and the experience records kept
as reviewed text (content/experiences/<slug>.toml). See portail/core/content.py.

`load_skills()` belongs to the content load (`_load_all`); `load_record()` is called by the
demo, which knows the demo accounts a record names as presenters."""

import tomllib

from portail.core.content import ContentError, Tally, content_dir, field, flag, read_toml, sync
from portail.experiences.models import ExperienceRecord, RecordSection, Skill, skill_key
from portail.groups.models import Group

SKILLS_FILE = "savoir-faire.toml"
RECORD_KEYS = {"slug", "group", "title", "summary", "published", "sections"}
SECTION_KEYS = {"kind", "title", "text", "animation", "presenters", "accounts", "skills"}


def load_skills():
    """Create or update each skill of the list, found by its slug, or by its name written
    another way (a facilitator may have added it first): a skill is never there twice."""
    tally = Tally("Savoir-faire")
    source = SKILLS_FILE
    seen = {}
    for entry in read_toml(SKILLS_FILE, "savoir_faire"):
        slug = field(entry, "slug", source, required=True)
        name = field(entry, "name", source, required=True)
        key = skill_key(name)
        if key in seen:
            raise ContentError(
                f"{source} : « {name} » est le même savoir-faire que « {seen[key]} »."
            )
        seen[key] = name
        by_slug = Skill.objects.filter(slug=slug).first()
        by_key = Skill.objects.filter(key=key).first()
        if by_slug and by_key and by_slug != by_key:
            raise ContentError(
                f"{source} : « {name} » existe déjà sous l'identifiant « {by_key.slug} »."
            )
        existing = by_slug or by_key
        values = {"name": name, "description": field(entry, "description", source, default="")}
        if existing:
            # A skill first added by a facilitator takes the file's slug.
            lookup = {"pk": existing.pk}
            values["slug"] = slug
        else:
            lookup = {"slug": slug}
        _, status = sync(Skill, lookup, values, source=source)
        tally.add(status)
    return tally


def load_record(name, accounts=None):
    """Create or update the record of content/experiences/<name>.toml (found by its slug) with
    its sections, in the file's order; sections beyond the file's are removed. `accounts` maps
    the names used in the sections' `accounts` lists to users (the demo accounts).
    Returns (record, tallies)."""
    source = f"experiences/{name}.toml"
    path = content_dir() / "experiences" / f"{name}.toml"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ContentError(f"Fichier de contenu introuvable : {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{source} n'est pas un fichier TOML valide : {exc}") from exc
    unknown = sorted(set(data) - RECORD_KEYS)
    if unknown:
        raise ContentError(f"{source} : clé(s) inconnue(s) : {', '.join(unknown)}.")
    slug = field(data, "slug", source, required=True)
    group_slug = field(data, "group", source, required=True)
    group = Group.objects.filter(slug=group_slug).first()
    if group is None:
        raise ContentError(f"{source} : groupe inconnu : {group_slug}.")

    records, sections = Tally("Récits d'expérience"), Tally("Parties des récits")
    record, status = sync(
        ExperienceRecord,
        {"slug": slug},
        {
            "group": group,
            "title": field(data, "title", source, required=True),
            "summary": field(data, "summary", source, default=""),
        },
        source=source,
    )
    entries = data.get("sections", [])
    if not isinstance(entries, list) or not entries:
        raise ContentError(f"{source} : il faut au moins une partie ([[sections]]).")
    for position, entry in enumerate(entries, start=1):
        sections.add(_sync_section(record, position, entry, accounts or {}, source))
    removed, _ = record.sections.filter(position__gt=len(entries)).delete()
    if removed and status == "unchanged":
        status = "updated"
    if flag(data, "published", source, default=False) and not record.is_published:
        record.publish()
        status = "updated" if status == "unchanged" else status
    records.add(status)
    return record, [records, sections]


def _sync_section(record, position, entry, accounts, source):
    where = f"{source} : partie {position}"
    unknown = sorted(set(entry) - SECTION_KEYS)
    if unknown:
        raise ContentError(f"{where} : clé(s) inconnue(s) : {', '.join(unknown)}.")
    kind = field(entry, "kind", source, required=True)
    if kind not in RecordSection.Kind.values:
        raise ContentError(
            f"{where} : « {kind} » n'est pas une partie connue "
            f"({', '.join(RecordSection.Kind.values)})."
        )
    skills = []
    for name in entry.get("skills", []):
        skill = Skill.objects.matching(name)
        if skill is None:
            raise ContentError(
                f"{where} : savoir-faire inconnu : « {name} » (ajoutez-le d'abord à {SKILLS_FILE})."
            )
        skills.append(skill)
    presenters = []
    for name in entry.get("accounts", []):
        if name not in accounts:
            raise ContentError(f"{where} : compte inconnu : {name}.")
        presenters.append(accounts[name])
    names = entry.get("presenters", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ContentError(f"{where} : « presenters » est une liste de textes.")
    _, status = sync(
        RecordSection,
        {"record": record, "position": position},
        {
            "kind": kind,
            "title": field(entry, "title", source, default=""),
            "text": field(entry, "text", source, required=True),
            "animation": field(entry, "animation", source, default=""),
            "presenter_names": ", ".join(n.strip() for n in names if n.strip()),
        },
        m2m={"skills": skills, "presenters": presenters},
        source=source,
    )
    return status
