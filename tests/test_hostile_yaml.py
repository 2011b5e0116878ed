"""Issue 14, YAML and text fields: each hostile fixture (tests/hostile/yaml, made by tests/hostile/make_fixtures.py)
has its expected outcome in the build, the check and MkDocs.

- nesting and alias bombs in front matter, the registry and hand-written pages: one line each, never a crash;
- control and bidi characters in front matter, registry fields and seed text: stripped from every output;
- seeds titled, and registry slugs named, like the site's own pages (index, README, page): suffixed or refused;
- registry names and aliases that are common words: refused; one that most briefings name: a warning in check;
- legacy encodings the detector got wrong: decoded right; a doubtful guess: a warning in check, not in the build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_site import make_project, mkdocs_build

from generator import frontmatter, safeyaml
from generator.chars import UNSAFE, strip_unsafe
from generator.entities.registry import parse_companies, parse_topics
from generator.errors import RegistryError, SeedError
from generator.load import load_registry
from generator.model import Pages
from generator.paths import clashes, published_as
from generator.permalinks import Claim, assign, suffix
from generator.pipeline import refuse_clashes

ROOT = Path(__file__).resolve().parent.parent
YAML = Path(__file__).parent / "hostile" / "yaml"
SEEDS = YAML / "seeds"
DEPTH = f"nests deeper than {safeyaml.MAX_DEPTH} levels"

# Seed -> the one line the build and the check print for it.
REJECTED = {
    "deep-flow.md": f"deep-flow.md:3: error: front matter {DEPTH}",
    "deep-mapping.md": f"deep-mapping.md:3: error: front matter {DEPTH}",
    "deep-block.md": f"deep-block.md:4: error: front matter {DEPTH}",
    "alias-bomb.md": "alias-bomb.md:3: error: front matter uses an alias (*a): write the value out instead",
}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m generator ...`: never killed by a signal, never a traceback."""
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode in (0, 1), done  # a negative code is a signal: -11 was the C loader's SIGSEGV
    assert "Traceback" not in done.stderr
    return done


