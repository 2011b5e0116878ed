"""Paging: listings cut into pages of bounded length, where those pages live, and the links between them.

A listing's first page keeps its own path ("companies/byd.md", "briefings.md"); page n lives beneath it
("companies/byd/page/2.md", "briefings/page/2.md"), as Hugo and Material's blog plugin lay out theirs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.paths import is_plain_relative

# Page sizes bound every listing page, whatever the size of the corpus.
ENTITY_PAGE_SIZE = 25  # the newest briefings, with summaries, on a company or topic page
ARCHIVE_PAGE_SIZE = 100  # older briefings of a company or topic, one line each, on each further page
LISTING_PAGE_SIZE = 100  # one-line entries on each page of the briefings listing
TIMELINE_PAGE_SIZE = 300  # one-line entries on a timeline page; a bigger year is split into months
PAGER_WINDOW = 2  # page numbers shown either side of the current one

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> list[tuple[T, ...]]:
    """`items` in consecutive runs of `size`; one empty run when there are none."""
    return [tuple(items[i:i + size]) for i in range(0, len(items), size)] or [()]


def page_path(first: str, number: int) -> str:
    """Where page `number` of the listing whose first page is `first` lives."""
    return first if number == 1 else f"{first.removesuffix('.md')}/page/{number}.md"


def relative(from_page: str, to_page: str) -> str:
    """A relative Markdown link from one page (path under docs/) to another."""
    if not (is_plain_relative(from_page) and is_plain_relative(to_page)):
        return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    # posixpath.relpath's own steps, without the two abspath calls that cost most of its time
    start, path = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    for a, b in zip(start, path, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + path[common:]) or "."


def docs_root(page: str) -> str:
    """The relative prefix from `page` to the docs folder ("" at the top, "../" one folder down, ...)."""
    return "../" * page.count("/")


@dataclass(frozen=True)
class Pager:
    """Page `number` of `count` pages of one listing, whose first page is `first`."""

    first: str
    number: int
    count: int

    @property
    def path(self) -> str:
        """This page's path under docs/."""
        return page_path(self.first, self.number)

    def link(self, number: int) -> str:
        """A link from this page to page `number`."""
        return relative(self.path, page_path(self.first, number))

    @property
    def newer(self) -> str | None:
        """The link to the previous page (newer briefings), if any."""
        return self.link(self.number - 1) if self.number > 1 else None

    @property
    def older(self) -> str | None:
        """The link to the next page (older briefings), if any."""
        return self.link(self.number + 1) if self.number < self.count else None

    def numbers(self) -> list[tuple[int, str | None]]:
        """Page numbers to show with their links: the first, the last, and a window around this page;
        0 stands for a gap, and this page has no link. The pager stays short however many pages there are."""
        shown = sorted({1, self.count, *range(max(1, self.number - PAGER_WINDOW),
                                               min(self.count, self.number + PAGER_WINDOW) + 1)})
        out: list[tuple[int, str | None]] = []
        for previous, n in zip([0, *shown], shown, strict=False):
            if n - previous > 1 and previous:
                out.append((0, None))
            out.append((n, None if n == self.number else self.link(n)))
        return out


def pagers(first: str, count: int) -> list[Pager]:
    """The pagers of a listing of `count` pages."""
    return [Pager(first, n, count) for n in range(1, count + 1)]
