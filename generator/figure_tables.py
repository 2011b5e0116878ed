"""Key figures as tables: a company's figures newest first for its page, and every figure as CSV and JSON for
analysts' own tools (site-wide `figures.csv`/`figures.json`, and per company beside its page)."""

from __future__ import annotations

import csv
import io
import json

from jinja2 import Environment

from generator import frontmatter
from generator.feeds import briefing_url
from generator.model import Briefing, Company, Corpus, Figure
from generator.paging import docs_root

FIGURES_SHOWN = 20  # a company page shows its newest figures; the rest are one click away
COLUMNS = ("date", "company", "measure", "value", "unit", "period", "stated", "context", "briefing", "title",
           "added")

Row = tuple[Briefing, Figure]


def company_figures(slug: str, briefings: tuple[Briefing, ...]) -> list[Row]:
    """The figures about company `slug` in `briefings` (newest first), in the order the briefings state them."""
    return [(b, f) for b in briefings for f in b.figures if f.company == slug]


def all_figures(briefings: tuple[Briefing, ...]) -> list[Row]:
    """Every figure of every briefing (newest first)."""
    return [(b, f) for b in briefings for f in b.figures]


def _record(row: Row, base_url: str) -> dict[str, str]:
    b, f = row
    return {"date": b.meta.date or "", **f.record(), "briefing": briefing_url(b, base_url), "title": b.meta.title,
            "added": b.added}


def figures_csv(rows: list[Row], base_url: str = "") -> str:
    """The figures as CSV with a header row (COLUMNS); a cell that a spreadsheet would read as a formula is
    quoted as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        record = _record(row, base_url)
        writer.writerow([_inert(record[column]) for column in COLUMNS])
    return out.getvalue()


def _inert(cell: str) -> str:
    """A cell as text a spreadsheet will not evaluate ("=HYPERLINK(…)" gets a leading apostrophe)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") and not _number(cell) else cell


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def figures_json(rows: list[Row], base_url: str = "") -> str:
    """The figures as JSON: one figure a line, no markup characters."""
    lines = ",\n".join(json.dumps(_record(row, base_url), ensure_ascii=False) for row in rows)
    text = f'{{"version": 1, "columns": {json.dumps(list(COLUMNS))}, "count": {len(rows)}, "figures": [\n{lines}\n]}}\n'
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def figure_pages(company: Company, rows: list[Row], env: Environment) -> dict[str, str]:
    """The page of all of a company's figures, when its own page cannot show them all."""
    if len(rows) <= FIGURES_SHOWN:
        return {}
    path = f"companies/{company.slug}/figures.md"
    title = f"{company.name}: key figures"
    data = {"title": title, "description": f"All {len(rows)} key figures briefings state about {company.name}, "
            "newest first.", "search": {"exclude": True}, "hide": ["navigation"]}
    body = env.get_template("company-figures.md.j2").render(title=title, company=company, figures=rows,
                                                            root=docs_root(path))
    return {path: frontmatter.dump(data) + "\n" + body}


def figure_exports(corpus: Corpus, base_url: str = "") -> dict[str, str]:
    """Every figure as `figures.csv` and `figures.json`, and each company's beside its page."""
    rows = all_figures(corpus.briefings)
    pages = {"figures.csv": figures_csv(rows, base_url), "figures.json": figures_json(rows, base_url)}
    for slug in sorted({f.company for _, f in rows}):
        own = company_figures(slug, corpus.by_company.get(slug, ()))
        pages[f"companies/{slug}/figures.csv"] = figures_csv(own, base_url)
        pages[f"companies/{slug}/figures.json"] = figures_json(own, base_url)
    return pages
