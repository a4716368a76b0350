import pytest
from django.test import RequestFactory

from portail.core.ip import client_ip


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "", "10.0.0.9"),
        (0, "203.0.113.7", "10.0.0.9"),  # no proxy: a forged header is ignored
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # left part written by the client
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (1, "", "10.0.0.9"),
    ],
)
def test_client_ip_trusts_only_the_configured_number_of_proxies(
    settings, proxies, forwarded, expected
):
    settings.PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.django_db
def test_rate_limit_counts_each_client_behind_the_proxy_separately(client, settings):
    settings.PROXY_COUNT = 1
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": "1/h"}
    first = client.post(
        "/compte/mot-de-passe/", {"email": "a@exemple.org"}, HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    other_client = client.post(
        "/compte/mot-de-passe/", {"email": "a@exemple.org"}, HTTP_X_FORWARDED_FOR="203.0.113.2"
    )
    same_client_again = client.post(
        "/compte/mot-de-passe/", {"email": "a@exemple.org"}, HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    assert first.status_code != 429
    assert other_client.status_code != 429
    assert same_client_again.status_code == 429
