"""The original article: an editor's `url:` or the address a scraped page prints becomes the "Original article"
link of the briefing page, the `url` of briefings.json and the related link of the feed entry; anything that is not
an article's http(s) address never becomes a link, and the check says why in one line naming the seed."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from test_site import SOURCE_DATE_EPOCH, TODAY, Page, make_project, mkdocs_build, parse

from generator.clean import clean, span, to_doc
from generator.extract.origin import address_problems, outlet_for, page_address
from generator.lexicon.addresses import article_url, url_problem
from generator.model import Source
from generator.pipeline import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
ARTICLE = "https://cnevpost.com/2021/08/12/xiaomi-may-take-over-baics-plant-in-qingdao/"
SCRAPED_ARTICLE = "https://www.example.com/news/2024/05/12/geely-hefei-plant.html"
QUOTED_ARTICLE = "https://www.example.com/news/2024/05/o'neill-says-byd-leads?a=1&b=2"
BODY = ("Xiaomi Auto may take over the Qingdao production site of BAIC BluePark, a local media report said on "
        "Thursday, as the smartphone maker looks for a licensed plant.\n")
SEEDS = {
    "010_editor-url.md": f"---\ntitle: Xiaomi may take over a plant in Qingdao\ndate: 2025-08-12\nurl: {ARTICLE}\n"
                         f"---\n\n{BODY}",
    "020_scraped-url.txt": (
        "Geely opens a new plant in Hefei to build electric cars\n\nPublished: 2024-05-12\n\n"
        "Geely opened a plant in Hefei on Sunday that will build 300,000 electric cars a year, the company said, "
        "adding 3,000 jobs in the city.\n\nThe plant cost 8 billion yuan and will supply buyers across eastern "
        f"China from the autumn, the carmaker said in a statement.\n\nSource: {SCRAPED_ARTICLE}\n"),
    "030_hostile-url.md": "---\ntitle: A javascript address is never a link\nurl: \"javascript:alert(1)\"\n---\n\n"
                          + BODY,
    "040_quoted-url.md": f"---\ntitle: An address with a quote and an ampersand\nsource: Example News\n"
                         f"url: \"{QUOTED_ARTICLE}\"\n---\n\n{BODY}",
    "050_hostile-scraped.txt": (
        "NIO opens its battery-swap network to rival carmakers\n\nNIO said on Monday it would open its network of "
        "2,300 battery-swap stations to other carmakers, charging each swap a fee.\n\n"
        "Source: javascript:alert(document.cookie)\n"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project with SEEDS, and its site (`mkdocs build --strict`)."""
    base = tmp_path_factory.mktemp("provenance")
    project = make_project(base, {name: text.encode("utf-8") for name, text in SEEDS.items()})
    run = mkdocs_build(project, base / "site")
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    return project, base / "site"


def page_of(site: Path, seed: str) -> Page:
    """The built page of the briefing made from `seed` (found through briefings.json)."""
    records = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    record = next(r for r in records if r["seed"] == seed)
    return parse(site / record["page"] / "index.html")


def record_of(site: Path, seed: str) -> dict[str, object]:
    records = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    return next(r for r in records if r["seed"] == seed)


def related_links(site: Path) -> dict[str, list[str]]:
    """Each feed entry's related links, by the entry's title."""
    feed = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    return {entry.findtext(f"{ATOM}title") or "": [link.get("href") or "" for link in entry.findall(f"{ATOM}link")
                                                   if link.get("rel") == "related"]
            for entry in feed.findall(f"{ATOM}entry")}


def test_an_editor_url_is_the_pages_original_article_link_the_json_url_and_the_feeds_related_link(
        built: tuple[Path, Path]) -> None:
    project, site = built
    page = page_of(site, "010_editor-url.md")
    assert page.meta["Original"] == "Original article at CnEVPost"  # the outlet, from the address's host
    assert (ARTICLE, "Original article") in page.links
    assert record_of(site, "010_editor-url.md")["url"] == ARTICLE
    assert record_of(site, "010_editor-url.md")["source"] == "CnEVPost"
    assert related_links(site)["Xiaomi may take over a plant in Qingdao"] == [ARTICLE]
    result = build_site(project / "seeds", project / "data", today=TODAY)
    text = result.pages["briefings/xiaomi-may-take-over-a-plant-in-qingdao.md"]
    assert yaml.safe_load(text.split("---\n")[1])["url"] == ARTICLE  # in the generated page's front matter


