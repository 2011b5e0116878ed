"""MkDocs hook: hands build_site()'s pages to MkDocs in memory (never writes into docs/).

Enabled by `hooks: [generator/mkdocs_hook.py]` in mkdocs.yml. On every build, and on every `mkdocs serve`
rebuild (mkdocs.yml watches seeds/ and generator/):

- on_files: runs the pipeline over `seeds/` next to mkdocs.yml, adds each page as a generated File, and logs
  each rejected seed as one warning (so `mkdocs build --strict` fails on a bad seed);
- on_page_markdown: replaces `<!-- latest-briefings -->` on the home page with the newest briefings, gives a
  page with a summary and no description (a briefing) its summary as description, and makes
  the front-matter strings of every page HTML-safe (Material prints page.meta title, author and description
  into the HTML unescaped, because it treats them as markup, and shows tags in search results as HTML);
  replaces `<!-- include: FILE -->` in a hand-written page with FILE from the project root
  (docs/contributing.md shows CONTRIBUTING.md);
- on_page_content: passes the HTML that MkDocs made of every page through the allow-list of
  generator/sanitise.py, and its table of contents and title through a text-only one (Material prints both
  unescaped), before the search plugin and the theme see them;
- on_env: gives the templates `content_security_policy()`, the policy of overrides/main.html's
  Content-Security-Policy meta, with the hashes of the inline scripts Material's templates put on that page;
  under `mkdocs serve`, the live-reload script MkDocs adds to each page gets its hash in that page's policy;
- on_post_page: marks the Chinese in each page's text lang="zh" and names the search dialog
  (generator/accessibility.py);
- edit links (Material's content.action.edit): with `repo_url` set, a briefing's link edits its seed, a company
  or topic page's shows its registry entry, a page made from an included file edits that file; listings get
  none. Without `repo_url`, on_config drops `edit_uri` so that no page gets a link (nor a warning);
- memory: MkDocs converts every page to HTML before it renders the first template, and keeps each page's
  source, Markdown and HTML until the end of the build. The hook lets go of what is no longer needed: a
  generated file's text once MkDocs has read it, page.markdown once it is HTML, the HTML itself (kept
  zlib-compressed between MkDocs' two loops, restored in on_page_context before the search plugin and the
  theme read it) once the page is written. The output is the same byte for byte.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib
import json
import logging
import os
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import meta

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

    from generator.model import BuildResult

ROOT = Path(__file__).resolve().parent.parent  # the project: generator/ and mkdocs.yml

log = logging.getLogger("mkdocs.hooks.briefings")

LATEST_MARKER = "<!-- latest-briefings -->"
INCLUDE = re.compile(r"<!--\s*include:\s*(?P<file>[\w./-]+)\s*-->")
INCLUDED = ("CONTRIBUTING.md",)  # files that hand-written pages include, watched by `mkdocs serve`
LATEST_LIMIT = 20
# Front-matter strings that Material or overrides/ print into the page unescaped.
HTML_META_KEYS = ("title", "author", "description", "source", "summary", "subtitle", "status")
# Material's templates of inline scripts, and when base.html (9.8.2) puts each on a page, by (config, features).
MATERIAL_SCRIPTS: tuple[tuple[str, Callable[[MkDocsConfig, list[str]], object]], ...] = (
    ("partials/javascripts/base.html", lambda config, features: True),
    ("partials/javascripts/palette.html", lambda config, features: not isinstance(config.theme.get("palette"), dict)),
    ("partials/javascripts/content.html", lambda config, features: True),
    ("partials/javascripts/announce.html", lambda config, features: "announce.dismiss" in features),
    ("partials/javascripts/outdated.html", lambda config, features: config.extra.get("version")),
    ("partials/javascripts/consent.html", lambda config, features: config.extra.get("consent")),
)


@dataclass(frozen=True)
class _Build:
    generated: frozenset[str]  # the pages the generator made (src_uri)
    latest: str  # Markdown that replaces LATEST_MARKER
    edit_urls: dict[str, str]  # generated page -> where to edit what it is made from
    repository: tuple[str, str] | None  # (edit, view) URLs of the repository root, when repo_url is set
    html: dict[str, bytes] = field(default_factory=dict)  # src_uri -> page.content, compressed between the loops


# The current build, keyed by the build's config object, for the page events.
_builds: dict[int, _Build] = {}
_serving = False
# Under `mkdocs serve`: the generator's code as last imported, and the briefings it made (BuildCache), so an
# edit to one seed reprocesses that seed only.
_code: tuple[tuple[str, int, int], ...] = ()
_cache = None
_jieba_folder: tempfile.TemporaryDirectory[str] | None = None
_search_paused: Any = None  # the search plugin, while on_post_build has switched it off to write its index


@event_priority(50)  # before the search plugin's on_config, which loads the dictionary
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Give the search plugin's Chinese segmenter (jieba) the registry's Chinese names as a user dictionary,
    so that 北汽集团 or 长安汽车 are indexed as words. The file lives in a temporary folder, never in docs/.
    Without a repo_url, no edit links: MkDocs would otherwise warn that edit_uri alone is not a URL."""
    global _search_paused
    if _search_paused is not None:  # paused by on_post_build of the previous build in this process (serve)
        _search_paused.config.enabled = True
        _search_paused = None
    if not config.repo_url:
        config.edit_uri = config.edit_uri_template = None
    logging.getLogger("jieba").setLevel(logging.WARNING)  # it announces building its dictionary on every run
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or search.config.get("jieba_dict_user"):
        return config
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator.entities.registry import chinese_names
    from generator.errors import RegistryError
    from generator.load import load_registry

    try:
        names = chinese_names(load_registry(data_dir(config)))
    except RegistryError:
        return config  # on_files reports the error
    if names:
        global _jieba_folder
        if _jieba_folder is None:  # one per process, removed when it exits (serve rebuilds reuse it)
            _jieba_folder = tempfile.TemporaryDirectory(prefix="briefings-jieba-")
        text = "".join(f"{name} 1000 nz\n" for name in names)
        path = Path(_jieba_folder.name) / f"registry-{hashlib.blake2b(text.encode(), digest_size=8).hexdigest()}.dict"
        if not path.is_file():
            path.write_text(text, encoding="utf-8")
        search.config["jieba_dict_user"] = str(path)
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., object]) -> LiveReloadServer:
    """`mkdocs serve` also reloads when a file included by a page changes (`watch:` in mkdocs.yml cannot list a
    file that may be absent, as in the tests' copies of the site sources), and the live-reload script it adds to
    every page it sends is allowed by that page's Content-Security-Policy."""
    root = Path(config.config_file_path).resolve().parent
    for path in INCLUDED:
        if (root / path).is_file():
            server.watch(str(root / path))
    inject = getattr(server, "_inject_js_into_html", None)  # MkDocs 1.6's LiveReloadServer
    if inject is not None and not isinstance(inject, functools.partial):
        server._inject_js_into_html = functools.partial(inject_allowed, inject)  # type: ignore[method-assign]
    return server


