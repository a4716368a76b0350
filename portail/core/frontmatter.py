"""Reviewed Markdown files with a TOML front matter between two `+++` lines (content/fiches/,
content/lettres/), and the checks their common fields need. See portail/core/content.py."""

import datetime
import tomllib

from portail.core.content import ContentError, content_dir

DELIMITER = "+++"


def markdown_files(subdir):
    """The .md files of content/<subdir>/, in name order; an error if the folder is missing."""
    folder = content_dir() / subdir
    if not folder.is_dir():
        raise ContentError(f"Dossier de contenu introuvable : {folder}")
    return sorted(folder.glob("*.md"))


def read_front_matter(path, source):
    """(front matter as a dict, body text) of one file; ContentError naming `source` otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"{source} : fichier illisible ({exc}).") from exc
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != DELIMITER:
        raise ContentError(f"{source} : le fichier doit commencer par une ligne « +++ ».")
    end = next((i for i, line in enumerate(lines) if i and line.strip() == DELIMITER), None)
    if end is None:
        raise ContentError(f"{source} : la ligne « +++ » qui ferme l'en-tête manque.")
    try:
        meta = tomllib.loads("".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{source} : l'en-tête n'est pas du TOML valide : {exc}") from exc
    return meta, "".join(lines[end + 1 :]).strip()


def check_keys(meta, allowed, source):
    unknown = sorted(set(meta) - set(allowed))
    if unknown:
        raise ContentError(f"{source} : clé(s) inconnue(s) dans l'en-tête : {', '.join(unknown)}.")


def text(meta, name, source, required=True):
    value = meta.get(name, "")
    if not isinstance(value, str):
        raise ContentError(f"{source} : « {name} » doit être un texte entre guillemets.")
    value = value.strip()
    if required and not value:
        raise ContentError(f"{source} : le champ « {name} » est obligatoire.")
    return value


def text_list(meta, name, source):
    value = meta.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(f"{source} : « {name} » doit être une liste de textes.")
    return [item.strip() for item in value]


def day(meta, name, source):
    value = meta.get(name)
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ContentError(
            f"{source} : « {name} » doit être une date sans guillemets, par exemple 2026-11-24."
        )
    return value


def sources(meta, source):
    """[{texte, url}] with a text each and, when given, an http(s) address."""
    value = meta.get("sources", [])
    if not isinstance(value, list):
        raise ContentError(f"{source} : « sources » doit être une liste.")
    cleaned = []
    for item in value:
        if not isinstance(item, dict) or set(item) - {"texte", "url"}:
            raise ContentError(
                f"{source} : chaque source a un « texte » et une « url » ({item!r})."
            )
        label = item.get("texte")
        url = item.get("url", "")
        if not isinstance(label, str) or not label.strip():
            raise ContentError(f"{source} : une source n'a pas de « texte » ({item!r}).")
        if not isinstance(url, str) or (url and not url.startswith(("https://", "http://"))):
            raise ContentError(
                f"{source} : l'adresse d'une source doit commencer par https:// ({url!r})."
            )
        cleaned.append({"texte": label.strip(), "url": url.strip()})
    return cleaned
