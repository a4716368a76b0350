"""The organisers at work: creating an event (French validation, the inter-groups prefill),
editing it (people registered told of a new date, new places given to people waiting), the
attendance, the minutes (masked before publication) and the suites (each a demande)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portail.demandes.models import Demande
from portail.events import waitlist
from portail.events.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("events:create")


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


@pytest.fixture
def facilitator(group):
    user = UserFactory()
    MembershipFactory(user=user, group=group, role="animateur")
    return user


def event_data(group, **overrides):
    day = timezone.localdate() + timedelta(days=10)
    data = {
        "kind": "restitution",
        "title": "Restitution à Montreynaud",
        "date": day.isoformat(),
        "start_time": "18:30",
        "end_time": "20:30",
        "place": "Maison de quartier",
        "address": "",
        "accessibility": "Plain-pied.",
        "description": "On joue au jeu de l'oie.",
        "capacity": "25",
        "groups": [group.pk],
        "is_public": "on",
    }
    data.update(overrides)
    return data


def test_the_event_form_sent_twice_creates_one_event(client, group, facilitator):
    client.force_login(facilitator)
    first = client.post(CREATE, event_data(group))
    second = client.post(CREATE, event_data(group))

    assert Event.objects.count() == 1
    assert first["Location"] == second["Location"] == Event.objects.get().get_absolute_url()
    # Another event on another day is another event.
    later = (timezone.localdate() + timedelta(days=17)).isoformat()
    client.post(CREATE, event_data(group, date=later))
    assert Event.objects.count() == 2


def test_a_facilitator_creates_an_event_of_their_group(client, group, facilitator):
    client.force_login(facilitator)
    response = client.post(CREATE, event_data(group))

    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    day = timezone.localdate() + timedelta(days=10)
    assert event.slug == f"restitution-a-montreynaud-{day.isoformat()}"
    local = timezone.localtime(event.starts_at)
    assert (local.date(), local.hour, local.minute) == (day, 18, 30)
    assert timezone.localtime(event.ends_at).hour == 20
    assert list(event.groups.all()) == [group]
    assert event.created_by == facilitator and event.capacity == 25


def test_two_events_with_the_same_title_and_day_get_different_slugs(client, group, facilitator):
    client.force_login(facilitator)
    client.post(CREATE, event_data(group))
    client.post(CREATE, event_data(group, start_time="14:00", end_time="16:00"))
    slugs = sorted(Event.objects.values_list("slug", flat=True))
    assert slugs[1] == slugs[0] + "-2"


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"end_time": "17:00"}, "L'heure de fin doit venir après l'heure de début."),
        ({"capacity": "0"}, "Il faut au moins 1 place."),
        ({"capacity": "-3"}, "Il faut au moins 1 place."),
        ({"capacity": "beaucoup"}, "Écrivez un nombre de places, en chiffres."),
        ({"date": "2001-01-01"}, "Cette date est déjà passée"),
        ({"date": "32/13/2026"}, "Cette date n'est pas reconnue."),
        ({"start_time": "vers midi"}, "Cette heure n'est pas reconnue."),
        ({"title": ""}, "Donnez un titre à l'événement."),
        ({"place": ""}, "Dites où a lieu l'événement."),
        ({"kind": ""}, "Choisissez le type d'événement."),
        ({"groups": []}, "Cochez au moins un groupe que vous animez"),
        (
            {"kind": "inter-groupes"},
            "Un temps commun inter-groupes réunit au moins deux groupes",
        ),
    ],
)
def test_bad_input_is_explained_in_french_and_kept(
    client, group, facilitator, overrides, field_message
):
    client.force_login(facilitator)
    data = event_data(group, **overrides)
    response = client.post(CREATE, data)
    content = page_text(response)
    assert response.status_code == 200
    assert field_message in content
    assert "Le formulaire n'est pas encore bon" in content
    assert 'value="Maison de quartier"' in content or data["place"] == ""
    assert "On joue au jeu de l'oie." in content
    assert not Event.objects.exists()


def test_times_typed_the_french_way_are_understood(client, group, facilitator):
    client.force_login(facilitator)
    client.post(CREATE, event_data(group, start_time="18h30", end_time="20h"))
    event = Event.objects.get()
    assert timezone.localtime(event.starts_at).strftime("%H:%M") == "18:30"
    assert timezone.localtime(event.ends_at).strftime("%H:%M") == "20:00"


def test_a_facilitator_may_only_organise_with_one_of_their_groups(client, group, facilitator):
    other = GroupFactory()
    client.force_login(facilitator)
    response = client.post(CREATE, event_data(group, groups=[other.pk]))
    assert "Cochez au moins un groupe que vous animez" in page_text(response)
    client.post(CREATE, event_data(group, groups=[other.pk, group.pk]))
    assert set(Event.objects.get().groups.all()) == {group, other}


def test_a_facilitator_cannot_pick_a_private_group_they_do_not_belong_to(
    client, group, facilitator
):
    secret = GroupFactory(is_public=False)
    client.force_login(facilitator)
    response = client.post(CREATE, event_data(group, groups=[group.pk, secret.pk]))
    assert "Ce groupe n'existe pas ou vous ne le voyez pas." in page_text(response)
    assert secret.name not in page_text(client.get(CREATE))


def test_a_moderator_may_create_an_event_without_a_group(client, group):
    client.force_login(UserFactory(moderator=True))
    client.post(CREATE, event_data(group, groups=[]))
    assert Event.objects.get().groups.count() == 0


def test_the_inter_groups_link_prefills_the_kind_the_groups_and_a_title(client, group, facilitator):
    literacy = GroupFactory(name="Groupe alpha", slug="groupe-alpha")
    GroupFactory(name="Groupe privé", slug="groupe-prive", is_public=False)
    client.force_login(facilitator)

    response = client.get(
        CREATE, {"type": "inter-groupes", "groupes": "groupe-logement,groupe-alpha,groupe-prive"}
    )

    form = response.context["form"]
    assert form.initial["kind"] == "inter-groupes"
    assert set(form.initial["groups"]) == {group, literacy}
    content = page_text(response)
    assert '<option value="inter-groupes" selected>' in content
    assert content.count("checked") >= 2
    assert "Groupe privé" not in content
    response = client.post(
        CREATE, event_data(group, kind="inter-groupes", groups=[group.pk, literacy.pk])
    )
    assert Event.objects.get().kind == "inter-groupes"


def test_editing_keeps_a_past_date_and_refuses_fewer_places_than_people_registered(
    client, group, facilitator
):
    event = EventFactory(groups=[group], capacity=5)
    for name in ("A", "B", "C"):
        waitlist.register(event, name=name)
    client.force_login(facilitator)
    start = timezone.localtime(event.starts_at)
    data = event_data(group, date=start.date().isoformat(), start_time="18:00", end_time="20:00")

    response = client.post(reverse("events:edit", args=[event.slug]), {**data, "capacity": "2"})
    assert "3 personnes ont déjà une place : prévoyez au moins 3 places." in page_text(response)

    past = EventFactory(groups=[group], past=True, title="Passé")
    past_day = timezone.localtime(past.starts_at).date().isoformat()
    response = client.post(
        reverse("events:edit", args=[past.slug]),
        event_data(group, date=past_day, title="Passé, corrigé"),
    )
    assert response.status_code == 302
    past.refresh_from_db()
    assert past.title == "Passé, corrigé"


def test_more_places_go_to_the_waitlist_and_a_new_date_is_told_by_email(
    client, group, facilitator, django_capture_on_commit_callbacks
):
    event = EventFactory(groups=[group], capacity=1, title="Forum")
    waitlist.register(event, name="A", contact="a@exemple.org")
    waitlist.register(event, name="B", contact="b@exemple.org")
    waitlist.register(event, name="C", contact="06 39 98 00 01")
    cancelled, _ = waitlist.register(event, name="D", contact="d@exemple.org")
    waitlist.cancel(cancelled)
    mail.outbox.clear()
    client.force_login(facilitator)
    new_day = timezone.localdate() + timedelta(days=12)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:edit", args=[event.slug]),
            event_data(group, title="Forum", date=new_day.isoformat(), capacity="2"),
            follow=True,
        )

    content = page_text(response)
    assert "1 personne de la liste d'attente a maintenant une place." in content
    assert "2 personnes inscrites ont été prévenues du changement par e-mail." in content
    assert Registration.objects.get(name="B").status == Registration.Status.CONFIRMED
    by_subject = {}
    for message in mail.outbox:
        by_subject.setdefault(message.subject, []).append(message.to[0])
    assert by_subject["Une place s'est libérée pour vous : Forum"] == ["b@exemple.org"]
    assert sorted(by_subject["Changement : Forum"]) == ["a@exemple.org", "b@exemple.org"]
    change = next(m for m in mail.outbox if m.subject == "Changement : Forum")
    assert "Nouvelle date :" in change.body


def test_the_attendance_page_lists_confirmed_waiting_and_records_presence(
    client, group, facilitator
):
    event = EventFactory(groups=[group], capacity=1, past=True)
    came, _ = waitlist.register(event, name="Venue")
    waitlist.register(event, name="En attente")
    client.force_login(facilitator)
    url = reverse("events:attendees", args=[event.slug])
    content = page_text(client.get(url))
    assert "Venue" in content and "En attente" in content

    response = client.post(url, {"attendance_count": "12", f"present_{came.pk}": "on"}, follow=True)

    assert "Les présences sont enregistrées." in page_text(response)
    came.refresh_from_db()
    event.refresh_from_db()
    assert came.attended is True and event.attendance_count == 12
    client.post(url, {"attendance_count": "12"})
    came.refresh_from_db()
    assert came.attended is False


def test_a_negative_attendance_is_refused_in_french(client, group, facilitator):
    event = EventFactory(groups=[group], past=True)
    client.force_login(facilitator)
    response = client.post(
        reverse("events:attendees", args=[event.slug]), {"attendance_count": "-2"}
    )
    assert "Le nombre de personnes ne peut pas être négatif." in page_text(response)


def test_minutes_are_masked_before_publication_and_the_organisers_see_what_was_masked(
    client, group, facilitator
):
    event = EventFactory(groups=[group], past=True)
    client.force_login(facilitator)
    text = (
        "## Ce qui s'est dit\n\nMme Durand du 12 rue des Lilas a parlé. Appelez Karim au "
        "06 12 34 56 78."
    )

    response = client.post(
        reverse("events:minutes", args=[event.slug]),
        {"minutes": text, "publish": "on"},
        follow=True,
    )

    content = page_text(response)
    assert "Le compte rendu est publié." in content
    assert "données personnelles ont été masquées" in content
    assert "[téléphone masqué]" in content
    event.refresh_from_db()
    assert event.minutes_original == text
    assert "06 12 34 56 78" not in event.minutes and "Durand" not in event.minutes
    public = page_text(client.get(event.get_absolute_url()))
    assert "<h2>Ce qui s'est dit</h2>" in public
    assert "06 12 34 56 78" not in public and "Lilas" not in public


def test_minutes_kept_as_a_draft_and_publishing_an_empty_text_is_refused(
    client, group, facilitator
):
    event = EventFactory(groups=[group], past=True)
    client.force_login(facilitator)
    url = reverse("events:minutes", args=[event.slug])
    response = client.post(url, {"minutes": "", "publish": "on"})
    assert "Écrivez le compte rendu avant de le publier." in page_text(response)
    client.post(url, {"minutes": "Brouillon."})
    event.refresh_from_db()
    assert event.minutes_original == "Brouillon." and event.minutes_published_at is None


def test_suites_become_demandes_from_the_event_entered_by_the_organiser(client, group, facilitator):
    quartier = QuartierFactory(name="La Cotonne")
    event = EventFactory(groups=[group], past=True, quartier=quartier)
    client.force_login(facilitator)
    url = reverse("events:suites", args=[event.slug])
    assert page_text(client.get(url)).count("selected") >= 1  # the event's quartier

    client.post(
        url,
        {
            "kind": "accompagnement",
            "summary": "Une famille à accompagner pour son dossier.",
            "quartier": quartier.pk,
            "group": group.pk,
        },
    )
    client.post(
        url, {"kind": "immeuble", "summary": "Les locataires de la tour veulent une réunion."}
    )

    first, second = Demande.objects.order_by("created_at", "id")
    assert first.kind == "accompagnement" and first.origin == Demande.Origin.EVENT
    assert first.event == event and first.entered_by == facilitator
    assert first.quartier == quartier
    assert first.assigned_group == group and first.status == Demande.Status.ASSIGNED
    assert second.kind == "immeuble" and second.assigned_group is None
    assert second.status == Demande.Status.NEW
    content = page_text(client.get(url))
    assert "2 suites notées" in content
    assert "Les locataires de la tour veulent une réunion." in content


def test_a_suite_sent_twice_is_one_demande_and_bad_input_is_kept(client, group, facilitator):
    event = EventFactory(groups=[group], past=True)
    client.force_login(facilitator)
    url = reverse("events:suites", args=[event.slug])
    key = client.get(url).context["form"].initial["submission_key"]
    data = {"kind": "autre", "summary": "Le centre social nous invite.", "submission_key": key}
    client.post(url, data)
    client.post(url, data)
    assert Demande.objects.count() == 1

    response = client.post(url, {"kind": "", "summary": "court"})
    content = page_text(response)
    assert "Choisissez le type de suite." in content
    assert "Décrivez la demande en au moins 10 caractères." in content
    assert "court</textarea>" in content


def test_editing_a_common_event_keeps_a_private_co_organising_group(client, group, facilitator):
    secret = GroupFactory(name="Groupe discret", is_public=False)
    event = EventFactory(kind="inter-groupes", groups=[group, secret])
    client.force_login(facilitator)
    url = reverse("events:edit", args=[event.slug])
    assert "Groupe discret" in page_text(client.get(url))
    day = timezone.localtime(event.starts_at).date().isoformat()

    response = client.post(
        url,
        event_data(group, kind="inter-groupes", date=day, groups=[group.pk, secret.pk]),
    )

    assert response.status_code == 302
    assert set(event.groups.all()) == {group, secret}
