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


def _records(rows: list[Row], base_url: str) -> list[dict[str, str]]:
    return [_record(row, base_url) for row in rows]


def _csv_lines(records: list[dict[str, str]]) -> list[str]:
    """Each record as a line of CSV (COLUMNS); a cell that a spreadsheet would read as a formula is quoted as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    lines = []
    for record in records:
        writer.writerow([_inert(record[column]) for column in COLUMNS])
        lines.append(out.getvalue())
        out.seek(0)
        out.truncate()
    return lines


def _json_lines(records: list[dict[str, str]]) -> list[str]:
    """Each record as one line of JSON, with no markup characters."""
    lines = (json.dumps(record, ensure_ascii=False) for record in records)
    return [line.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") for line in lines]


def _csv_file(lines: list[str]) -> str:
    return ",".join(COLUMNS) + "\n" + "".join(lines)


def _json_file(lines: list[str]) -> str:
    head = f'{{"version": 1, "columns": {json.dumps(list(COLUMNS))}, "count": {len(lines)}, "figures": [\n'
    return head + ",\n".join(lines) + "\n]}\n"


def figures_csv(rows: list[Row], base_url: str = "") -> str:
    """The figures as CSV with a header row (COLUMNS); a cell that a spreadsheet would read as a formula is
    quoted as text."""
    return _csv_file(_csv_lines(_records(rows, base_url)))


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
    return _json_file(_json_lines(_records(rows, base_url)))


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
    """Every figure as `figures.csv` and `figures.json`, and each company's beside its page (each figure's lines are
    written once, for both)."""
    rows = all_figures(corpus.briefings)
    records = _records(rows, base_url)
    csv_lines, json_lines = _csv_lines(records), _json_lines(records)
    pages = {"figures.csv": _csv_file(csv_lines), "figures.json": _json_file(json_lines)}
    line_of = {(id(b), id(f)): at for at, (b, f) in enumerate(rows)}
    for slug in sorted({f.company for _, f in rows}):
        own = [line_of[id(b), id(f)] for b, f in company_figures(slug, corpus.by_company.get(slug, ()))]
        pages[f"companies/{slug}/figures.csv"] = _csv_file([csv_lines[at] for at in own])
        pages[f"companies/{slug}/figures.json"] = _json_file([json_lines[at] for at in own])
    return pages
