"""Settings, read from the environment (see README « Configuration »).

Defaults are safe for production (DEBUG off, HTTPS-only cookies, HSTS, strict CSP); `make run`
and the test configuration turn the local conveniences on explicitly.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portail.env import cache_config, env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data")))

DEBUG = env_bool("DEBUG", False)
HTTPS = env_bool("HTTPS", True)


def _secret_key():
    key = env_str("SECRET_KEY")
    if key:
        if not DEBUG and len(key) < 32:
            raise ImproperlyConfigured(
                "SECRET_KEY doit faire au moins 32 caractères en production."
            )
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY est obligatoire quand DEBUG est désactivé (production). "
            "Pour un poste de développement, lancez `make run`."
        )
    # Local runs: generated once, kept out of git in data/.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Portail d'accès aux droits"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "reversion",
    "portail.core",
    "portail.accounts",
    "portail.places",
    "portail.groups",
    "portail.directory",
    "portail.privacy",
    "portail.questions",
    "portail.glossary",
    "portail.letters",
    "portail.fiches",
    "portail.search",
    "portail.api",
    "portail.experiences",
    "portail.events",
    "portail.demandes",
    "portail.forum",
    "portail.cards",
    "portail.game",
]

MIDDLEWARE = [
    "portail.core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portail.urls"
WSGI_APPLICATION = "portail.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portail.core.context_processors.portail",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
_default_sqlite = f"sqlite:///{DATA_DIR / 'portail.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", _default_sqlite)
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL invalide : {exc}") from exc
if _db["ENGINE"] == "django.db.backends.sqlite3":
    if _db["NAME"] and _db["NAME"] != ":memory:":
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        # WAL lets the web server and the task worker read while one writes; IMMEDIATE avoids
        # "database is locked" upgrades from read to write transactions.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 10, minimum=1),
        "transaction_mode": "IMMEDIATE",
    }
elif _db["ENGINE"] == "django.db.backends.postgresql":
    _db["CONN_HEALTH_CHECKS"] = True
else:
    raise ImproperlyConfigured("DATABASE_URL : seuls SQLite et PostgreSQL sont pris en charge.")
# Lets several test runs share one PostgreSQL server without clashing.
_db["TEST"] = {"NAME": env_str("DATABASE_TEST_NAME")}
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
CACHE_URL = env_str("CACHE_URL", "locmem://portail")
CACHES = {"default": cache_config(CACHE_URL)}
# Rate-limit counters must be shared by every gunicorn worker: Redis when there is one,
# otherwise a table in the database.
CACHES["ratelimit"] = (
    CACHES["default"]
    if CACHE_URL.startswith(("redis", "db"))
    else cache_config("db://portail_ratelimit")
)
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_VIEW = "portail.core.views.rate_limited"
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)

# Whole-page cache of public pages for anonymous visitors (portail/core/page_cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 300, minimum=0)

# --- Background tasks ------------------------------------------------------------------------
_tasks_backend = env_choice("TASKS_BACKEND", {"database", "immediate"}, "database")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if _tasks_backend == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:espace"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
ACCOUNT_CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 7
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lockout after repeated failures (django-axes): per account and per address.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portail.core.views.locked_out"
AXES_VERBOSE = False
# Number of trusted reverse proxies in front of gunicorn; rate limits and lockouts use the same
# client address (portail/core/ip.py).
PROXY_COUNT = env_int("PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "portail.core.ip.client_ip"
RATELIMIT_IP_META_KEY = "portail.core.ip.client_ip"
# Retention (days), applied by periodic jobs and stated on the confidentiality page: login
# attempts are deleted (portail/core/retention.py), closed follow-up requests anonymised.
LOGIN_ATTEMPTS_RETENTION_DAYS = env_int("LOGIN_ATTEMPTS_RETENTION_DAYS", 30, minimum=1)
DEMANDES_RETENTION_DAYS = env_int("DEMANDES_RETENTION_DAYS", 365, minimum=1)
# Finished background tasks keep the e-mails they sent: deleted after this many days.
TASK_RESULTS_RETENTION_DAYS = env_int("TASK_RESULTS_RETENTION_DAYS", 14, minimum=1)
# Names and contacts of an event's registrations: erased this many days after the event.
EVENT_REGISTRATIONS_RETENTION_DAYS = env_int("EVENT_REGISTRATIONS_RETENTION_DAYS", 90, minimum=1)
# An account without sign-in for this long is deleted, after a warning e-mail sent this many
# days before (staff accounts excepted).
ACCOUNTS_INACTIVE_DAYS = env_int("ACCOUNTS_INACTIVE_DAYS", 3 * 365, minimum=60)
ACCOUNTS_INACTIVE_WARNING_DAYS = env_int("ACCOUNTS_INACTIVE_WARNING_DAYS", 30, minimum=1)

# Login, sign-up and password reset: requests per address (django-ratelimit rate syntax).
RATE_LIMITS = {
    "login": env_str("RATE_LIMIT_LOGIN", "20/10m"),
    "signup": env_str("RATE_LIMIT_SIGNUP", "10/h"),
    "password_reset": env_str("RATE_LIMIT_PASSWORD_RESET", "5/h"),
    # Questions: per address (a social centre's shared computer asks often) and per browser.
    "ask_ip": env_str("RATE_LIMIT_ASK_IP", "20/h"),
    "ask_session": env_str("RATE_LIMIT_ASK_SESSION", "5/10m"),
    "report_ip": env_str("RATE_LIMIT_REPORT_IP", "10/h"),
    # Registration to an event without an account: per address, per browser.
    "event_register_ip": env_str("RATE_LIMIT_EVENT_REGISTER_IP", "30/h"),
    "event_register_session": env_str("RATE_LIMIT_EVENT_REGISTER_SESSION", "10/10m"),
    # Forum messages, per account (every message also waits for a moderator).
    "forum_post": env_str("RATE_LIMIT_FORUM_POST", "30/h"),
    # Alerts to a groupe de parole's facilitators, per account (each sends them an e-mail).
    "forum_group_report": env_str("RATE_LIMIT_FORUM_GROUP_REPORT", "10/h"),
    # PDFs (letters, fiches for signed-in readers) cost CPU: per address, generous for a
    # social centre printing letters for its visitors.
    "pdf": env_str("RATE_LIMIT_PDF", "120/h"),
}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Portail des droits <ne-pas-repondre@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "contact@portail-droits.example")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "EMAIL_USE_TLS et EMAIL_USE_SSL ne peuvent pas être activés ensemble."
    )

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
# Uploaded files (groups' photos and documents) are never served from MEDIA_URL: a view checks
# who asks and sends them with safe headers (portail/groups/views/files.py).
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
UPLOAD_IMAGE_MAX_BYTES = env_int("UPLOAD_IMAGE_MAX_MB", 5, minimum=1) * 1024 * 1024
UPLOAD_DOCUMENT_MAX_BYTES = env_int("UPLOAD_DOCUMENT_MAX_MB", 10, minimum=1) * 1024 * 1024
# Beyond this many pixels an image is refused before it is decoded (decompression bombs).
UPLOAD_IMAGE_MAX_PIXELS = env_int("UPLOAD_IMAGE_MAX_MEGAPIXELS", 50, minimum=1) * 1_000_000
UPLOAD_IMAGE_MAX_SIDE = env_int("UPLOAD_IMAGE_MAX_SIDE", 1600, minimum=200)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is a commitment for the whole domain that only its owner can make: opt-in.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # The ratelimit cache is the database or Redis (shared); the check only sees the alias name.
    "django_ratelimit.E003",
    "django_ratelimit.W001",
]
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")  # see SECURE_HSTS_PRELOAD above
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging (one JSON object per line in production) ---------------------------------------
LOG_FORMAT = env_choice("LOG_FORMAT", {"json", "text"}, "text" if DEBUG else "json")
LOG_LEVEL = env_choice("LOG_LEVEL", {"DEBUG", "INFO", "WARNING", "ERROR"}, "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "portail.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# --- Portal preferences -----------------------------------------------------------------------
# Text size and contrast chosen by the person, kept in cookies so they work without JavaScript.
PREFERENCE_COOKIE_AGE = 60 * 60 * 24 * 365
