from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from portail.accounts.models import User
from portail.accounts.roles import Role, roles_of
from portail.directory.models import Organisation
from portail.groups.models import Group, Membership
from portail.places.models import Commune, Quartier, Subject, Theme
from portail.questions.links import resolve_links
from portail.questions.models import Piste, PisteLink, Question

pytestmark = pytest.mark.django_db

DEMO_ROLES = {
    "habitante@demo.portail": {Role.RESIDENT},
    "membre@demo.portail": {Role.RESIDENT, Role.GROUP_MEMBER},
    "animatrice@demo.portail": {Role.RESIDENT, Role.GROUP_MEMBER, Role.FACILITATOR},
    "moderateur@demo.portail": {Role.RESIDENT, Role.MODERATOR},
    "partenaire@demo.portail": {Role.RESIDENT, Role.PARTNER},
    "equipe@demo.portail": {Role.RESIDENT, Role.MODERATOR, Role.STAFF},
}
MODELS = [
    Theme,
    Subject,
    Commune,
    Quartier,
    Organisation,
    Group,
    Membership,
    User,
    Question,
    Piste,
    PisteLink,
]


@pytest.fixture(autouse=True)
def _fast_hashing(settings, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)


def run_demo(**options):
    out = StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_refuses_to_run_when_debug_is_off():
    with pytest.raises(CommandError, match="relancez avec --force"):
        run_demo()

    assert not User.objects.exists()
    assert not Theme.objects.exists()


def test_demo_forced_without_debug_warns_and_uses_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "un-autre-mot-de-passe-7")

    output = run_demo(force=True)

    assert User.objects.filter(email__endswith="@demo.portail").count() == 6
    assert "Attention : DEBUG est désactivé" in output
    assert User.objects.get(email="membre@demo.portail").check_password("un-autre-mot-de-passe-7")
    assert "un-autre-mot-de-passe-7" in output


def test_demo_runs_twice_without_duplicating_anything(settings):
    settings.DEBUG = True

    first = run_demo()
    after_first = counts()
    second = run_demo()

    assert counts() == after_first
    assert after_first["Subject"] == 48
    assert after_first["Theme"] == 7
    assert Group.objects.filter(name__startswith="Groupe Logement").count() == 1
    assert "Thèmes : 7 créé(s), 0 mis à jour, 0 inchangé(s)" in first
    assert "Thèmes : 0 créé(s), 0 mis à jour, 7 inchangé(s)" in second
    assert "Comptes de démonstration : 0 créé(s), 0 mis à jour, 6 inchangé(s)" in second
    assert "Questions de démonstration : 0 créé(s), 0 mis à jour, 10 inchangé(s)" in second


def test_demo_creates_one_account_per_role_prints_them_and_answers_public_questions(settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8000"

    output = run_demo()

    for email in DEMO_ROLES:
        assert email in output
    assert "Animateur ou animatrice de groupe" in output
    assert "demo-portail-42" in output
    assert "http://127.0.0.1:8000" in output

    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.portail")}
    assert set(users) == set(DEMO_ROLES)
    for email, roles in DEMO_ROLES.items():
        user = users[email]
        assert user.is_active
        assert user.email_confirmed_at is not None
        assert user.check_password("demo-portail-42")
        assert roles_of(user) == roles, email
    assert users["habitante@demo.portail"].quartier.slug == "montreynaud"
    assert users["equipe@demo.portail"].is_superuser
    housing = Group.objects.get(slug="groupe-logement")
    assert housing.memberships.get(user=users["animatrice@demo.portail"]).role == "animateur"
    assert housing.memberships.get(user=users["membre@demo.portail"]).role == "membre"
    assert users["partenaire@demo.portail"].organisations.get().slug == (
        "centre-social-de-beaulieu"
    )

    public = Question.objects.public()
    assert public.count() == 10
    assert public.filter(status=Question.Status.RESOLVED).count() == 1
    answered = public.exclude(pistes=None)
    assert answered.count() == 9
    for piste in Piste.objects.filter(question__in=answered).prefetch_related("links"):
        links = list(piste.links.all())
        assert len(resolve_links(links)) == len(links), piste
    # Submitted like any question: nothing left to moderate, nothing personal detected.
    assert not Question.objects.awaiting_moderation().exists()
    assert all(not question.detected_spans for question in public)


def test_demo_refuses_a_weak_password_from_the_environment(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "1234")

    with pytest.raises(CommandError, match="DEMO_PASSWORD est trop faible"):
        run_demo()
    assert not User.objects.exists()


def test_demo_puts_back_a_role_changed_by_hand(settings):
    settings.DEBUG = True
    run_demo()
    User.objects.filter(email="moderateur@demo.portail").update(is_moderator=False)
    Membership.objects.filter(user__email="animatrice@demo.portail").update(role="membre")

    output = run_demo()

    assert "Comptes de démonstration : 0 créé(s), 2 mis à jour, 4 inchangé(s)" in output
    assert roles_of(User.objects.get(email="moderateur@demo.portail")) == {
        Role.RESIDENT,
        Role.MODERATOR,
    }
    assert Role.FACILITATOR in roles_of(User.objects.get(email="animatrice@demo.portail"))


def test_demo_loads_nothing_when_a_content_file_is_broken(settings, tmp_path):
    settings.DEBUG = True
    settings.CONTENT_DIR = tmp_path
    (tmp_path / "themes.toml").write_text("[[themes]\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Contenu invalide, rien n'a été chargé"):
        run_demo()
    assert not Theme.objects.exists()
