import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portail.groups.models import Document
from tests.accounts.factories import UserFactory
from tests.groups import files
from tests.groups.factories import (
    DocumentFactory,
    GroupFactory,
    GroupLinkFactory,
    JoinRequestFactory,
    MembershipFactory,
    PostFactory,
)
from tests.places.admin_pages import assert_admin_pages_open, models_of

pytestmark = pytest.mark.django_db

FACTORIES = {
    "group": GroupFactory,
    "membership": MembershipFactory,
    "joinrequest": JoinRequestFactory,
    "post": PostFactory,
    "document": DocumentFactory,
    "grouplink": GroupLinkFactory,
}


def test_every_groups_model_is_in_the_admin():
    assert {model._meta.model_name for model in models_of("groups")} == set(FACTORIES)


@pytest.mark.parametrize("model", models_of("groups"), ids=lambda m: m._meta.model_name)
def test_the_admin_pages_of_each_groups_model_open_for_a_superuser(client, model):
    assert_admin_pages_open(client, model, FACTORIES[model._meta.model_name]())


def test_a_document_added_in_the_admin_is_checked_by_its_content_too(client):
    client.force_login(UserFactory(staff=True, is_superuser=True))
    group = GroupFactory()
    url = reverse("admin:groups_document_add")
    fields = {"group": group.pk, "title": "Page piégée", "visibility": "public"}

    refused = client.post(url, {**fields, "file": SimpleUploadedFile("piege.pdf", files.HTML)})
    accepted = client.post(url, {**fields, "file": SimpleUploadedFile("cr.pdf", files.PDF)})

    assert refused.status_code == 200
    assert "ni un PDF" in refused.text
    assert accepted.status_code == 302
    document = Document.objects.get()
    assert (document.kind, document.size) == ("pdf", len(files.PDF))
