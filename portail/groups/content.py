"""Groups from content/groups.toml (after organisations: groups name their partners).
See portail/core/content.py.

The file only starts a group: once it exists, its presentation, themes, quartiers and partners
belong to its facilitators (and staff), who edit them on the portal. Loading again never
overwrites their work."""

from portail.core.content import Tally, field, flag, read_toml, resolve, sync
from portail.directory.models import Organisation
from portail.groups.models import Group
from portail.places.models import Quartier, Theme


def load_groups():
    tally = Tally("Groupes")
    source = "groups.toml"
    for entry in read_toml("groups.toml", "groups"):
        slug = field(entry, "slug", source, required=True)
        if Group.objects.filter(slug=slug).exists():
            tally.add("unchanged")
            continue
        _, status = sync(
            Group,
            {"slug": slug},
            {
                "name": field(entry, "name", source, required=True),
                "presentation": field(entry, "presentation", source, required=True),
                "how_to_join": field(entry, "how_to_join", source, default=""),
                "is_public": flag(entry, "is_public", source, default=True),
            },
            m2m={
                "themes": resolve(Theme, "slug", entry.get("themes"), source),
                "quartiers": resolve(Quartier, "slug", entry.get("quartiers"), source),
                "partners": resolve(Organisation, "slug", entry.get("partners"), source),
            },
            source=source,
        )
        tally.add(status)
    return tally
