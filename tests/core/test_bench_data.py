import pytest
from django.core.management import call_command

from portail.accounts.models import User
from portail.groups.models import Group
from portail.questions.models import Piste, Question
from tests.places.factories import QuartierFactory, SubjectFactory

pytestmark = pytest.mark.django_db


def test_bench_data_reaches_the_requested_totals_and_can_be_run_again():
    SubjectFactory.create_batch(3)
    QuartierFactory.create_batch(2)

    call_command("bench_data", users=30, groups=3, questions=120, stdout=None)
    call_command("bench_data", users=30, groups=3, questions=150, stdout=None)

    assert User.objects.filter(email__endswith="@bench.invalid").count() == 30
    assert Group.objects.filter(slug__startswith="bench-").count() == 3
    assert Question.objects.count() == 150
    assert Question.objects.public().exists()
    answered = Question.objects.filter(status__in=["piste", "resolue"])
    assert Piste.objects.filter(question__in=answered).count() == answered.count()
    assert not Piste.objects.exclude(question__in=answered).exists()


def test_bench_people_can_never_sign_in_nor_receive_mail():
    call_command("bench_data", users=5, groups=0, stdout=None)
    for person in User.objects.filter(email__endswith="@bench.invalid"):
        assert not person.has_usable_password()
        assert person.email.endswith(".invalid")