def inject_allowed(inject: Callable[[bytes, int], bytes], content: bytes, epoch: int) -> bytes:
    """MkDocs' inject(content, epoch), which writes one inline script before `</body>`, with that script's hash
    added to the page's Content-Security-Policy (its text changes with every request, so it is hashed here)."""
    out = inject(content, epoch)
    end = content.rfind(b"</body>")
    end = len(content) if end < 0 else end
    added = out[end : end + len(out) - len(content)].decode("utf-8")
    csp = importlib.import_module("generator.csp")
    scripts = csp.inline_scripts(added)
    if len(scripts) != 1:  # not the one script MkDocs 1.6 adds: leave the page as MkDocs made it
        return out
    allowed: str = csp.allow_script(out.decode("utf-8"), scripts[0])
    return allowed.encode("utf-8")


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process is `mkdocs serve`."""
    global _serving
    _serving = command == "serve"


def _generator() -> tuple[Callable[..., BuildResult], Callable[..., str]]:
    """build_site and render_listing; under `mkdocs serve` imported afresh, so that an edit to the generator
    takes effect on the next rebuild (MkDocs loads this hook module only once per process).

    The project's own generator/ comes first: MkDocs restores sys.path after loading a hook, so this is done here,
    at build time, not at import time."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    global _code, _cache
    if _serving:
        incremental = importlib.import_module("generator.runtime.incremental")
        _code, edited = incremental.forget_code_if_edited(ROOT / "generator", _code)
        if edited:  # the generator itself was edited: it is imported afresh, and cached briefings are forgotten
            _cache = None
    pipeline = importlib.import_module("generator.pipeline")
    render = importlib.import_module("generator.render")
    if _serving and _cache is None:
        _cache = importlib.import_module("generator.runtime.incremental").BuildCache()
    return functools.partial(pipeline.build_site, cache=_cache), render.render_listing


def _jobs() -> int:
    """Worker processes for the per-seed stages: BRIEFINGS_JOBS, or one per CPU."""
    value = os.environ.get("BRIEFINGS_JOBS", "")
    return int(value) if value.isdigit() and int(value) > 0 else os.cpu_count() or 1


