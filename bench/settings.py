"""Production settings plus the benchmark's floor views (bench/urls.py). Used by bench/run.sh
only; the floor views are never part of the portal itself."""

from portail.settings import *  # noqa: F403
from portail.settings import TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"].append(BASE_DIR / "bench" / "templates")  # noqa: F405
