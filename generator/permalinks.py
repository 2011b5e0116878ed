"""Permalinks: which briefing a slug names, so that a published address never moves to another story.

A slug belongs to the seed that claimed it first: claims are the slug a seed has now, the slugs its earlier
versions had (a title corrected since), and the old addresses its editor lists under `aliases:`, each dated by
the mainline commit that first gave it (history.py). A seed or version not committed yet comes after every commit;
in one commit a slug comes before an alias, then the seed name that sorts first. Another seed whose title gives
the same slug gets the slug with a suffix made from its own first name ("-3f9a1c"), which no other file changes.
A seed's earlier slugs and aliases that are its own become redirects to its page. The site's own names
(paths.RESERVED_SLUGS) are never claimed: a title that gives one always gets the suffix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from generator.paths import is_reserved, slugify

SUFFIX_LENGTH = 6  # hexadecimal digits: 16 million suffixes for the seeds whose titles give one slug
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Claim:
    """What one seed asks of the slugs: its slug now, its earlier ones and its aliases, each with the place in
    the mainline of the commit that first gave it (`later` for what no commit has given yet)."""

    seed: str  # the seed's path now: ties between claims of one commit go to the name that sorts first
    origin: str  # the seed's first path, without extension: its suffix, which renames leave as it was
    slug: str
    since: int
    earlier: tuple[tuple[str, int], ...] = ()  # (slug, since) of earlier versions, oldest first
    aliases: tuple[str, ...] = ()  # claimed from when the seed was added
    added: int = 0


def suffix(origin: str, length: int = SUFFIX_LENGTH) -> str:
    """The short, stable suffix of a seed: hexadecimal digits of a digest of its first path."""
    return hashlib.blake2b(origin.encode("utf-8"), digest_size=20).hexdigest()[:length]


def alias_slug(value: object) -> str | None:
    """The slug an editor's alias names ("old-title", "briefings/old-title/", "/wiki/briefings/old-title.html" or
    the whole old address), or None when it names none (the check says so)."""
    if not isinstance(value, str) or not value.strip() or len(value) > 2_000:
        return None
    try:
        path = urlsplit(value.strip()).path
    except ValueError:
        return None
    path = re.sub(r"\.(?:html?|md)$", "", re.sub(r"/index\.html?$", "", unquote(path).rstrip("/")))
    name = path.rsplit("/", 1)[-1]
    return name if _SLUG.fullmatch(name) and slugify(name) == name and not is_reserved(name) else None


def assign(claims: list[Claim]) -> list[tuple[str, tuple[str, ...]]]:
    """For each claim, in order: the slug its page gets and the slugs that redirect to it (sorted)."""
    owner: dict[str, tuple[int, int, str, int]] = {}  # slug -> (since, alias?, seed, claim index) of its first claim

    def claim(slug: str, since: int, index: int, alias: int = 0) -> None:
        if is_reserved(slug):
            return
        key = (since, alias, claims[index].seed, index)
        if slug not in owner or key < owner[slug]:
            owner[slug] = key

    for index, c in enumerate(claims):
        claim(c.slug, c.since, index)
        for slug, since in c.earlier:
            claim(slug, since, index)
        for slug in c.aliases:  # from the seed's first commit, after a slug of the same commit
            claim(slug, c.added, index, alias=1)
    # An alias never pushes a page off its slug: a suffix may take a slug only an alias claims (the redirect yields).
    taken = {slug for slug, key in owner.items() if not key[1]}
    suffixed: dict[tuple[int, str], str] = {}

    def published(slug: str, index: int) -> str:
        """Where the seed's page is (or was) published when its title gives `slug`."""
        if owner.get(slug, (0, 0, "", -1))[3] == index:
            return slug
        if (index, slug) not in suffixed:
            length = SUFFIX_LENGTH
            while (candidate := f"{slug}-{suffix(claims[index].origin, length)}") in taken and length < 40:
                length += 2  # a title that already ends in another seed's suffix: never in practice
            taken.add(candidate)
            suffixed[(index, slug)] = candidate
        return suffixed[(index, slug)]

    pages = [published(c.slug, i) for i, c in enumerate(claims)]
    current = set(pages)
    out = []
    for index, c in enumerate(claims):
        old = {published(slug, index) for slug, _ in c.earlier}
        old.update(slug for slug in c.aliases if owner.get(slug, (0, 0, "", -1))[3] == index)
        out.append((pages[index], tuple(sorted(old - current))))
    return out


MAX_ALIASES = 50  # a briefing's old addresses; more would be a list of someone else's


def aliases_of(values: Iterable[object]) -> tuple[str, ...]:
    """The slugs of an editor's aliases that name one (in order, once each, at most MAX_ALIASES)."""
    return tuple(dict.fromkeys(slug for value in values if (slug := alias_slug(value))))[:MAX_ALIASES]
