"""What a piste can link to. Each room of the knowledge base registers a resolver for its own
kind of object (the directory registers "organisation"; the glossary and the fiches register
theirs when they arrive), so a piste stores only (kind, slug) and never breaks on a missing app.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkKind:
    key: str
    label: str
    resolve: object  # callable(slugs) -> {slug: (title, url)}
    choices: object  # callable() -> [(slug, title)] for the answer form


_KINDS = {}


def register(key, label, resolve, choices):
    _KINDS[key] = LinkKind(key, label, resolve, choices)


def kinds():
    return list(_KINDS.values())


def get(key):
    return _KINDS.get(key)


def resolve_links(links):
    """[(link, title, url)] for the links whose target still exists, in order, with one query
    per kind of link."""
    by_kind = {}
    for link in links:
        by_kind.setdefault(link.kind, []).append(link.target)
    resolved = {}
    for key, slugs in by_kind.items():
        kind = _KINDS.get(key)
        if kind:
            for slug, found in kind.resolve(slugs).items():
                resolved[(key, slug)] = found
    return [
        (link, *resolved[(link.kind, link.target)])
        for link in links
        if (link.kind, link.target) in resolved
    ]
