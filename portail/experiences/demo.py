"""Demo data of the experiences room: the Groupe Logement's own record
(content/experiences/groupe-logement.toml) presented by the demo facilitator and member, who
agree to be named, and one attestation request from the member waiting for the facilitator's
signature. Running it again creates nothing twice."""

from portail.accounts.roles import Role
from portail.core.content import Tally
from portail.core.management.commands.demo import HOUSING_GROUP, demo_account
from portail.experiences.content import load_record
from portail.experiences.models import Attestation, PortfolioSettings
from portail.groups.models import Group

RECORD_FILE = "groupe-logement"


def load_demo():
    facilitator = demo_account(Role.FACILITATOR)
    member = demo_account(Role.GROUP_MEMBER)
    consents = Tally("Accords pour être nommé dans les récits")
    for user in (facilitator, member):
        settings_, created = PortfolioSettings.objects.get_or_create(
            user=user, defaults={"named_in_records": True}
        )
        if not created and not settings_.named_in_records:
            settings_.named_in_records = True
            settings_.save(update_fields=["named_in_records", "updated_at"])
            consents.add("updated")
        else:
            consents.add("created" if created else "unchanged")

    # The shared list of savoir-faire is content, already loaded (and counted) by
    # load_content() before the demos run.
    _record, tallies = load_record(RECORD_FILE, {"animateur": facilitator, "membre": member})

    requests = Tally("Demandes d'attestation")
    group = Group.objects.get(slug=HOUSING_GROUP)
    _, created = Attestation.objects.get_or_create(
        user=member,
        group=group,
        defaults={
            "holder_name": member.display_name,
            "note": "Pour mon dossier de formation, merci !",
        },
    )
    requests.add("created" if created else "unchanged")
    return [*tallies, consents, requests]
