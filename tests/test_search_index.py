"""The search index a strict build writes, and the memory the hook lets go of during the build.

One `mkdocs build --strict` of the fixture seeds (as in test_site.py) with one extra hook, `release_probe.py`,
that runs after the project's hook and records, between MkDocs' two loops and at the end, which pages still
hold their source, Markdown or HTML.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from typing import Any

import pytest
from test_site import SEED_FILES, TODAY, fixture_seeds, make_project, mkdocs_build

from generator.model import BuildResult
from generator.pipeline import build_site

# Records what each page holds: on_env (after every page was converted, before any is rendered) and
# on_post_build (every page written). Priority -100: after every other handler of those events.
PROBE = '''
import json
from pathlib import Path

from mkdocs.plugins import event_priority

_seen = {}


def _held(files):
    return {f.src_uri: {"source": bool(f.content_string) if f.generated_by else None,
                        "markdown": bool(f.page.markdown), "content": bool(f.page.content)}
            for f in files.documentation_pages()}


@event_priority(-100)
def on_env(env, config, files):
    _seen["between_loops"] = _held(files)
    _seen["files"] = files
    return env


@event_priority(-100)
def on_post_build(config):
    _seen["after_build"] = _held(_seen.pop("files"))
    search = config.plugins["material/search"]
    written = (Path(config.site_dir) / "search" / "search_index.json").read_bytes()
    _seen["index_as_material_writes_it"] = written == search.search_index.generate_search_index(None).encode()
    Path(config.config_file_path).with_name("probe.json").write_text(json.dumps(_seen), encoding="utf-8")
'''
# Tags Material's search plugin keeps in an entry's text; nothing else may reach the index.
KEPT_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
# Sections of generated pages that only repeat other pages (data-search-exclude in the templates).
EXCLUDED_SECTIONS = ("#related-briefings", "#briefings", "#key-figures", "#often-mentioned-with", "#topics",
                     "#companies-most-associated")
LISTINGS = ("briefings/", "companies/", "topics/", "timeline/")  # search.exclude in their front matter


@dataclass
class Built:
    """The index, the probe's record and the pipeline's result for the same seeds."""

    docs: list[dict[str, object]]
    probe: dict[str, Any]
    result: BuildResult


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("search")
    project = make_project(base, fixture_seeds())
    (project / "release_probe.py").write_text(PROBE, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - generator/mkdocs_hook.py\n", "  - generator/mkdocs_hook.py\n  - release_probe.py\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    run = mkdocs_build(project, base / "site")
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    index = json.loads((base / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    probe = json.loads((project / "probe.json").read_text(encoding="utf-8"))
    shutil.rmtree(base / "site")
    result = build_site(project / "seeds", today=TODAY)
    return Built(index["docs"], probe, result)


def _page_text(docs: list[dict[str, object]], page: str) -> str:
    """Title and text of every entry of one page, tags removed."""
    entries = [d for d in docs if str(d["location"]).split("#")[0] == page]
    assert entries, f"no index entry for {page}"
    return " ".join(re.sub(r"<[^>]+>", " ", f"{d['title']} {d['text']}") for d in entries)


def test_every_word_of_every_article_body_is_in_the_index(built: Built) -> None:
    for briefing in built.result.briefings:
        text = _page_text(built.docs, f"briefings/{briefing.slug}/").casefold()
        body = re.sub(r"\]\([^)]*\)", "]", briefing.body)  # link targets are not text
        words = set(re.findall(r"[A-Za-z]{4,}", body))
        missing = sorted(w for w in words if w.casefold() not in text)
        assert missing == [], f"{briefing.seed}: {missing[:10]}"


def test_a_word_from_the_last_paragraph_is_found(built: Built) -> None:
    briefing = next(b for b in built.result.briefings if b.seed == SEED_FILES[0])
    last = briefing.blocks[-1].text
    word = max(re.findall(r"[A-Za-z]+", last), key=len)
    assert word.casefold() in _page_text(built.docs, f"briefings/{briefing.slug}/").casefold()


def test_entries_carry_only_the_tags_material_keeps(built: Built) -> None:
    for doc in built.docs:
        tags = {m.lower() for m in re.findall(r"</?([A-Za-z][\w-]*)", str(doc["text"]))}
        assert tags <= KEPT_TAGS, (doc["location"], tags - KEPT_TAGS)
        assert "<" not in re.sub(r"&lt;", "", str(doc["title"])), doc["location"]


def test_listings_and_repeating_sections_are_not_indexed(built: Built) -> None:
    locations = [str(d["location"]) for d in built.docs]
    assert not [loc for loc in locations if loc in LISTINGS]
    assert not [loc for loc in locations if loc.endswith(EXCLUDED_SECTIONS)]
    for briefing in built.result.briefings:
        text = _page_text(built.docs, f"briefings/{briefing.slug}/")
        assert "Key figures" not in text
        for figure in briefing.figures:  # the key-figures box repeats sentences of the body
            assert f"{figure.value} — " not in text


def test_no_entry_is_repeated(built: Built) -> None:
    locations = [d["location"] for d in built.docs]
    assert len(locations) == len(set(locations))


def test_pages_hold_no_source_or_markdown_between_the_loops(built: Built) -> None:
    pages = built.probe["between_loops"]
    generated = {page for page, held in pages.items() if held["source"] is not None}
    assert {f"briefings/{b.slug}.md" for b in built.result.briefings} <= generated
    assert not [page for page in generated if pages[page]["source"]]
    assert not [page for page, held in pages.items() if held["markdown"] or held["content"]]


def test_pages_hold_no_html_after_the_build(built: Built) -> None:
    assert not [page for page, held in built.probe["after_build"].items() if held["content"]]


def test_titles_in_the_index_keep_their_apostrophes(built: Built) -> None:
    titles = [str(d["title"]) for d in built.docs]
    assert not [t for t in titles if "&#x27;" in t or "&#39;" in t]
    assert any("China's trillion-yuan auto plan" in t for t in titles)


def test_the_index_written_entry_by_entry_is_the_one_material_writes(built: Built) -> None:
    assert built.probe["index_as_material_writes_it"] is True
