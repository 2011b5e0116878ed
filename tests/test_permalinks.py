"""Dates added and permalinks, from real builds of a project in a temporary git repository.

Each seed's date added is the date of the commit that added it; undated briefings are listed by it. A published
address keeps naming its story: a later seed with the same title gets a suffix of its own, and a title correction
(in the seed, by rewriting a scraped page as Markdown, or by an editor's `aliases:`) leaves a redirect page at the
old address.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_site import TODAY, make_project, mkdocs_build, parse

from generator.history import read_history
from generator.permalinks import Claim, alias_slug, assign, suffix
from generator.pipeline import build_site
from generator.redirects import redirect_pages

ATOM = "{http://www.w3.org/2005/Atom}"
BODY = ("Xiaomi Auto may take over the Qingdao production site of BAIC BluePark, a local media report said on "
        "Thursday, as the smartphone maker looks for a licensed plant.")


def editor_seed(title: str, date: str | None = None, extra: str = "") -> str:
    """An editor's seed with `title` (and `date`, and more front matter)."""
    dated = f"date: {date}\n" if date else ""
    return f"---\ntitle: \"{title}\"\n{dated}{extra}---\n\n{BODY}\n"


def git(project: Path, *args: str, date: str = "2025-01-01") -> None:
    """Run git in `project` as an editor, on `date` (author and commit dates), without the user's settings."""
    stamp = f"{date}T10:00:00+00:00"
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True, timeout=60)


def commit(project: Path, date: str, files: dict[str, str | None]) -> None:
    """Write (or, for None, delete) seeds and commit them on `date`."""
    for name, text in files.items():
        path = project / "seeds" / name
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    git(project, "add", "--all", "seeds", date=date)
    git(project, "commit", "--quiet", f"--message=Seeds of {date}", date=date)


def repository(base: Path) -> Path:
    """The project's site sources in a new git repository, with no seed yet."""
    project = make_project(base, {})
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message=The site")
    return project


def build(project: Path, site: Path, **settings: str) -> Path:
    run = mkdocs_build(project, site, **settings)
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    return site


def records(site: Path) -> dict[str, dict[str, object]]:
    """briefings.json's records by seed."""
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    return {str(r["seed"]): r for r in data["briefings"]}


def seed_on(page: Path) -> str:
    """The seed a built briefing page says it was made from."""
    return parse(page).meta["Seed"]


# --- dates added ----------------------------------------------------------------------------------------------


def test_an_undated_briefing_is_listed_by_the_date_its_seed_was_added(tmp_path: Path) -> None:
    project = repository(tmp_path)
    commit(project, "2025-06-02", {"010_old.md": editor_seed("Old news of June", "2025-06-01")})
    commit(project, "2025-09-15", {"030_undated.md": editor_seed("A story nobody dated")})
    commit(project, "2025-11-02", {"020_new.md": editor_seed("New news of November", "2025-11-01")})
    (project / "seeds" / "040_uncommitted.md").write_text(editor_seed("Not committed yet"), encoding="utf-8")
    site = build(project, tmp_path / "site")

    home = parse(site / "index.html")
    listed = [href for href, _ in home.links if href.startswith("briefings/") and href != "briefings/"]
    assert listed == ["briefings/not-committed-yet/", "briefings/new-news-of-november/",
                      "briefings/a-story-nobody-dated/", "briefings/old-news-of-june/"]
    home_text = (site / "index.html").read_text(encoding="utf-8")
    assert "Added 2025-09-15, publication date unknown" in home_text
    assert "Added 2026-01-01, publication date unknown" in home_text  # the build date (SOURCE_DATE_EPOCH)
    assert parse(site / "briefings/a-story-nobody-dated/index.html").meta["Date"] == (
        "Added 2025-09-15, publication date unknown")
    assert parse(site / "briefings/new-news-of-november/index.html").meta["Date"] == "Published 2025-11-01"

    feed = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    entries = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated"), e.findtext(f"{ATOM}published"))
               for e in feed.findall(f"{ATOM}entry")]
    assert entries == [
        ("Not committed yet", "2026-01-01T00:00:00Z", None),
        ("New news of November", "2025-11-01T00:00:00Z", "2025-11-01T00:00:00Z"),
        ("A story nobody dated", "2025-09-15T00:00:00Z", None),
        ("Old news of June", "2025-06-01T00:00:00Z", "2025-06-01T00:00:00Z"),
    ]
    assert records(site)["030_undated.md"]["added"] == "2025-09-15"
    assert records(site)["010_old.md"]["added"] == "2025-06-02"
    assert build(project, tmp_path / "again").joinpath("index.html").read_bytes() == (site / "index.html").read_bytes()


