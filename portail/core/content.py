"""Loading the reviewed text files of content/ into the database.

The files are the source of truth: loading again updates every object they describe (found by
its slug or key) and leaves alone what they do not mention. Each app has its own `load_*`
functions (portail/places/content.py…); `load_content()` runs them in dependency order and is
what the `demo` command, and any later loading command, call.
"""

import tomllib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, post_save


class ContentError(Exception):
    """A content file is missing, malformed or refers to something that does not exist."""


@dataclass
class Tally:
    """How many objects of one kind a load created, changed or found already up to date."""

    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, status):
        setattr(self, status, getattr(self, status) + 1)

    @property
    def total(self):
        return self.created + self.updated + self.unchanged

    def __str__(self):
        return (
            f"{self.label} : {self.created} créé(s), {self.updated} mis à jour, "
            f"{self.unchanged} inchangé(s)"
        )


def content_dir():
    return Path(getattr(settings, "CONTENT_DIR", settings.BASE_DIR / "content"))


def read_toml(filename, table):
    """The list of entries `[[table]]` of content/<filename>."""
    path = content_dir() / filename
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ContentError(f"Fichier de contenu introuvable : {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{filename} n'est pas un fichier TOML valide : {exc}") from exc
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise ContentError(f"{filename} : « {table} » doit être une liste ([[{table}]]).")
    return entries


def field(entry, name, source, default=None, required=False):
    """A value of one entry, stripped when it is text; a clear message when it is missing."""
    value = entry.get(name, default)
    if required and value in (None, ""):
        raise ContentError(f"{source} : le champ « {name} » est obligatoire ({entry!r:.80}).")
    if isinstance(value, str):
        value = value.strip()
    return value


def flag(entry, name, source, default=False):
    """A yes/no field: `true` or `false` without quotes (a quoted "false" would read as yes)."""
    value = entry.get(name, default)
    if not isinstance(value, bool):
        raise ContentError(
            f"{source} : « {name} » doit valoir true ou false, sans guillemets ({value!r})."
        )
    return value


def resolve(model, lookup_field, values, source):
    """The objects whose `lookup_field` is in `values`, in the given order; unknown → error."""
    values = list(values or [])
    found = {
        getattr(obj, lookup_field): obj
        for obj in model.objects.filter(**{f"{lookup_field}__in": values})
    }
    missing = [value for value in values if value not in found]
    if missing:
        raise ContentError(
            f"{source} : {model._meta.verbose_name} inconnu(e) : {', '.join(missing)}"
        )
    return [found[value] for value in values]


def sync(model, lookup, values, m2m=None, source=""):
    """Create or update the object found by `lookup` so that it has `values` (and exactly the
    related objects in `m2m`). Saves only what changed; returns (object, status)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        status = "created"
        changed = True
    else:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in changed:
            setattr(obj, name, values[name])
        status = "updated" if changed else "unchanged"
    if changed:
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise ContentError(f"{source} : {lookup} — {_messages(exc)}") from exc
        obj.save()
    for name, related in (m2m or {}).items():
        manager = getattr(obj, name)
        wanted = {item.pk for item in related}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(related)
            if status == "unchanged":
                status = "updated"
    return obj, status


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{key} : {' '.join(msgs)}" for key, msgs in error.message_dict.items())
    return " ".join(error.messages)


def load_content():
    """Every content file, in dependency order, as one revision « chargement du contenu » of
    the admin's history (django-reversion). Returns the list of tallies."""
    # Imported here: the search app imports the content apps' models.
    from portail.search import index

    with reversion.create_revision(manage_manually=True), index.deferred():
        reversion.set_comment("chargement du contenu")
        with _one_version_per_object():
            return _load_all()


@contextmanager
def _one_version_per_object():
    """Each object of a versioned model (django-reversion) that the load changes is saved once
    in the revision, as it is at the end. Left to itself, reversion serialises an object again
    at each of its many-to-many changes (a word's subjects, its see-also…): most of the time of
    a load, for versions that would be thrown away."""
    touched = {}

    def saved(sender, instance, raw=False, **kwargs):
        if not raw and reversion.is_registered(sender):
            touched[(sender, instance.pk)] = True

    def relations_changed(sender, instance, action, **kwargs):
        if action.startswith("post_") and reversion.is_registered(type(instance)):
            touched[(type(instance), instance.pk)] = True

    post_save.connect(saved, weak=False, dispatch_uid="content-versions-save")
    m2m_changed.connect(relations_changed, weak=False, dispatch_uid="content-versions-m2m")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="content-versions-save")
        m2m_changed.disconnect(dispatch_uid="content-versions-m2m")
    for model, pk in touched:
        obj = model._default_manager.filter(pk=pk).first()
        if obj is not None:
            reversion.add_to_revision(obj)


def _load_all():
    # Imported here: the app loaders import this module's helpers.
    from portail.cards.content import load_cards
    from portail.directory.content import load_organisations
    from portail.experiences.content import load_skills
    from portail.fiches.content import load_fiches
    from portail.glossary.content import load_glossary
    from portail.groups.content import load_groups
    from portail.letters.content import load_letters
    from portail.places.content import load_places, load_subjects, load_themes

    tallies = [load_themes(), load_subjects(), *load_places(), load_organisations()]
    tallies.append(load_groups())
    tallies.append(load_skills())
    # The knowledge base: fiches name glossary words and letters, so they come last.
    for loader in (load_glossary, load_letters, load_fiches):
        result = loader()
        tallies.extend(result if isinstance(result, list | tuple) else [result])
    # The game's own cards cite fiches: after them.
    tallies.append(load_cards())
    return tallies