def test_a_scraped_pages_source_address_is_its_original_article(built: tuple[Path, Path]) -> None:
    _, site = built
    page = page_of(site, "020_scraped-url.txt")
    assert (SCRAPED_ARTICLE, "Original article") in page.links
    assert SCRAPED_ARTICLE not in page.article_text.replace("Original article", "")  # the line left the body
    record = record_of(site, "020_scraped-url.txt")
    assert record["url"] == SCRAPED_ARTICLE
    assert record["source"] is None  # an address is not the name of a publication
    assert related_links(site)["Geely opens a new plant in Hefei to build electric cars"] == [SCRAPED_ARTICLE]


def test_an_address_with_quotes_and_ampersands_reaches_every_output_as_written(built: tuple[Path, Path]) -> None:
    _, site = built
    page = page_of(site, "040_quoted-url.md")
    assert (QUOTED_ARTICLE, "Original article") in page.links  # the HTML parser reads the escaped attribute back
    assert page.meta["Original"] == "Original article at Example News"
    assert record_of(site, "040_quoted-url.md")["url"] == QUOTED_ARTICLE
    assert related_links(site)["An address with a quote and an ampersand"] == [QUOTED_ARTICLE]
    html = next((site / "briefings").glob("an-address-with-a-quote*/index.html")).read_text(encoding="utf-8")
    assert 'href="https://www.example.com/news/2024/05/o&#39;neill-says-byd-leads?a=1&amp;b=2"' in html


def test_a_javascript_address_never_becomes_a_link(built: tuple[Path, Path]) -> None:
    _, site = built
    for seed, title in (("030_hostile-url.md", "A javascript address is never a link"),
                        ("050_hostile-scraped.txt", "NIO opens its battery-swap network to rival carmakers")):
        page = page_of(site, seed)
        assert "Original" not in page.meta, seed
        assert not [href for href, _ in page.links if href.lower().startswith("javascript:")], seed
        assert record_of(site, seed)["url"] is None
        assert related_links(site)[title] == []
    for html in site.rglob("*.html"):
        assert 'href="javascript:' not in html.read_text(encoding="utf-8").lower(), html


def test_the_check_names_the_seed_whose_address_is_refused(built: tuple[Path, Path]) -> None:
    project, _ = built
    done = subprocess.run([sys.executable, "-m", "generator", "check", "seeds/030_hostile-url.md",
                           "seeds/050_hostile-scraped.txt", "seeds/010_editor-url.md"], cwd=project,
                          env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in done.stderr.splitlines() if "original article" in line]
    assert lines == [
        ("seeds/030_hostile-url.md:3: warning: front matter 'url' 'javascript:alert(1)' is not an http:// or "
        "https:// address: no link to the original article is made"),
        ("seeds/050_hostile-scraped.txt:5: warning: the address 'javascript:alert(document.cookie)' is not an "
        "http:// or https:// address: no link to the original article is made"),
    ]
    assert done.returncode == 0  # a warning: the seed still builds, without the link


@pytest.mark.parametrize(("given", "why"), [
    ("javascript:alert(1)", "is not an http:// or https:// address"),
    ("data:text/html,<script>alert(1)</script>", "is not an http:// or https:// address"),
    ("https://exa mple.com/news/2024/a-b-c", "holds a space, a control character or one of < > \" ` \\"),
    ('https://example.com/a-b-c" onmouseover="alert(1)', "holds a space, a control character or one of < > \" ` \\"),
    ("https://user:secret@example.com/news/2024/story", "holds a user name or password"),
    ("https://[::1/news/2024", "is not a well-formed address"),
    ("http://localhost/news/2024/story", "has no valid host name"),
    ("https://cnevpost.com/", "is a home page or section page, not an article"),
    ("https://www.reuters.com/business/autos-transportation/", "is a home page or section page, not an article"),
    ("https://twitter.com/intent/tweet?url=https://cnevpost.com/2024/05/a-b-c", ("is a social-media post or share "
     "link, not an article")),
    ("https://www.example.com/share?u=https%3A%2F%2Fexample.com%2Fnews%2F2024", "is a share link, not an article"),
    ("https://www.example.com/out?to=https://other.example/news/2024/1", ("is a link shortener or tracking address, "
     "not an article")),
    ("https://bit.ly/3abcDEF", "is a link shortener or tracking address, not an article"),
    ("https://www.example.com/images/2024/plant-photo.jpg", "is an image or another file, not an article"),
    ("https://example.com/" + "a" * 2_000, "is 2,020 characters long, over the 2,000 limit"),
])
def test_what_is_not_an_articles_address(given: str, why: str) -> None:
    assert url_problem(given) == why
    assert article_url(given) is None


