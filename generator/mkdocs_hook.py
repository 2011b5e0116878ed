"""MkDocs hook: hands build_site()'s pages to MkDocs in memory (never writes into docs/).

Enabled by `hooks: [generator/mkdocs_hook.py]` in mkdocs.yml. On every build, and on every `mkdocs serve`
reload (mkdocs.yml watches seeds/ and generator/):

- on_files: runs the pipeline over `seeds/` next to mkdocs.yml, adds each page as a generated File, and logs
  each rejected seed as one warning (so `mkdocs build --strict` fails on a bad seed);
- on_page_markdown: replaces `<!-- latest-briefings -->` on the home page with the newest briefings, and makes
  the front-matter strings of generated pages HTML-safe (Material prints page.meta title, author and
  description into the HTML unescaped, because it treats them as markup).
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `mkdocs` run from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from generator.model import BuildResult  # noqa: E402
from generator.pipeline import build_site  # noqa: E402
from generator.render import render_listing  # noqa: E402

log = logging.getLogger("mkdocs.hooks.briefings")

LATEST_MARKER = "<!-- latest-briefings -->"
LATEST_LIMIT = 20
# Front-matter strings that Material or overrides/main.html print into the page.
HTML_META_KEYS = ("title", "author", "description", "source", "summary")

# The result of the current build, keyed by the build's config object, for on_page_markdown.
_results: dict[int, BuildResult] = {}


def seeds_dir(config: MkDocsConfig) -> Path:
    """The seeds folder: `seeds/` beside mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / "seeds"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Build every page from the seeds and add it to MkDocs' files in memory."""
    result = build_site(seeds_dir(config))
    _results.clear()
    _results[id(config)] = result
    for error in result.errors:
        log.warning(str(error))
    for rel_path, text in result.pages.items():
        existing = files.get_file_from_path(rel_path)
        if existing is not None:
            log.warning(f"docs/{rel_path} is generated from seeds; the file in docs/ is ignored (delete it)")
            files.remove(existing)
        files.append(File.generated(config, rel_path, content=text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the home page's latest-briefings marker; make generated pages' metadata HTML-safe."""
    result = _results.get(id(config))
    if result is None:
        raise RuntimeError("on_page_markdown ran before on_files: the hook has no build result")
    if page.file.generated_by is not None and page.file.src_uri in result.pages:
        for key in HTML_META_KEYS:
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = html.escape(value)
    if page.is_homepage and LATEST_MARKER in markdown:
        latest = render_listing(result.briefings, "latest.md.j2", limit=LATEST_LIMIT)
        markdown = markdown.replace(LATEST_MARKER, latest)
    return markdown
