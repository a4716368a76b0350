"""Partner organisations from content/organisations.toml. See portail/core/content.py."""

from portail.core.content import Tally, field, read_toml, resolve, sync
from portail.directory.models import Organisation
from portail.places.models import Quartier, Theme


def load_organisations():
    tally = Tally("Organisations")
    source = "organisations.toml"
    for entry in read_toml("organisations.toml", "organisations"):
        _, status = sync(
            Organisation,
            {"slug": field(entry, "slug", source, required=True)},
            {
                "name": field(entry, "name", source, required=True),
                "kind": field(entry, "kind", source, required=True),
                "summary": field(entry, "summary", source, required=True),
                "address": field(entry, "address", source, default=""),
                "phone": field(entry, "phone", source, default=""),
                "email": field(entry, "email", source, default=""),
                "website": field(entry, "website", source, default=""),
            },
            m2m={
                "themes": resolve(Theme, "slug", entry.get("themes"), source),
                "quartiers": resolve(Quartier, "slug", entry.get("quartiers"), source),
            },
            source=source,
        )
        tally.add(status)
    return tally