def seeds_dir(config: MkDocsConfig) -> Path:
    """The seeds folder: `seeds/` beside mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / "seeds"


def data_dir(config: MkDocsConfig) -> Path:
    """The registry folder: `data/` beside mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / "data"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Build every page from the seeds and add it to MkDocs' files in memory."""
    build_site, render_listing = _generator()
    progress_module = importlib.import_module("generator.progress")
    with progress_module.SeedProgress() as progress:
        result = build_site(seeds_dir(config), data_dir(config), base_url=config.site_url or "", progress=progress,
                            jobs=_jobs(), git=True, directory_urls=config.use_directory_urls)
    log.info(f"Generated {progress_module.build_line(result, progress.seconds)}")
    _builds.clear()
    latest = render_listing(result.briefings, "latest.md.j2", limit=LATEST_LIMIT)
    links = importlib.import_module("generator.edit_links")
    repository = links.repository_urls(config.repo_url, config.edit_uri)
    edit_urls = {}
    if repository:
        sources = links.page_sources(result.briefings, result.registry)  # the registry the build already read
        edit_urls = {page: links.edit_url(repository, *source) for page, source in sources.items()}
    # Only what the page events need is kept: the pages' text now lives in the Files alone, and the briefings
    # (bodies, figures, blocks) are freed when `result` goes out of scope.
    _builds[id(config)] = _Build(frozenset(result.pages), latest, edit_urls, repository)
    for error in result.errors:
        log.warning(str(error))
    pages = result.pages
    for rel_path in list(pages):
        # As UTF-8 bytes (as the build holds them): a str with one character outside Latin-1 takes two bytes a
        # character.
        content = pages.pop_encoded(rel_path)
        existing = files.get_file_from_path(rel_path)
        if existing is not None:
            log.warning(f"docs/{rel_path} is generated from seeds; the file in docs/ is ignored (delete it)")
            files.remove(existing)
        files.append(File.generated(config, rel_path, content=content))
    _guard_front_matter(files, config)
    _refuse_clashes(files, _builds[id(config)].generated)
    return files


def _refuse_clashes(files: Files, generated: frozenset[str]) -> None:
    """A hand-written page that MkDocs would publish where a generated one is (docs/briefings/index.md and the
    listing briefings.md are both briefings/) is left out, with a warning."""
    paths = importlib.import_module("generator.paths")
    for target, kept, other in paths.clashes([file.src_uri for file in files.documentation_pages()]):
        if (kept in generated) != (other in generated):
            mine = other if kept in generated else kept
            log.warning(f"docs/{mine} would be published as {target}, where the generated "
                        f"{kept if mine == other else other} is; it is left out (rename it)")
            file = files.get_file_from_path(mine)
            if file is not None:
                files.remove(file)


def _guard_front_matter(files: Files, config: MkDocsConfig) -> None:
    """A hand-written page whose front matter would crash MkDocs' YAML loader (nesting deep enough to overflow the
    C stack) or expand without bound (aliases) is built without it, with a warning naming the file and line."""
    safeyaml = importlib.import_module("generator.safeyaml")
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        text = file.content_string
        match = meta.YAML_RE.match(text)  # what MkDocs would read as front matter
        if match is None:
            continue
        try:
            safeyaml.check_limits(match.group(1))
        except safeyaml.LimitError as exc:
            where = Path(config.docs_dir).name + "/" + file.src_uri
            log.warning(f"{where}:{exc.line + 2}: error: front matter {exc.problem}; the page is built without it")
            file.content_string = text[match.end():]
        except safeyaml.yaml.YAMLError:
            pass  # MkDocs ignores front matter it cannot parse


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the home page's latest-briefings marker; make every page's metadata HTML-safe."""
    build = _build(config)
    if not page.meta.get("description") and isinstance(page.meta.get("summary"), str):
        page.meta["description"] = page.meta["summary"]  # a briefing's: its meta and Open Graph description
    for key in HTML_META_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str):
            # Quotes only as the attributes need (Material writes them in double quotes): an apostrophe
            # written as &#x27; would reach the search index's titles and never match a query.
            page.meta[key] = html.escape(value, quote=False).replace('"', "&quot;")
    tags = page.meta.get("tags")
    if isinstance(tags, list):
        # Material's search results show tags as HTML. Only < and > are escaped: with no tag left to open, "&" is
        # harmless, and "Lynk & Co" stays findable as written.
        page.meta["tags"] = [t.replace("<", "&lt;").replace(">", "&gt;") if isinstance(t, str) else t for t in tags]
    if page.file.generated_by is not None and page.file.src_uri in build.generated:
        page.file.content_bytes = b""  # MkDocs has read it into page.markdown and never reads it again
    if page.file.generated_by is not None:
        page.edit_url = build.edit_urls.get(page.file.src_uri)
    else:
        markdown = _include(markdown, page, config, build)
    if page.is_homepage and LATEST_MARKER in markdown:
        markdown = markdown.replace(LATEST_MARKER, build.latest)
    return markdown


def _build(config: MkDocsConfig) -> _Build:
    """The current build's state; the page events run only after on_files."""
    build = _builds.get(id(config))
    if build is None:
        raise RuntimeError("a page event ran before on_files: the hook has no build result")
    return build