@pytest.mark.parametrize(("given", "expected"), [
    (ARTICLE, ARTICLE),
    ("HTTPS://WWW.Example.COM/News/2024/Story-Of-The-Day", "https://www.example.com/News/2024/Story-Of-The-Day"),
    ("https://www.example.com/news/2024/story/?utm_source=x&id=7&fbclid=y#comments",
     "https://www.example.com/news/2024/story/?id=7"),
    ("http://www.thestar.com/News/article/295283", "http://www.thestar.com/News/article/295283"),
    ("https://www.example.com/news.asp?id=208777", "https://www.example.com/news.asp?id=208777"),
    ("https://例子.中国/新闻/2024/报道", "https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB/2024/%E6%8A%A5%E9%81%93"),
])
def test_an_articles_address_as_the_site_links_it(given: str, expected: str) -> None:
    assert url_problem(given) is None
    assert article_url(given) == expected


def address_of(page: str) -> str | None:
    return page_address(span.apply(clean(to_doc("page.txt", page))))


PARAGRAPH = "The carmaker said on Monday that it would expand production at its plant in Hefei to meet demand."


def test_a_scraped_page_gives_its_canonical_link_then_a_labelled_address_then_a_lone_one() -> None:
    lone = "https://www.example.com/news/2024/05/12/lone-address"
    labelled = "https://www.example.com/news/2024/05/12/labelled-address"
    canonical = "https://www.example.com/news/2024/05/12/canonical-address"
    assert address_of(f"Headline of the story\n\n{lone}\n\n{PARAGRAPH}") == lone
    assert address_of(f"Headline of the story\n\n{lone}\n\n{PARAGRAPH}\n\n原文链接：{labelled}") == labelled
    assert address_of(f'<link rel="canonical" href="{canonical}">\n\nHeadline\n\n{PARAGRAPH}\n\n'
                      f"Original: {labelled}") == canonical
    # Two different lone addresses are a list of links, not the page's own; related stories are not it either.
    assert address_of(f"Headline\n\n{PARAGRAPH}\n\n{lone}\n\n{labelled}") is None
    assert address_of(f"Headline\n\n{PARAGRAPH}\n\nRelated: {labelled}") is None
    assert address_of(f"Headline\n\n{PARAGRAPH}\n\nShare: https://twitter.com/intent/tweet?url={lone}") is None
    assert address_of(f"Headline\n\n{PARAGRAPH} Read more at {lone} today.") is None  # inside a sentence


def test_address_problems_name_the_line_of_a_refused_address() -> None:
    lines = ["Headline", "", PARAGRAPH, "", "Source: javascript:alert(1)", "Link: https://cnevpost.com/", "Xinhua"]
    assert address_problems(enumerate(lines, start=1)) == [
        (5, "javascript:alert(1)", "is not an http:// or https:// address"),
        (6, "https://cnevpost.com/", "is a home page or section page, not an article"),
    ]


def test_the_outlet_of_an_address_is_the_source_on_its_host() -> None:
    sources = [Source("cgtn", "CGTN", (), "d", "https://www.cgtn.com"),
               Source("cnevpost", "CnEVPost", (), "d", "https://cnevpost.com"), Source("none", "None", (), "d")]
    assert outlet_for("https://news.cgtn.com/news/2024-05-12/story.html", sources) == sources[0]
    assert outlet_for(ARTICLE, sources) == sources[1]
    assert outlet_for("https://notcnevpost.com/2024/05/a-b-c", sources) is None