def test_the_date_added_follows_renames_and_a_rewrite_as_markdown(tmp_path: Path) -> None:
    project = repository(tmp_path)
    commit(project, "2025-03-01", {"100_scraped.txt": f"A plant changes hands in Qingdao\n\n{BODY}\n\n{BODY}\n",
                                   "200_story.md": editor_seed("Another story")})
    git(project, "mv", "seeds/200_story.md", "seeds/210_story.md", date="2025-04-01")
    commit(project, "2025-04-01", {"100_scraped.txt": None, "100_scraped.md": editor_seed("A corrected headline")})
    history = read_history(project / "seeds")
    assert history is not None
    assert {path: versions[0].date for path, versions in history.versions.items()} == {
        "100_scraped.md": "2025-03-01", "210_story.md": "2025-03-01"}
    result = build_site(project / "seeds", today=TODAY, git=True)
    assert {b.path: b.added for b in result.briefings} == {"100_scraped.md": "2025-03-01",
                                                           "210_story.md": "2025-03-01"}
    corrected = next(b for b in result.briefings if b.path == "100_scraped.md")
    assert corrected.slug == "a-corrected-headline"
    assert corrected.aliases == ("a-plant-changes-hands-in-qingdao",)  # the scraped page's address redirects


def test_outside_git_every_seed_is_added_on_the_build_date(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.md").write_text(editor_seed("A story nobody dated"), encoding="utf-8")
    assert read_history(tmp_path / "seeds") is None
    result = build_site(tmp_path / "seeds", today=TODAY, git=True)
    assert [b.added for b in result.briefings] == ["2026-01-01"]
    assert not result.errors


def test_a_shallow_clone_is_an_error_not_silently_wrong_dates(tmp_path: Path) -> None:
    (tmp_path / "origin").mkdir()
    project = repository(tmp_path / "origin")
    for day in ("2025-01-02", "2025-01-03", "2025-01-04"):
        commit(project, day, {f"{day}.md": editor_seed(f"Story of {day}")})
    git(tmp_path, "clone", "--quiet", "--depth=1", f"file://{project}", "shallow")
    result = build_site(tmp_path / "shallow" / "seeds", today=TODAY, git=True)
    assert [str(e) for e in result.errors] == [
        (f"{tmp_path / 'shallow' / 'seeds'}: error: the git history is shallow, so every seed would seem added by its "
        "oldest commit and old addresses would be lost: fetch the whole history (git fetch --unshallow; "
        "actions/checkout: fetch-depth: 0)")]


# --- permalinks -------------------------------------------------------------------------------------------------


TITLE = "Xiaomi takes over the Qingdao plant"
SLUG = "xiaomi-takes-over-the-qingdao-plant"
NEW_TITLE = "Xiaomi to take over BAIC's Qingdao plant"
NEW_SLUG = "xiaomi-to-take-over-baics-qingdao-plant"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Sites built at three moments of one repository: a story, then another seed with the same title (whose name
    sorts first), then a correction of the first story's title."""
    base = tmp_path_factory.mktemp("permalinks")
    project = repository(base)
    sites = {}
    commit(project, "2025-05-01", {"500_story.md": editor_seed(TITLE, "2025-04-30")})
    sites["first"] = build(project, base / "first")
    commit(project, "2025-06-01", {"100_same-title.md": editor_seed(TITLE, "2025-05-31")})
    sites["collision"] = build(project, base / "collision")
    commit(project, "2025-07-01", {"500_story.md": editor_seed(NEW_TITLE, "2025-04-30")})
    sites["corrected"] = build(project, base / "corrected")
    sites["wiki"] = build(project, base / "wiki", SITE_URL="https://example.org/wiki/")
    sites["preview"] = build(project, base / "preview", DIRECTORY_URLS="false")
    return sites


def test_a_later_seed_with_the_same_title_does_not_move_the_published_page(history: dict[str, Path]) -> None:
    assert seed_on(history["first"] / f"briefings/{SLUG}/index.html") == "500_story.md"
    later = f"{SLUG}-{suffix('100_same-title')}"
    assert seed_on(history["collision"] / f"briefings/{SLUG}/index.html") == "500_story.md"  # not moved
    assert seed_on(history["collision"] / f"briefings/{later}/index.html") == "100_same-title.md"
    assert records(history["collision"])["100_same-title.md"]["slug"] == later
    # The suffix stays after the first story's title is corrected: its old address still redirects to it.
    assert seed_on(history["corrected"] / f"briefings/{later}/index.html") == "100_same-title.md"


def redirect_of(page: Path) -> str:
    """The address a redirect page sends the reader to (its meta refresh, which its link repeats)."""
    html = page.read_text(encoding="utf-8")
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert refresh, html
    assert f'<a href="{refresh.group(1)}">' in html
    assert "<script" not in html
    return refresh.group(1)


def test_a_corrected_title_leaves_a_redirect_at_the_old_address(history: dict[str, Path]) -> None:
    site = history["corrected"]
    assert seed_on(site / f"briefings/{NEW_SLUG}/index.html") == "500_story.md"
    old = site / f"briefings/{SLUG}/index.html"
    target = redirect_of(old)
    assert target == f"../{NEW_SLUG}/"
    assert (old.parent / target / "index.html").resolve() == (site / f"briefings/{NEW_SLUG}/index.html").resolve()
    html = old.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "Content-Security-Policy" in html
    assert records(site)["500_story.md"]["slug"] == NEW_SLUG
    # Not a page of the site: not in the search index, the sitemap or any listing.
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if SLUG + "/" in d["location"] and "-" + suffix("100_same-title") not in
                d["location"]]
    assert f"briefings/{SLUG}/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    listing = (site / "briefings/index.html").read_text(encoding="utf-8")
    assert f'href="{SLUG}/"' not in listing


