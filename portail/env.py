"""Small typed readers for environment variables.

Each reader fails loudly (ImproperlyConfigured, naming the variable and the bad value) rather than
guessing: a typo in production must stop the site at start-up, not change its behaviour.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "oui"}
_FALSE = {"0", "false", "no", "off", "non", ""}


def _raw(name, environ):
    return (environ if environ is not None else os.environ).get(name)


def env_str(name, default=None, *, required=False, environ=None):
    value = _raw(name, environ)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"La variable d'environnement {name} est obligatoire.")
        return default
    return value


def env_bool(name, default=False, *, environ=None):
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} n'est pas un booléen (attendu : true/false, 1/0, yes/no)."
    )


def env_int(name, default=None, *, minimum=None, environ=None):
    value = _raw(name, environ)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} n'est pas un nombre entier.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} doit être au moins {minimum}.")
    return number


def env_list(name, default=(), *, environ=None):
    value = _raw(name, environ)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name, choices, default, *, environ=None):
    value = env_str(name, default, environ=environ)
    if value not in choices:
        raise ImproperlyConfigured(
            f"{name}={value!r} n'est pas une valeur permise ({', '.join(sorted(choices))})."
        )
    return value


def cache_config(url):
    """Turn CACHE_URL into a CACHES entry: locmem:// (default), redis://…, rediss://…, db://table,
    dummy://."""
    scheme, _, rest = url.partition("://")
    if not _:
        raise ImproperlyConfigured(f"CACHE_URL={url!r} : format attendu scheme://…")
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest}
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": rest or "portail_cache",
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL={url!r} : schéma {scheme!r} inconnu (locmem, redis, rediss, db, dummy)."
    )
