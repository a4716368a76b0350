"""Registering without an account: the form, its French messages, the private link (token
stored hashed), the e-mail, cancelling, and the protections (double submit, honeypot, rate
limit)."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.urls import reverse

from portail.core.tokens import hash_token
from portail.events import waitlist
from portail.events.models import Registration
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def register_url(event):
    return reverse("events:register", args=[event.slug])


def form_data(client, event, **data):
    """The fields as the event page gives them, with the submission key of the page."""
    content = client.get(event.get_absolute_url()).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f]+)"', content).group(1)
    return {"name": "Fatou", "contact": "", "submission_key": key, **data}


def test_a_resident_registers_with_a_pseudonym_only_and_gets_a_private_link(client):
    event = EventFactory(capacity=10)

    response = client.post(register_url(event), form_data(client, event, name="Voisine du 3e"))

    registration = Registration.objects.get()
    assert registration.name == "Voisine du 3e" and registration.contact == ""
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.user is None
    token = registration.link_token()
    assert registration.link_token_hash == hash_token(token)
    assert token not in (registration.submission_key, registration.link_token_hash)
    assert response.status_code == 302
    assert response["Location"] == reverse("events:registration", args=[token]) + "?nouvelle=1"
    page = client.get(response["Location"])
    content = page_text(page)
    assert "C'est fait : votre place est réservée." in content
    assert token in content
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert mail.outbox == []


def test_an_email_contact_gets_the_link_by_email(client, django_capture_on_commit_callbacks):
    event = EventFactory(title="Restitution du groupe")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(event), form_data(client, event, contact="fatou@exemple.org")
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatou@exemple.org"]
    assert message.subject == "Vous êtes inscrit : Restitution du groupe"
    paths = [urlparse(link).path for link in re.findall(r"https?://\S+", message.body)]
    assert urlparse(response["Location"]).path in paths
    assert "&#x27;" not in message.body


def test_a_phone_contact_is_kept_for_the_organisers_but_gets_no_email(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(event), form_data(client, event, contact="06 39 98 00 01"))
    assert Registration.objects.get().contact == "06 39 98 00 01"
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Écrivez un prénom, un nom ou un pseudonyme : la case est vide."),
        ({"name": "   "}, "Écrivez un prénom, un nom ou un pseudonyme : la case est vide."),
        ({"name": "x" * 81}, "Ce nom est trop long : 80 caractères au plus."),
        ({"contact": "fatou@exemple"}, "Cette adresse e-mail n'est pas complète."),
        ({"contact": "06 12"}, "ou un numéro de téléphone (06 12 34 56 78)"),
    ],
)
def test_bad_input_is_explained_in_french_and_kept_in_the_form(client, data, message):
    event = EventFactory()
    sent = form_data(client, event, **{"contact": "06 39 98 00 01", **data})

    response = client.post(register_url(event), sent)

    content = page_text(response)
    assert response.status_code == 200
    assert message in content
    assert "Le formulaire n'est pas encore bon" in content
    assert f'value="{sent["contact"]}"' in content
    assert not Registration.objects.exists()


def test_the_same_form_sent_twice_is_one_registration_with_the_same_link(client):
    event = EventFactory()
    data = form_data(client, event)

    first = client.post(register_url(event), data)
    second = client.post(register_url(event), data)

    assert Registration.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_form_sent_again_long_after_opens_nothing(client):
    event = EventFactory()
    data = form_data(client, event)
    client.post(register_url(event), data)
    Registration.objects.update(created_at=Registration.objects.get().created_at.replace(year=2000))

    response = client.post(register_url(event), data)

    assert response.status_code == 200
    assert "Cette inscription est déjà enregistrée" in page_text(response)
    assert Registration.objects.count() == 1


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_stored(client):
    event = EventFactory()
    response = client.post(register_url(event), form_data(client, event, site_web="http://spam"))
    assert response.status_code == 200
    assert "Merci" in page_text(response)
    assert not Registration.objects.exists()


def test_registrations_are_rate_limited_per_address_with_the_text_kept(client, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "event_register_ip": "2/h",
        "event_register_session": "100/h",
    }
    event = EventFactory(capacity=None)
    for _ in range(2):
        client.post(register_url(event), form_data(client, event))

    response = client.post(register_url(event), form_data(client, event, name="Troisième"))

    assert response.status_code == 429
    content = page_text(response)
    assert "Beaucoup d'inscriptions sont parties de cet appareil" in content
    assert 'value="Troisième"' in content
    assert Registration.objects.count() == 2


def test_registration_is_closed_once_the_event_has_started(client):
    event = EventFactory(past=True)
    response = client.post(register_url(event), {"name": "Fatou"}, follow=True)
    assert "Les inscriptions sont closes" in page_text(response)
    assert not Registration.objects.exists()


def test_a_get_on_the_registration_url_is_refused(client):
    assert client.get(register_url(EventFactory())).status_code == 405


def test_a_signed_in_person_is_linked_and_sees_they_are_registered(client):
    user = UserFactory(display_name="Nadia")
    client.force_login(user)
    event = EventFactory()
    page = page_text(client.get(event.get_absolute_url()))
    assert 'value="Nadia"' in page and f'value="{user.email}"' in page

    client.post(register_url(event), form_data(client, event, name="Nadia"))

    assert Registration.objects.get().user == user
    content = page_text(client.get(event.get_absolute_url()))
    assert "Vous êtes inscrit, votre place est réservée." in content
    assert "Je m'inscris" not in content


def test_cancelling_by_the_private_link_frees_the_place_for_the_next_person(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1, title="Groupe de parole")
    first = client.post(register_url(event), form_data(client, event, name="Première"))
    client.post(
        register_url(event),
        form_data(client, event, name="Deuxième", contact="deuxieme@exemple.org"),
    )
    waiting = Registration.objects.get(name="Deuxième")
    assert waiting.status == Registration.Status.WAITLIST
    assert "liste d'attente, en première position" in page_text(
        client.get(waiting.get_absolute_url())
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(first["Location"].split("?")[0], {"action": "annuler"}, follow=True)

    assert "Votre inscription est annulée." in page_text(response)
    assert Registration.objects.get(name="Première").status == Registration.Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED and waiting.promoted_at
    assert [m.to for m in mail.outbox] == [["deuxieme@exemple.org"]]
    assert mail.outbox[0].subject == "Une place s'est libérée pour vous : Groupe de parole"
    assert waiting.get_absolute_url() in mail.outbox[0].body


def test_an_unknown_or_overlong_token_is_a_404_that_says_the_link_does_not_work(client):
    for token in ("inconnu", "a" * 200):
        response = client.get(reverse("events:registration", args=[token]))
        assert response.status_code == 404
        content = page_text(response)
        assert "Ce lien d'inscription ne marche pas" in content
        assert "il ne manque pas de lettres" in content
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_cut_link_cancels_nothing(client):
    registration, _ = waitlist.register(EventFactory(), name="Première")
    truncated = registration.link_token()[:-3]
    response = client.post(reverse("events:registration", args=[truncated]), {"action": "annuler"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