@event_priority(-50)  # after every other handler of on_page_content
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Sanitise the page's HTML, table of contents and title; then, between MkDocs' two loops over all pages, hold
    the HTML compressed and drop the Markdown."""
    sanitise = importlib.import_module("generator.sanitise")
    content = sanitise.sanitise_html(content)
    _sanitise_toc(page.toc, sanitise.sanitise_text)
    if "title" not in page.meta and page.title:  # from the first heading: Material prints it as HTML
        page.title = sanitise.sanitise_text(page.title)
    # Rendered: nothing reads it again. An empty string, not None: Page.title is None while markdown is None.
    page.markdown = ""
    _build(config).html[page.file.src_uri] = zlib.compress(content.encode("utf-8"), 1)
    return ""  # page.content until on_page_context restores it (a None return would keep the HTML)


def _sanitise_toc(items: Any, clean: Callable[[str], str]) -> None:
    """Every title of a table of contents as text only (Material prints toc_item.title unescaped)."""
    for item in items:
        item.title = clean(item.title)
        _sanitise_toc(item.children, clean)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Give the templates content_security_policy(), the policy of the page being rendered."""
    csp = importlib.import_module("generator.csp")
    features = list(config.theme.get("features") or [])
    templates = [name for name, used in MATERIAL_SCRIPTS if used(config, features)]
    policies: dict[str, str] = {}  # by base_url, the only value those templates read that differs between pages

    @jinja2.pass_context
    def content_security_policy(context: jinja2.runtime.Context) -> str:
        """The policy, with the hashes of the inline scripts Material's templates write for this page."""
        base_url = str(context.get("base_url", ""))
        if base_url not in policies:
            values = {**context.get_all(), "features": features}
            scripts = [script for name in templates
                       for script in csp.inline_scripts(env.get_template(name).render(values))]
            policies[base_url] = csp.policy([csp.script_hash(script) for script in scripts])
        return policies[base_url]

    env.globals["content_security_policy"] = content_security_policy
    return env


@event_priority(60)  # before the search plugin (0) indexes page.content and the theme renders it
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
    """Give the page its HTML back for the search plugin and the template."""
    stored = _build(config).html.pop(page.file.src_uri, None)
    if stored is not None:
        page.content = zlib.decompress(stored).decode("utf-8")
    return context


@event_priority(-50)  # after every other handler of on_post_page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page is rendered: its HTML is not needed any more (an empty string keeps Page.title as it was). Chinese
    in its text is marked lang="zh" and the search dialog named (generator/accessibility.py)."""
    page.content = ""
    accessibility = importlib.import_module("generator.accessibility")
    marked: str = accessibility.mark_chinese(accessibility.name_search_dialog(output))
    return marked


@event_priority(50)  # before the search plugin's own on_post_build, which it then skips
def on_post_build(config: MkDocsConfig) -> None:
    """Write Material's search index one entry at a time: the plugin encodes the whole index as one string and
    then as bytes, two copies of a hundred megabytes at 20,000 briefings, the peak of the build's memory.
    The file is byte for byte what the plugin writes. Under `mkdocs serve --dirty` the plugin merges the index
    with the previous build's, and writes it itself."""
    global _search_paused
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    if search is None or index is None or not search.config.enabled or getattr(search, "is_dirty", True):
        return
    head = json.dumps({"config": {key: search.config[key] for key in ("lang", "separator", "pipeline", "fields")},
                       "docs": []}, separators=(",", ":"), default=str)
    path = Path(config.site_dir) / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(head[:-2].encode("utf-8"))  # up to the docs list's opening bracket
        for number, entry in enumerate(index.entries):
            out.write((b"," if number else b"") + json.dumps(entry, separators=(",", ":"), default=str).encode())
        out.write(b"]}")
    search.config.enabled = False  # the plugin's on_post_build returns at once; on_config turns it back on
    _search_paused = search


def _include(markdown: str, page: Page, config: MkDocsConfig, build: _Build) -> str:
    """Replace `<!-- include: FILE -->` with FILE from the project root; the page's edit link then edits FILE."""
    match = INCLUDE.search(markdown)
    if not match:
        return markdown
    root = Path(config.config_file_path).resolve().parent
    path = (root / match["file"]).resolve()
    if not path.is_relative_to(root) or not path.is_file():  # e.g. a copy of the site sources without it
        text = f"See `{match['file']}` at the root of the repository."
    else:
        text = path.read_text(encoding="utf-8")
        if build.repository:
            page.edit_url = build.repository[0] + path.relative_to(root).as_posix()
    return markdown[: match.start()] + text + markdown[match.end() :]
