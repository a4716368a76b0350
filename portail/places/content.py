"""Themes, subjects, communes and quartiers from their reviewed files (content/themes.toml,
portail/places/fixtures/subjects.json, content/places.toml). See portail/core/content.py."""

import json
from pathlib import Path

from portail.core.content import ContentError, Tally, field, flag, read_toml, sync
from portail.places.models import Commune, Quartier, Subject, Theme

SUBJECTS_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "subjects.json"


def load_themes():
    tally = Tally("Thèmes")
    for position, entry in enumerate(read_toml("themes.toml", "themes"), start=1):
        source = "themes.toml"
        _, status = sync(
            Theme,
            {"slug": field(entry, "slug", source, required=True)},
            {
                "name": field(entry, "name", source, required=True),
                "description": field(entry, "description", source, default=""),
                "pictogram": field(entry, "pictogram", source, required=True),
                # The file's order is the display order; gaps leave room for admin edits.
                "order": position * 10,
            },
            source=source,
        )
        tally.add(status)
    return tally


def load_subjects(path=SUBJECTS_FIXTURE):
    """The subjects fixture (also loadable with `manage.py loaddata subjects`: natural keys)."""
    tally = Tally("Sujets")
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"Fixture des sujets illisible ({path}) : {exc}") from exc
    for item in items:
        fields = item["fields"]
        try:
            theme = Theme.objects.get_by_natural_key(*fields["theme"])
        except Theme.DoesNotExist as exc:
            raise ContentError(
                f"subjects.json : thème inconnu {fields['theme']} pour le sujet {fields['key']} "
                "(chargez d'abord content/themes.toml)."
            ) from exc
        _, status = sync(
            Subject,
            {"key": fields["key"]},
            {"title": fields["title"], "description": fields["description"], "theme": theme},
            source="subjects.json",
        )
        tally.add(status)
    return tally


def load_places():
    communes, quartiers = Tally("Communes"), Tally("Quartiers")
    source = "places.toml"
    for entry in read_toml("places.toml", "communes"):
        commune, status = sync(
            Commune,
            {"slug": field(entry, "slug", source, required=True)},
            {
                "name": field(entry, "name", source, required=True),
                "postal_code": field(entry, "postal_code", source, default=""),
                "insee_code": field(entry, "insee_code", source, default=""),
            },
            source=source,
        )
        communes.add(status)
        for sub in entry.get("quartiers", []):
            _, status = sync(
                Quartier,
                {"slug": field(sub, "slug", source, required=True)},
                {
                    "commune": commune,
                    "name": field(sub, "name", source, required=True),
                    "description": field(sub, "description", source, default=""),
                    "is_priority": flag(sub, "qpv", source),
                },
                source=source,
            )
            quartiers.add(status)
    return communes, quartiers
