"""Shared by the admin tests of places, groups and directory: every registered model's list,
add and change pages must open for a superuser."""

from django.contrib import admin
from django.urls import reverse

from tests.accounts.factories import UserFactory


def models_of(app_label):
    return sorted(
        (model for model in admin.site._registry if model._meta.app_label == app_label),
        key=lambda model: model._meta.model_name,
    )


def assert_admin_pages_open(client, model, obj):
    client.force_login(UserFactory(staff=True, is_superuser=True))
    info = (model._meta.app_label, model._meta.model_name)

    changelist = client.get(reverse("admin:{}_{}_changelist".format(*info)))
    search = client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
    add = client.get(reverse("admin:{}_{}_add".format(*info)))
    change = client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))

    assert changelist.status_code == 200
    assert search.status_code == 200
    assert add.status_code == 200
    assert change.status_code == 200
    assert str(obj) in changelist.text
