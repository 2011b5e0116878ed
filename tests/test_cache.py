"""The build cache that `mkdocs serve` keeps between rebuilds: only changed seeds are processed again."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import pipeline, render
from generator.pipeline import build_site
from generator.runtime import pool
from generator.runtime.incremental import BuildCache

HERE = Path(__file__).parent
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(HERE / "fixtures" / "seeds", tmp_path / "seeds")
    shutil.copytree(HERE / "fixtures" / "data", tmp_path / "data")
    return tmp_path / "seeds", tmp_path / "data"


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the seeds make_briefing processes, in order."""
    names: list[str] = []
    real = pipeline.make_briefing
    monkeypatch.setattr(pipeline, "make_briefing", lambda seed, *a: names.append(seed.name) or real(seed, *a))
    return names


def test_only_changed_seeds_are_processed_again(project, made: list[str]) -> None:
    seeds, data = project
    cache = BuildCache()
    first = build_site(seeds, data, TODAY, cache=cache)
    assert len(made) == 5
    edited = seeds / "003_1ec37179ea895076.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Qingdao", "Tianjin"), encoding="utf-8")
    made.clear()
    second = build_site(seeds, data, TODAY, cache=cache)
    assert made == ["003_1ec37179ea895076.txt"]
    assert second.pages != first.pages
    assert second.pages == build_site(seeds, data, TODAY).pages  # the same pages as a build from scratch


def test_a_registry_edit_or_a_new_day_starts_afresh(project, made: list[str]) -> None:
    seeds, data = project
    cache = BuildCache()
    build_site(seeds, data, TODAY, cache=cache)
    (data / "topics.yml").write_text((data / "topics.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    made.clear()
    build_site(seeds, data, TODAY, cache=cache)
    assert len(made) == 5
    made.clear()
    build_site(seeds, data, TODAY + dt.timedelta(days=1), cache=cache)
    assert len(made) == 5


def test_pages_of_unchanged_briefings_are_not_rendered_again(project, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, data = project
    # Two copies of a seed share a headline: the second one's slug gets a suffix.
    shutil.copy(seeds / "003_1ec37179ea895076.txt", seeds / "003_copy.txt")
    rendered: list[str] = []
    real = render.render_briefing
    monkeypatch.setattr(render, "render_briefing", lambda b, *a: rendered.append(b.slug) or real(b, *a))
    cache = BuildCache()
    first = build_site(seeds, data, TODAY, cache=cache)
    assert len(rendered) == 6
    assert len({b.slug for b in first.briefings}) == 6
    rendered.clear()
    again = build_site(seeds, data, TODAY, cache=cache)
    assert rendered == []  # the renamed copy too: it is the same object as last time
    assert again.pages == first.pages
    edited = seeds / "003_copy.txt"  # a correction in the body: title, date and companies stay
    text = edited.read_text(encoding="utf-8").replace("aging No. 2 plant", "old No. 2 plant")
    edited.write_text(text, encoding="utf-8")
    third = build_site(seeds, data, TODAY, cache=cache)
    assert len(rendered) == 1
    assert third.pages == build_site(seeds, data, TODAY).pages


def test_worker_processes_build_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(HERE / "hostile" / "seeds", seeds)
    shutil.copytree(HERE / "fixtures" / "seeds", seeds, dirs_exist_ok=True)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
    one = build_site(seeds, HERE / "fixtures" / "data", TODAY)
    two = build_site(seeds, HERE / "fixtures" / "data", TODAY, jobs=2)
    assert two.pages == one.pages
    assert [str(e) for e in two.errors] == [str(e) for e in one.errors]
    assert len(one.errors) > 3  # the hostile seeds' errors travel back from the workers as they are


def test_a_company_whose_last_briefing_goes_loses_its_page_and_the_links_to_it(project) -> None:
    """Geely's page links its brand Zeekr while Zeekr has a page. Zeekr's only briefing is not one of Geely's, so
    Geely's own briefings stay the same when it goes, yet Geely's page must name Zeekr without a link."""
    seeds, data = project
    cache = BuildCache()
    first = build_site(seeds, data, TODAY, cache=cache)
    assert "companies/zeekr.md" in first.pages
    assert "[Zeekr](zeekr.md)" in first.pages["companies/geely.md"]
    assert all(b.seed != "004_17d935ea4638a39c.txt" for b in first.briefings if "geely" in b.companies)
    (seeds / "004_17d935ea4638a39c.txt").unlink()  # the only briefing that names Zeekr
    second = build_site(seeds, data, TODAY, cache=cache)
    assert "companies/zeekr.md" not in second.pages
    geely = second.pages["companies/geely.md"]
    assert "zeekr.md" not in geely
    assert "**Brands and subsidiaries:** Zeekr\n" in geely
    assert second.pages == build_site(seeds, data, TODAY).pages


def test_topics_the_corpus_takes_away_are_taken_off_unchanged_pages(tmp_path: Path) -> None:
    """A topic most briefings touch is kept only where a briefing says more than the typical one
    (entities/focus.py): new seeds can take it off a briefing whose own seed did not change."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_notes.md").write_text("---\ntitle: Car market notes\n---\n\n"
                                        "Dealers said sales were flat. Deliveries of cars rose.\n", encoding="utf-8")

    def report(i: int) -> None:
        (seeds / f"{i:03d}_report.md").write_text(
            f"---\ntitle: Car sales report {i}\n---\n\nCar deliveries rose; sales grew and dealers were busy.\n",
            encoding="utf-8")

    for i in range(1, 5):
        report(i)
    cache = BuildCache()
    first = build_site(seeds, HERE / "fixtures" / "data", TODAY, cache=cache)
    assert "- sales-and-market-share" in first.pages["briefings/car-market-notes.md"]
    for i in range(5, 45):
        report(i)
    second = build_site(seeds, HERE / "fixtures" / "data", TODAY, cache=cache)
    assert "- sales-and-market-share" not in second.pages["briefings/car-market-notes.md"]
    assert second.pages == build_site(seeds, HERE / "fixtures" / "data", TODAY).pages