def test_a_redirect_works_from_a_sub_path_and_from_the_preview(history: dict[str, Path]) -> None:
    old = history["wiki"] / f"briefings/{SLUG}/index.html"
    assert redirect_of(old) == f"../{NEW_SLUG}/"  # relative: the sub-path /wiki/ needs no setting
    assert f'<link rel="canonical" href="https://example.org/wiki/briefings/{NEW_SLUG}/">' in old.read_text("utf-8")
    preview = history["preview"]
    assert redirect_of(preview / f"briefings/{SLUG}.html") == f"{NEW_SLUG}.html"
    assert (preview / f"briefings/{NEW_SLUG}.html").is_file()
    assert not (preview / f"briefings/{SLUG}").exists()


def test_an_editors_aliases_redirect_unless_another_briefing_is_there(tmp_path: Path) -> None:
    seeds = {
        "a.md": editor_seed("The story as it is now", "2025-01-02", "aliases: [the-story-as-it-was, "
                            "/wiki/briefings/an-older-title/, another-story, Not A Slug]\n"),
        "b.md": editor_seed("Another story", "2025-01-03"),
    }
    project = make_project(tmp_path, {name: text.encode() for name, text in seeds.items()})
    site = build(project, tmp_path / "site")
    assert redirect_of(site / "briefings/the-story-as-it-was/index.html") == "../the-story-as-it-is-now/"
    assert redirect_of(site / "briefings/an-older-title/index.html") == "../the-story-as-it-is-now/"
    assert seed_on(site / "briefings/another-story/index.html") == "b.md"  # an alias never takes a page


def test_claims_go_to_the_first_commit_then_to_the_name_that_sorts_first() -> None:
    claims = [Claim("b.md", "b", "x", since=5), Claim("a.md", "a", "x", since=5), Claim("c.md", "c", "x", since=2),
              Claim("d.md", "d", "index", since=1), Claim("e.md", "e", "y", since=9, earlier=(("x", 1),))]
    assert assign(claims) == [(f"x-{suffix('b')}", ()), (f"x-{suffix('a')}", ()), (f"x-{suffix('c')}", ()),
                              (f"index-{suffix('d')}", ()), ("y", ("x",))]  # e had x first (since 1)


def test_alias_slugs() -> None:
    assert [alias_slug(v) for v in ("old-title", "briefings/old-title/", "/wiki/briefings/old-title.html",
                                    "https://example.org/wiki/briefings/old-title/index.html", "old-title.md")] == [
        "old-title"] * 5
    assert [alias_slug(v) for v in ("Old Title", "index", "javascript:alert(1)", "", 7, "a--b")] == [None] * 6


def test_a_redirect_page_shows_a_hostile_title_as_text() -> None:
    result = build_site(Path(__file__).parent / "fixtures" / "seeds", today=TODAY)
    briefing = result.briefings[0]
    hostile = briefing.__class__(**{**briefing.__dict__, "aliases": ("old",),
                                    "meta": briefing.meta.__class__(title='<script>alert(1)</script>" x="')})
    page = redirect_pages((hostile,), "https://example.org/\"><script>")["briefings/old/index.html"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34; x=&#34;" in page


def test_an_alias_never_pushes_a_page_off_its_slug() -> None:
    hostile = Claim("z.md", "z", "mine", since=0, aliases=(f"x-{suffix('b')}", "x"), added=0)
    claims = [Claim("a.md", "a", "x", since=1), Claim("b.md", "b", "x", since=2), hostile]
    # z's alias "x" was claimed first (z was added before a), so a gets a suffix and x redirects to z; z's other
    # alias names b's suffixed page, which stays b's.
    assert assign(claims) == [(f"x-{suffix('a')}", ()), (f"x-{suffix('b')}", ()), ("mine", ("x",))]
