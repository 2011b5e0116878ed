"""Edit links: which file in the repository each generated page comes from, and its address on GitHub.

A briefing is edited in its seed, a company, topic or source page in its entry of the registry; listings (briefings,
companies, topics, sources, timeline) are made from many files and get no edit link. MkDocs' own `repo_url` and
`edit_uri` ("edit/main/docs/") give the repository and the branch; without a `repo_url` there are no links.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from generator.model import Briefing, Registry

_EDIT_URI = re.compile(r"^/?(?:edit|blob)/(?P<branch>[^/]+)/")


def repository_urls(repo_url: str | None, edit_uri: str | None) -> tuple[str, str] | None:
    """("<repo>/edit/<branch>/", "<repo>/blob/<branch>/") for files at the repository's root, or None when there
    is no repository URL or `edit_uri` names no branch."""
    match = _EDIT_URI.match(edit_uri or "")
    if not repo_url or not match:
        return None
    base = repo_url.rstrip("/")
    return f"{base}/edit/{match['branch']}/", f"{base}/blob/{match['branch']}/"


def page_sources(briefings: tuple[Briefing, ...], registry: Registry, seeds: str = "seeds",
                 data: str = "data") -> dict[str, tuple[str, int]]:
    """Generated page (path under docs/) -> (file in the repository, line of its entry or 0 for the whole file)."""
    out: dict[str, tuple[str, int]] = {f"briefings/{b.slug}.md": (f"{seeds}/{b.path}", 0) for b in briefings}
    out.update({f"companies/{c.slug}.md": (f"{data}/companies.yml", c.line) for c in registry.companies.values()})
    out.update({f"topics/{t.slug}.md": (f"{data}/topics.yml", t.line) for t in registry.topics.values()})
    out.update({f"sources/{s.slug}.md": (f"{data}/sources.yml", s.line) for s in registry.sources.values()})
    return out


def edit_url(urls: tuple[str, str], path: str, line: int = 0) -> str:
    """The page that edits `path`; for a registry entry (a line), the file shown at that line, highlighted, with
    GitHub's edit button beside it (GitHub's editor cannot open at a line)."""
    edit, view = urls
    return f"{view}{quote(path)}#L{line}" if line else f"{edit}{quote(path)}"
