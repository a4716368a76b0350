"""Partner organisations from content/organisations.toml. See portail/core/content.py.

Once an organisation's page has been edited or confirmed on the portal (by one of its partner
accounts or by the team: `last_checked_by` is set), the portal's copy is the one that was
vouched for: loading the file again keeps its name and type in step but no longer overwrites
what the organisation itself wrote (services, hours, contact details, subjects…)."""

from portail.core.content import Tally, field, read_toml, resolve, sync
from portail.directory.models import Organisation
from portail.places.models import Quartier, Subject, Theme

SOURCE = "organisations.toml"


def load_organisations():
    tally = Tally("Organisations")
    for entry in read_toml(SOURCE, "organisations"):
        slug = field(entry, "slug", SOURCE, required=True)
        values = {
            "name": field(entry, "name", SOURCE, required=True),
            "kind": field(entry, "kind", SOURCE, required=True),
        }
        m2m = {}
        existing = Organisation.objects.filter(slug=slug).only("last_checked_by").first()
        if existing is None or existing.last_checked_by_id is None:
            values.update(_editable_values(entry))
            m2m = {
                "themes": resolve(Theme, "slug", entry.get("themes"), SOURCE),
                "subjects": resolve(Subject, "key", entry.get("subjects"), SOURCE),
                "quartiers": resolve(Quartier, "slug", entry.get("quartiers"), SOURCE),
            }
        _, status = sync(Organisation, {"slug": slug}, values, m2m=m2m, source=SOURCE)
        tally.add(status)
    return tally


def _editable_values(entry):
    """What the organisation's partner accounts may change on the portal."""
    return {
        "summary": field(entry, "summary", SOURCE, required=True),
        "services": field(entry, "services", SOURCE, default=""),
        "address": field(entry, "address", SOURCE, default=""),
        "opening_hours": field(entry, "opening_hours", SOURCE, default=""),
        "phone": field(entry, "phone", SOURCE, default=""),
        "email": field(entry, "email", SOURCE, default=""),
        "website": field(entry, "website", SOURCE, default=""),
        "step_free_access": field(
            entry, "step_free_access", SOURCE, default=Organisation.StepFree.UNKNOWN
        ),
        "languages": field(entry, "languages", SOURCE, default=""),
        "accessibility_notes": field(entry, "accessibility_notes", SOURCE, default=""),
    }