def seeds_copy(tmp_path: Path, names: list[str]) -> Path:
    """A seeds folder holding the named fixtures."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in names:
        shutil.copy2(SEEDS / name, folder / name)
    return folder


# ---------------------------------------------------------------------------------------------------------------
# Case 1: nesting and alias bombs


def test_deep_and_aliased_front_matter_is_one_line_in_build_and_check(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path, [*REJECTED, "plain.md"])
    data = tmp_path / "data"  # an empty registry: not under test here
    data.mkdir()
    built = run("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--data", str(data))
    assert built.returncode == 1
    assert sorted(built.stderr.strip().splitlines()) == sorted(REJECTED.values())
    assert (tmp_path / "out" / "briefings" / "byd-picks-szeged-for-its-plant.md").is_file()  # an anchor alone is fine

    checked = run("check", "--seeds", str(seeds), "--data", str(data), str(seeds))
    assert checked.returncode == 1
    errors = sorted(line for line in checked.stderr.splitlines() if ": error: " in line)
    assert errors == sorted(f"{seeds}/{line}" for line in REJECTED.values())


@pytest.mark.parametrize(("registry", "message"), [
    ("registry-deep", f"companies.yml:9: error: YAML {DEPTH}"),
    ("registry-alias", "companies.yml:9: error: YAML uses an alias (*a): write the value out instead"),
])
def test_deep_or_aliased_registry_is_one_line_in_build_and_check(tmp_path: Path, registry: str, message: str) -> None:
    seeds = seeds_copy(tmp_path, ["plain.md"])
    data = YAML / registry
    built = run("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--data", str(data))
    assert built.returncode == 1
    assert built.stderr.strip() == f"{data}/{message}"
    assert (tmp_path / "out" / "briefings" / "byd-picks-szeged-for-its-plant.md").is_file()
    checked = run("check", "--seeds", str(seeds), "--data", str(data))
    assert checked.returncode == 1
    assert [line for line in checked.stderr.splitlines() if ": error: " in line] == [
        f"tests/hostile/yaml/{registry}/{message}"]


def test_mkdocs_reports_deep_yaml_instead_of_crashing(tmp_path: Path) -> None:
    """Front matter of a seed and of a hand-written page, and a registry entry, each 50,000 brackets deep: the
    strict build fails with one line for each, a plain build finishes without them (it crashed with SIGSEGV)."""
    project = make_project(tmp_path, {name: (SEEDS / name).read_bytes() for name in ("deep-flow.md", "plain.md")})
    shutil.rmtree(project / "data")
    shutil.copytree(YAML / "registry-deep", project / "data")
    shutil.copy2(YAML / "docs" / "deep.md", project / "docs" / "deep.md")
    strict = mkdocs_build(project, tmp_path / "site")
    assert strict.returncode == 1, strict.stderr
    for line in (f"deep-flow.md:3: error: front matter {DEPTH}", f"/data/companies.yml:9: error: YAML {DEPTH}",
                 f"docs/deep.md:3: error: front matter {DEPTH}; the page is built without it"):
        assert line in strict.stderr
    assert "Traceback" not in strict.stderr
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                           cwd=project, capture_output=True, text=True, timeout=300, check=False)
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "site" / "briefings" / "byd-picks-szeged-for-its-plant" / "index.html").is_file()
    assert "<h1" in (tmp_path / "site" / "deep" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [
    "x: " + "[" * 1_000_000,
    "x: " + "{a: " * 250_000,
    "x:\n  " + "- " * 500_000 + "a",
    "x: " + '[ "]", ' * 100_000,  # closing brackets inside quotes must not hide the depth
    "".join(" " * i + "-\n" for i in range(200)),
    "? " * 500_000,
])
def test_nesting_is_refused_early_whatever_its_size(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(safeyaml.LimitError, match=DEPTH):
        safeyaml.check_limits(text)
    assert time.perf_counter() - started < 10  # milliseconds in fact; reading to the end took minutes


def test_the_depth_limit_is_exact_and_real_files_pass() -> None:
    at_limit = "[" * (safeyaml.MAX_DEPTH - 1) + "]" * (safeyaml.MAX_DEPTH - 1)
    assert frontmatter.split("a.md", f"---\nx: {at_limit}\n---\nbody\n")[0].data["x"]
    with pytest.raises(SeedError, match=DEPTH):
        frontmatter.split("a.md", f"---\nx: [{at_limit}]\n---\nbody\n")
    registry = load_registry(ROOT / "data")
    assert len(registry.companies) > 100
    assert registry.topics


def test_aliases_are_refused_and_anchors_alone_are_not() -> None:
    assert frontmatter.split("a.md", "---\ntitle: &t BYD\n---\nbody\n")[0].data["title"] == "BYD"
    with pytest.raises(SeedError, match=r"a\.md:3: error: front matter uses an alias \(\*t\)"):
        frontmatter.split("a.md", "---\ntitle: &t BYD\nsource: *t\n---\nbody\n")
    with pytest.raises(RegistryError, match=r"t\.yml:2: error: YAML uses an alias \(\*k\)"):
        parse_topics("- slug: a\n  name: *k\n", "t.yml")


def test_oversized_front_matter_is_refused_before_yaml_reads_it() -> None:
    text = "---\ntitle: BYD\nsummary: '" + "x" * 100_000 + "'\n---\nbody\n"
    with pytest.raises(SeedError, match=r"front matter is 100,023 characters, over the 65,536 limit"):
        frontmatter.split("a.md", text)


def test_a_deep_registry_entry_is_refused_with_its_line() -> None:
    text = "- slug: a\n  name: A\n  kind: automaker\n- slug: b\n  name: B\n  kind: brand\n  aliases: " + "[" * 50_000
    with pytest.raises(RegistryError, match=rf"^c\.yml:7: error: YAML {DEPTH}$"):
        parse_companies(text, "c.yml")


# ---------------------------------------------------------------------------------------------------------------
# Case 3: control and bidi characters


def unsafe_in(folder: Path, pattern: str = "*") -> dict[str, list[str]]:
    """The UNSAFE characters in each text file under `folder`, by path."""
    found = {}
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and path.suffix in (".md", ".txt", ".json", ".xml", ".html"):
            chars = UNSAFE.findall(path.read_text(encoding="utf-8"))
            if chars:
                found[path.relative_to(folder).as_posix()] = chars
    return found


def test_control_and_bidi_characters_reach_no_generated_file(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path, ["controls.md", "controls.txt"])
    out = tmp_path / "out"
    built = run("build", "--seeds", str(seeds), "--out", str(out), "--data", str(YAML / "registry-controls"))
    assert built.returncode == 0, built.stderr
    assert unsafe_in(out) == {}  # before: 14 files, the feed and the JSON export among them
    page, _ = frontmatter.parse_page((out / "briefings" / "byd-cuts-prices-again.md").read_text(encoding="utf-8"))
    assert (page["title"], page["source"], page["author"], page["summary"], page["companies"]) == (
        "BYD cuts prices again", "Reuters]8;;https://example.com", "Jane Doe", "BYD cut prices on two models.",
        ["byd"])
    scraped, _ = frontmatter.parse_page(
        (out / "briefings" / "tesla-cuts-prices-in-china-again.md").read_text(encoding="utf-8"))
    assert scraped["title"] == "Tesla cuts prices in China again"
    company, _ = frontmatter.parse_page((out / "companies" / "tesla.md").read_text(encoding="utf-8"))
    assert company["aliases"] == ["Tesla Inc"]
    assert "Exports" in (out / "topics.md").read_text(encoding="utf-8")


def test_control_and_bidi_characters_reach_no_page_of_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, {n: (SEEDS / n).read_bytes() for n in ("controls.md", "controls.txt")})
    shutil.rmtree(project / "data")
    shutil.copytree(YAML / "registry-controls", project / "data")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    found = {path: chars for folder in ("briefings", "companies", "topics", "timeline", "sources")
             for path, chars in unsafe_in(site / folder).items()}
    found.update(unsafe_in(site, "*.xml"))
    found.update(unsafe_in(site, "*.json"))
    assert found == {}
    assert "BYD cuts prices again" in (site / "briefings" / "byd-cuts-prices-again" / "index.html").read_text("utf-8")


def test_strip_unsafe_keeps_text_and_joiners() -> None:
    kept = "Tab\tand newline\n, 中文, العربية, emoji 👩\u200d🔧, ZWNJ \u200c, soft\u00adhyphen, é"
    assert strip_unsafe(kept) == kept
    for char in ("\x00", "\x1b", "\x7f", "\x85", "\x9b", "\r", "\u061c", "\u200b", "\u200e", "\u200f",
                 "\u2028", "\u202a", "\u202e", "\u2060", "\u2066", "\u2069", "\ud800", "\ufeff", "\U000e0041"):
        assert strip_unsafe(f"a{char}b") == "ab", repr(char)
    data = frontmatter.split("a.md", '---\ntitle: "a\\x1bb"\n"k\\0ey": ["\\u202ex"]\n---\nbody\n')[0].data
    assert data == {"title": "ab", "key": ["x"]}


# ---------------------------------------------------------------------------------------------------------------
# Case 4: paths the site uses


def html_title(path: Path) -> str:
    """The <title> of a built page."""
    text = path.read_text(encoding="utf-8")
    return text[text.index("<title>") + 7:text.index("</title>")]


def test_briefings_titled_like_the_sites_pages_get_a_suffix_and_the_listing_keeps_its_url(tmp_path: Path) -> None:
    names = ["index.md", "readme.md", "page.md", "plain.md"]
    project = make_project(tmp_path, {name: (SEEDS / name).read_bytes() for name in names})
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    # Before: briefings/index.md was generated, and MkDocs wrote the briefing "Index" over the listing.
    assert html_title(site / "briefings" / "index.html").startswith("All briefings")
    assert html_title(site / "briefings" / f"index-{suffix('index')}" / "index.html").startswith("Index")
    assert html_title(site / "briefings" / f"readme-{suffix('readme')}" / "index.html").startswith("README")
    assert html_title(site / "briefings" / f"page-{suffix('page')}" / "index.html").startswith("Page")
    assert html_title(site / "companies" / "index.html").startswith("Companies")


RESERVED = "is reserved for the site's own pages (index, page, readme)"


@pytest.mark.parametrize(("file", "message"), [
    ("companies.yml", f"companies.yml:6: error: slug 'index' {RESERVED}"),
    ("topics.yml", f"topics.yml:7: error: slug 'page' {RESERVED}"),
])
def test_a_reserved_registry_slug_is_an_error_with_its_line(tmp_path: Path, file: str, message: str) -> None:
    data = YAML / "registry-reserved"
    checked = run("check", "--seeds", str(seeds_copy(tmp_path, ["plain.md"])), "--data", str(data))
    assert checked.returncode == 1
    assert f"tests/hostile/yaml/registry-reserved/{message}" in checked.stderr.splitlines()
    parse = parse_companies if file == "companies.yml" else parse_topics
    with pytest.raises(RegistryError) as raised:
        parse((data / file).read_text(encoding="utf-8"), file)
    assert str(raised.value) == message


def test_reserved_names_are_taken_in_any_case() -> None:
    claims = [Claim(f"{n}.md", n, slug, since=0) for n, slug in (("a", "index"), ("b", "README"), ("c", "page"),
                                                                 ("d", "index"), ("e", "news"))]
    assert [slug for slug, _ in assign(claims)] == [
        f"index-{suffix('a')}", f"README-{suffix('b')}", f"page-{suffix('c')}", f"index-{suffix('d')}", "news"]
    with pytest.raises(RegistryError, match="slug 'readme' is reserved"):
        parse_companies("- slug: readme\n  name: Readme Cars\n  kind: automaker\n", "c.yml")


def test_urls_are_worked_out_as_mkdocs_does() -> None:
    from mkdocs.structure.files import File

    for path in ("index.md", "README.md", "briefings.md", "briefings/index.md", "briefings/README.md",
                 "briefings/readme.md", "companies/x/page/2.md", "timeline/2024/03.md", "feed.xml", "sources/a.txt"):
        for directory_urls in (True, False):
            assert published_as(path, directory_urls) == File(path, "docs", "site", directory_urls).dest_uri


def test_two_pages_for_one_url_are_refused_whatever_made_them() -> None:
    """The general guard, for a page kind that would not go through the reserved slugs."""
    pages = Pages([("briefings.md", "listing"), ("briefings/index.md", "intruder"), ("topics.md", "topics"),
                   ("topics/README.md", "intruder"), ("a/index.md", "a"), ("a/README.md", "intruder"),
                   ("briefings/x.md", "fine"), ("briefings/page/2.md", "fine")])
    assert {other for _, _, other in clashes(list(pages))} == {"briefings/index.md", "topics/README.md", "a/README.md"}
    errors = refuse_clashes(pages)
    assert sorted(pages) == ["a/index.md", "briefings.md", "briefings/page/2.md", "briefings/x.md", "topics.md"]
    bug = "left out (a generator bug: please report it)"
    assert sorted(map(str, errors)) == [
        f"a/README.md: error: would be published as a/index.html, where a/index.md is; {bug}",
        f"briefings/index.md: error: would be published as briefings/index.html, where briefings.md is; {bug}",
        f"topics/README.md: error: would be published as topics/index.html, where topics.md is; {bug}",
    ]


def test_a_hand_written_page_at_a_generated_pages_url_is_left_out(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"plain.md": (SEEDS / "plain.md").read_bytes()})
    (project / "docs" / "briefings").mkdir()
    (project / "docs" / "briefings" / "index.md").write_text("# Not the listing\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert ("docs/briefings/index.md would be published as briefings/index.html, where the generated briefings.md "
            "is; it is left out (rename it)") in result.stderr
    assert html_title(site / "briefings" / "index.html").startswith("All briefings")


# ---------------------------------------------------------------------------------------------------------------
# Case 5: names and aliases that are common words


COMMON = {
    1: "alias 'the' of 'byd' is a common word: it would tag nearly every briefing",
    6: "alias 'car' of 'nio' is a common word: it would tag nearly every briefing",
    10: "alias 'a' of 'xpeng' is a single letter: it would tag nearly every briefing",
    14: "alias '中' of 'zhongtong' is a single Chinese character: it would tag nearly every briefing",
    18: "name 'Electric' of 'electric' is a common word: it would tag nearly every briefing",
}


def test_common_word_names_and_aliases_are_registry_errors_with_their_lines(tmp_path: Path) -> None:
    data = YAML / "registry-common"
    checked = run("check", "--seeds", str(seeds_copy(tmp_path, ["plain.md"])), "--data", str(data))
    assert checked.returncode == 1
    errors = [line for line in checked.stderr.splitlines() if ": error: " in line]
    label = "tests/hostile/yaml/registry-common"
    assert errors == [*(f"{label}/companies.yml:{line}: error: {message}" for line, message in COMMON.items()),
                      (f"{label}/topics.yml:7: error: topic 'plants': keyword 'The' is a common word: it would count "
                      "in nearly every briefing")]
    built = run("build", "--seeds", str(tmp_path / "seeds"), "--out", str(tmp_path / "out"), "--data", str(data))
    assert built.stderr.strip() == f"{data}/companies.yml:1: error: {COMMON[1]}"


def test_industry_words_stay_allowed_as_weighted_topic_keywords() -> None:
    topics = parse_topics("- slug: sales\n  name: Sales\n  keywords:\n    - {phrase: sales, weight: 1}\n"
                          "    - {phrase: 电池, weight: 1}\n    - {phrase: car market, weight: 2}\n", "t.yml")
    assert [k.phrase for k in topics["sales"].keywords] == ["sales", "电池", "car market"]
    with pytest.raises(RegistryError, match="alias 'Cars' of 'x' is a common word"):
        parse_companies("- slug: x\n  name: X Motors\n  kind: automaker\n  aliases: [Cars]\n", "c.yml")
    for name in ("GM", "VW", "MG", "eπ", "一汽", "smart"):  # two letters, two characters, a brand written lower-case
        parse_companies(f"- slug: x\n  name: X Motors\n  kind: automaker\n  aliases: ['{name}']\n", "c.yml")


def many_seeds(folder: Path, count: int) -> None:
    """`count` scraped articles, each naming BYD and Hungary, most of them Szeged too."""
    folder.mkdir()
    for i in range(count):
        place = "Szeged" if i % 4 else "Debrecen"
        (folder / f"{i:03d}.txt").write_text(
            f"BYD plant report number {i} from {place}\n\nBy Sun Lei\n\nPosted on December {i % 28 + 1}, 2023\n\n"
            f"BYD will build car plant number {i} in {place}, Hungary, the company said on day {i}, describing the "
            f"project as one of the largest investments in the country's history.\n\nThe plant {i} will make "
            f"{i + 3} battery electric models for European buyers and will be built in {i % 5 + 2} phases.\n",
            encoding="utf-8")


def test_check_warns_about_an_alias_that_most_briefings_name(tmp_path: Path) -> None:
    """'Hungary', a place, is an alias of a supplier: named in all 24 briefings; 'BYD', in capitals as written, is
    named in all of them too and is not reported (a wiki about BYD names it that often)."""
    seeds = tmp_path / "seeds"
    many_seeds(seeds, 24)
    data = YAML / "registry-share"
    warning = ("tests/hostile/yaml/registry-share/companies.yml:6: warning: alias 'Hungary' of 'szeged-works' is "
               "named in 100% of the briefings (24 of 24): an ordinary word or a place name tags them all with the "
               "company")
    for paths in ([], [str(data / "companies.yml")]):  # every seed checked; or the registry changed
        checked = run("check", "--seeds", str(seeds), "--data", str(data), *paths)
        registry_lines = [line for line in checked.stderr.splitlines() if "registry-share" in line]
        assert registry_lines == [warning], paths
    checked = run("check", "--seeds", str(seeds), "--data", str(data), str(seeds / "000.txt"))  # a seed only
    assert not [line for line in checked.stderr.splitlines() if "registry-share" in line]


def test_the_share_is_only_reported_from_twenty_briefings(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    many_seeds(seeds, 19)
    checked = run("check", "--seeds", str(seeds), "--data", str(YAML / "registry-share"))
    assert "is named in" not in checked.stderr


# ---------------------------------------------------------------------------------------------------------------
# Case 2: legacy encodings


ENCODED = {
    "cp1252-byd.txt": "BYD\u2019s Szeged plant gets a start date",  # was "BYDÆs ..." (cp775)
    "cp1252-li-auto.txt": "Li Auto\u2019s new SUV starts at \u20ac50,000 in Europe",  # was "Li Autoís ... Ä50,000"
    "cp1250.txt": "Škoda zvažuje konec prodeje v Číně",  # was "... v Èínì"
    "cp1251.txt": "BYD продал в марте более 300 тысяч автомобилей",  # was "BYD ïðîäàë â ìàðòå ..."
    "encoding-doubt.txt": "Renault et Volkswagen en Chine",
}


def test_legacy_encodings_decode_right_and_a_doubt_is_a_check_warning(tmp_path: Path) -> None:
    seeds = seeds_copy(tmp_path, list(ENCODED))
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "out"
    built = run("build", "--seeds", str(seeds), "--out", str(out), "--data", str(data))
    assert (built.returncode, built.stderr) == (0, "")  # the build stays quiet about a doubt
    titles = {}
    for page in (out / "briefings").glob("*.md"):
        meta, _ = frontmatter.parse_page(page.read_text(encoding="utf-8"))
        titles[meta["seed"]] = meta["title"]
    assert titles == ENCODED
    checked = run("check", "--seeds", str(seeds), "--data", str(data), str(seeds))
    encoding = [line for line in checked.stderr.splitlines() if "text encoding" in line]
    assert encoding == [
        (f"{seeds}/encoding-doubt.txt:1: warning: the text encoding is a guess: read as Windows-1252 (Western "
        'European), where Windows-1250 (Central European) would give "modčles" for "modèles"; save the file as '
        "UTF-8 to be sure")]
    assert checked.returncode == 0
