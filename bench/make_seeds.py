"""Deterministic synthetic seeds for the scale benchmark: python bench/make_seeds.py N OUTDIR [--seed 1].

Writes N seeds into OUTDIR: about 95% scraped pages (`.txt`, an article of about 700 words wrapped in the site
chrome of one of seven invented outlets) and about 5% editor Markdown (`.md` with front matter). The text is built
from sentence templates filled with the project's registry (company names and aliases, topic keywords), numbers,
places, model names and people, so that the vocabulary, the entity pages and the search index grow the way a real
corpus would. Same N and --seed: byte-identical files; seed i is the same for every N >= i (N=1000 is a prefix of
N=5000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.entities.registry import Registry  # noqa: E402
from generator.load import load_registry  # noqa: E402

EDITOR_SHARE = 0.05
UNDATED_SHARE = 0.03
WORDS_TARGET = (560, 740)  # running text; headings and list items come on top
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 12, 20)

CN_PLACES = (
    "Shanghai", "Shenzhen", "Hefei", "Chongqing", "Wuhan", "Changchun", "Guangzhou", "Hangzhou", "Xi'an", "Tianjin",
    "Ningbo", "Changsha", "Zhengzhou", "Liuzhou", "Chengdu", "Beijing", "Qingdao", "Nanjing", "Suzhou", "Jinan",
    "Fuzhou", "Xiamen", "Shenyang", "Taiyuan", "Nanchang", "Kunming", "Harbin", "Yantai", "Changzhou", "Wuhu",
)
WORLD_PLACES = (
    "Munich", "Budapest", "Bangkok", "Sao Paulo", "Istanbul", "Rayong", "Szeged", "Barcelona", "Mexico City",
    "Jakarta", "Tashkent", "Riyadh", "Dubai", "Melbourne", "Oslo", "Amsterdam", "Valencia", "Karachi", "Johannesburg",
    "Santiago", "Lagos", "Almaty", "Hanoi", "Kuala Lumpur", "Manila", "Warsaw", "Bratislava", "Turin", "Lyon", "Seoul",
)
MODEL_STEMS = (
    "Aurora", "Vector", "Nova", "Orbit", "Atlas", "Zephyr", "Comet", "Solstice", "Meridian", "Pulse", "Falcon",
    "Lumen", "Vista", "Quasar", "Tundra", "Harbor", "Kestrel", "Ember", "Summit", "Cirrus", "Delta", "Onyx", "Rover",
    "Sable", "Tempo", "Vela", "Aria", "Boreal", "Cobalt", "Dune",
)
SURNAMES = ("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu",
            "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Xie")
GIVEN = ("Wei", "Yan", "Jing", "Lei", "Min", "Hao", "Ying", "Xin", "Qing", "Tao", "Fang", "Jun", "Lina", "Yimeng",
         "Xueqin", "Bingfeng", "Ruoxi", "Zhiwei", "Haoran", "Mengyao", "Kai", "Peng", "Shan", "Yue", "Ning", "Bo")
WESTERN_FIRST = ("Anna", "David", "Sophie", "Thomas", "Laura", "Mark", "Julia", "Peter", "Elena", "Brenda", "Simon",
                 "Clara", "Martin", "Nadia", "Oliver", "Rachel", "Felix", "Hannah", "Lucas", "Ines")
WESTERN_LAST = ("Weber", "Goh", "Tan", "Fischer", "Martin", "Rossi", "Novak", "Keller", "Moreau", "Hughes",
                "Brandt", "Costa", "Lindqvist", "Parker", "Okafor", "Silva", "Becker", "Dubois", "Marsh", "Kowalski")
ROLES = ("chief executive", "president", "chief financial officer", "head of international sales",
         "vice president for research", "spokesperson", "chairman", "general manager", "chief technology officer")
ANALYST_ROLES = ("an analyst at", "a partner at", "a senior researcher at", "the head of Asia autos research at",
                 "a strategist at", "a consultant with")
SEGMENTS = ("compact SUV", "mid-size sedan", "seven-seat MPV", "pickup truck", "city car", "large SUV",
            "electric coupe", "extended-range SUV", "plug-in hybrid sedan", "light commercial van", "heavy truck",
            "estate car", "off-road vehicle", "crossover", "minibus")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTHS_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Sentence templates. Slots: {co} {co2} {co3} lead companies, {jv} joint venture, {sup} supplier, {tech} technology
# company, {gov} government body, {assoc} association, {media} outlet, {fin} finance, {kw} {kw2} topic keywords,
# {place} {place2} Chinese cities, {abroad} a city abroad, {model} {model2} models, {seg} segment, {units} {units2}
# volumes, {pct} {pct2} percentages, {money} amounts, {month} {year} {quarter} {weekday} times, {person} {role}.
SENTENCES = (
    ("{co} delivered {units} vehicles in {month}, up {pct} percent year on year, according to figures it released on "
    "{weekday}."),
    "Sales of the {model} rose to {units} units in the {quarter}, helped by a {kw} campaign in lower-tier cities.",
    "{gov} said it would review rules on {kw} before the end of {year}, a move that could affect {co} and {co2}.",
    "Analysts at {fin} expect {co} to lift its margin by {pct2} percentage points as {kw} costs fall.",
    "The {place} plant of {jv} will add annual capacity of {units2} units for the {seg} segment.",
    "{co} and {sup} signed an agreement on {kw} supply that runs until {year2}, people familiar with the deal said.",
    "According to {assoc}, {kw} accounted for {pct} percent of passenger car sales in {month}.",
    "{media} reported that {co} is in talks with {co2} about sharing a platform for the {model2}.",
    "The company plans to export the {model} to {abroad} from the second half of {year}.",
    "Retail prices for the {seg} segment fell by an average of {pct2} percent in {month}, {assoc} said.",
    "{person}, {role} of {co}, told reporters in {place} that {kw} would remain the group's priority.",
    "\"We see {kw} as the main test for the industry over the next three years,\" said {person}, {analyst} {fin}.",
    "{co} said its research centre in {place2} had filed {small} patents related to {kw} since {year0}.",
    "The {model} starts at {money} yuan, about {pct} percent below the previous version.",
    "Dealers in {place} said inventories of {co2} cars had climbed to about {days} days of sales.",
    "{tech} will provide the driver-assistance software for the {model2}, which goes on sale in {month}.",
    "Shares of {co} closed {pct2} percent higher in {place} after the results were published.",
    "Exports from the {place} port reached {units} vehicles in the {quarter}, many of them bound for {abroad}.",
    "{co2} cut the price of its {seg} by {money} yuan in {month}, the third cut this year.",
    "{gov} has asked carmakers to report {kw} data every month, {media} said.",
    "{jv} said it would close one assembly line in {place} and move production of the {model} to {place2}.",
    "Battery cell costs at {sup} fell to {cost} yuan per kilowatt-hour, the lowest level since {year0}.",
    "{co} expects {kw} to make up more than {pct} percent of its volume by {year2}.",
    ("The group spent {bn} billion yuan on research and development last year, {pct2} percent more than a year "
    "earlier."),
    "{co3} has opened {small} showrooms in {abroad} and plans to double that number next year.",
    "A survey by {assoc} found that {pct} percent of buyers in {place} considered {kw} before price.",
    "{fin} led a funding round of {bn} billion yuan in {co3}, valuing the start-up at about {bn2} billion yuan.",
    ("The {model2} has a range of {range} kilometres on the CLTC cycle and charges from 10 to 80 percent in {mins} "
    "minutes."),
    ("{co2} reported a net profit of {bn} billion yuan for the {quarter}, compared with {bn2} billion yuan a year "
    "earlier."),
    "Local authorities in {place2} offered subsidies of up to {money} yuan for buyers who scrap an older car.",
    "Engineers from {co} and {tech} will work together on {kw} at a new laboratory in {place}.",
    "Production at the {place} site was suspended for {days} days in {month} because of a shortage of chips.",
    "{co} said orders for the {model} had passed {units2} within {days} days of its launch in {place}.",
    "Registrations of Chinese brands in {abroad} rose {pct} percent in {month}, led by {co2} and {co3}.",
    "{media} said {gov} was preparing new guidance on {kw2}, without giving a timetable.",
    "Its market share in the {seg} segment rose to {pct2} percent, up from {small} percent in {year0}.",
    "{sup} plans a new factory near {abroad} with an annual capacity of {gwh} gigawatt-hours.",
    "The partners will invest {bn} billion yuan over five years, with {co} holding {share} percent of the venture.",
    "{person} said the {model} would be the first car of the group built on its new {kw2} platform.",
    ("In the first {nmonths} months of {year}, {co} sold {units2} cars overseas, {pct} percent more than a year "
     "earlier."),
)
HEADLINES = (
    "{co} {verb} {kw} push as {month} sales {move}",
    "{co} and {co2} to share {kw} platform",
    "{gov} tightens rules on {kw}",
    "{co} {model} orders pass {units2} in {days} days",
    "Why {kw} is reshaping the {seg} market",
    "{jv} to close {place} line amid {kw} shift",
    "{co} eyes {abroad} plant as exports {move}",
    "{sup} cuts battery prices again; {co} benefits",
    "{co} profit {move} {pct} percent in the {quarter}",
    "Price war reaches the {seg} segment",
    "{co2} bets on {kw} with new {model}",
    "{assoc}: {kw} share hits {pct} percent in {month}",
    "{fin} backs {co3} in {bn} billion yuan round",
    "{co} delivers record {units} vehicles in {month}",
    "Inside {co}'s plan for {kw} by {year2}",
    "{tech} and {co} team up on {kw2}",
)
SECTION_HEADINGS = (
    "What the numbers show", "The policy backdrop", "Pressure on margins", "A crowded segment", "Going overseas",
    "What to watch next", "The supply chain", "Inside the factories", "Prices and demand", "Competition heats up",
    "The role of {co}", "Why {kw} matters", "Analysts are divided", "How {co2} responded", "Capacity and costs",
    "The {place} connection", "Outlook for {year2}", "Dealers feel the squeeze", "Technology race",
    "Funding and valuations",
)
LIST_ITEMS = (
    "{co}: {units} deliveries, {pct} percent up on the year",
    "{model} — from {money} yuan, range {range} km",
    "{place}: capacity of {units2} units a year",
    "{kw}: {pct} percent of sales in {month}",
    "{sup} supplies cells for the {model2}",
    "Exports to {abroad}: {units} vehicles in the {quarter}",
    "{co2} cut prices by {money} yuan",
    "R&D spending of {bn} billion yuan in {year0}",
)
VERBS = ("doubles down on", "steps up", "slows", "rethinks", "accelerates", "bets on", "scales back")
MOVES = ("rise", "fall", "slip", "jump", "climb", "stall", "surge")


@dataclass
class Pools:
    """Names drawn from the registry, grouped the way the templates use them; popular ones come first."""

    automakers: list[str] = field(default_factory=list)  # automakers, brands and their aliases
    ventures: list[str] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)
    tech: list[str] = field(default_factory=list)
    government: list[str] = field(default_factory=list)
    associations: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    finance: list[str] = field(default_factory=list)
    keywords: dict[str, list[str]] = field(default_factory=dict)  # topic slug -> English keyword phrases
    chinese: dict[str, str] = field(default_factory=dict)  # an English name -> a Chinese alias of the same entry
    topic_slugs: list[str] = field(default_factory=list)
    company_slugs: dict[str, str] = field(default_factory=dict)  # name -> slug (for editor front matter)


def _stable_rank(slug: str) -> str:
    return hashlib.sha1(slug.encode("utf-8")).hexdigest()


def pools_from(registry: Registry) -> Pools:
    """Group registry names by the slot they fill; each group in a fixed, seed-independent popularity order."""
    pools = Pools()
    groups = {
        "automaker": pools.automakers, "brand": pools.automakers, "joint-venture": pools.ventures,
        "supplier": pools.suppliers, "technology": pools.tech, "government": pools.government,
        "association": pools.associations, "media": pools.media, "finance": pools.finance,
    }
    for company in sorted(registry.companies.values(), key=lambda c: _stable_rank(c.slug)):
        latin = [n for n in company.names if n.isascii()]
        han = [n for n in company.names if not n.isascii()]
        if not latin:
            continue
        groups[company.kind].append(latin[0])
        for name in latin:
            pools.company_slugs[name] = company.slug
        if han:
            pools.chinese[latin[0]] = han[0]
        # Aliases appear too, less often: the recogniser must map them back to the entry.
        for alias in latin[1:3]:
            groups[company.kind].append(alias)
    for topic in registry.topics.values():
        phrases = [k.phrase for k in topic.keywords if k.phrase.isascii() and k.weight >= 2]
        if phrases:
            pools.keywords[topic.slug] = phrases
            pools.topic_slugs.append(topic.slug)
    return pools


def _zipf(rng: random.Random, items: list[str], s: float = 0.8) -> str:
    weights = [1.0 / (rank + 1) ** s for rank in range(len(items))]
    return rng.choices(items, weights)[0]


def _person(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
    return f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"


@dataclass
class Article:
    """One synthetic article before an outlet wraps it in chrome."""

    headline: str
    date: dt.date | None
    authors: list[str]
    deck: str
    blocks: list[tuple[str, object]]  # ("h", text) | ("p", text) | ("ul", [items])
    captions: list[str]
    related: list[str]


class _Slots(dict):
    """A format_map mapping that makes each slot's value when the template asks for it."""

    def __init__(self, makers: dict[str, Callable[[], str]]) -> None:
        super().__init__()
        self.makers = makers

    def __missing__(self, key: str) -> str:
        return self.makers[key]()


class Filler:
    """Fills templates for one article: a few lead companies and topics recur, the rest vary sentence by sentence."""

    def __init__(self, rng: random.Random, pools: Pools, date: dt.date) -> None:
        self.rng, self.pools, self.date = rng, pools, date
        self.leads = [_zipf(rng, pools.automakers) for _ in range(3)]
        # The article's cast: most mentions of each kind of organisation go to one or two names.
        self.cast = {kind: [_zipf(rng, names)] for kind, names in (
            ("jv", pools.ventures), ("sup", pools.suppliers), ("tech", pools.tech), ("gov", pools.government),
            ("assoc", pools.associations), ("media", pools.media), ("fin", pools.finance))}
        self.topics = rng.sample(pools.topic_slugs, k=2)
        self.model = f"{rng.choice(MODEL_STEMS)} {rng.choice(('', 'Pro ', 'Max ', 'L'))}{rng.randint(1, 9)}"
        self.place = rng.choice(CN_PLACES)
        self.person = _person(rng)
        self.chinese_names = rng.random() < 0.15  # some outlets print Chinese names beside English ones
        self._makers = self._slot_makers()

    def _name(self, name: str) -> str:
        if self.chinese_names and name in self.pools.chinese and self.rng.random() < 0.3:
            return f"{name} ({self.pools.chinese[name]})"
        return name

    def _slot_makers(self) -> dict[str, Callable[[], str]]:
        rng, pools, year = self.rng, self.pools, self.date.year

        def pct() -> str:
            return f"{rng.randint(2, 95)}.{rng.randint(0, 9)}"

        def small_pct() -> str:
            return f"{rng.randint(1, 9)}.{rng.randint(0, 9)}"

        def bn() -> str:
            return f"{rng.randint(1, 90)}.{rng.randint(0, 9)}"

        def lead(i: int, share: float) -> Callable[[], str]:
            return lambda: self._name(self.leads[i] if rng.random() < share else _zipf(rng, pools.automakers))

        def cast(kind: str, names: list[str]) -> Callable[[], str]:
            return lambda: self._name(rng.choice(self.cast[kind]) if rng.random() < 0.95 else _zipf(rng, names))

        def keyword() -> str:
            topic = self.topics[0] if rng.random() < 0.65 else rng.choice(self.topics)
            return rng.choice(pools.keywords[topic])

        return {
            "co": lead(0, 0.95), "co2": lead(1, 0.9), "co3": lead(2, 0.9),
            "jv": cast("jv", pools.ventures), "sup": cast("sup", pools.suppliers), "tech": cast("tech", pools.tech),
            "gov": cast("gov", pools.government), "assoc": cast("assoc", pools.associations),
            "media": cast("media", pools.media), "fin": cast("fin", pools.finance),
            "kw": keyword, "kw2": lambda: rng.choice(pools.keywords[rng.choice(self.topics)]),
            "place": lambda: self.place if rng.random() < 0.5 else rng.choice(CN_PLACES),
            "place2": lambda: rng.choice(CN_PLACES), "abroad": lambda: rng.choice(WORLD_PLACES),
            "model": lambda: self.model,
            "model2": lambda: f"{rng.choice(MODEL_STEMS)} {rng.choice('ABCDEGHLMSTX')}{rng.randint(1, 99)}",
            "seg": lambda: rng.choice(SEGMENTS),
            "units": lambda: f"{rng.randint(1_000, 480_000):,}", "units2": lambda: f"{rng.randint(10, 900) * 1000:,}",
            "pct": pct, "pct2": small_pct, "money": lambda: f"{rng.randint(60, 450) * 1000:,}", "bn": bn, "bn2": bn,
            "cost": lambda: str(rng.randint(280, 900)), "small": lambda: str(rng.randint(3, 400)),
            "days": lambda: str(rng.randint(2, 90)), "range": lambda: str(rng.randint(30, 99) * 10),
            "mins": lambda: str(rng.randint(9, 35)), "gwh": lambda: str(rng.randint(5, 60)),
            "share": lambda: str(rng.choice((25, 40, 50, 51, 60, 75))), "nmonths": lambda: str(rng.randint(2, 11)),
            "month": lambda: rng.choice(MONTHS), "year": lambda: str(year),
            "year0": lambda: str(year - rng.randint(1, 6)), "year2": lambda: str(year + rng.randint(1, 6)),
            "quarter": lambda: rng.choice(("first quarter", "second quarter", "third quarter", "fourth quarter")),
            "weekday": lambda: rng.choice(WEEKDAYS),
            "person": lambda: self.person if rng.random() < 0.5 else _person(rng),
            "role": lambda: rng.choice(ROLES), "analyst": lambda: rng.choice(ANALYST_ROLES),
            "verb": lambda: rng.choice(VERBS), "move": lambda: rng.choice(MOVES),
        }

    def fill(self, template: str) -> str:
        """The template with each slot filled afresh (only the slots it uses draw random numbers)."""
        return template.format_map(_Slots(self._makers))

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.fill(t) for t in self.rng.sample(SENTENCES, k=sentences))


def make_article(rng: random.Random, pools: Pools) -> Article:
    """An article of about 700 words: lede, three or four sections of paragraphs, often a bullet list."""
    days = (LAST_DAY - FIRST_DAY).days
    date = FIRST_DAY + dt.timedelta(days=rng.randint(0, days))
    filler = Filler(rng, pools, date)
    headline = filler.fill(rng.choice(HEADLINES))
    headline = headline[0].upper() + headline[1:]
    deck = filler.paragraph(1)
    target = rng.randint(*WORDS_TARGET)
    blocks: list[tuple[str, object]] = [("p", filler.paragraph(rng.randint(2, 3)))]
    words = len(str(blocks[0][1]).split())
    headings = rng.sample(SECTION_HEADINGS, k=5)
    list_at = rng.randint(1, 3) if rng.random() < 0.7 else -1
    section = 0
    while words < target:
        if section < len(headings) and (section == 0 or rng.random() < 0.45):
            blocks.append(("h", filler.fill(headings[section])))
            section += 1
            if section == list_at:
                items = [filler.fill(t) for t in rng.sample(LIST_ITEMS, k=rng.randint(3, 5))]
                blocks.append(("p", filler.paragraph(1)))
                blocks.append(("ul", items))
                words += sum(len(i.split()) for i in items)
        text = filler.paragraph(rng.randint(2, 5))
        blocks.append(("p", text))
        words += len(text.split())
    captions = [f"A {filler.model} is displayed at an auto show in {filler.place}."
                if rng.random() < 0.5 else
                f"Workers assemble cars at a plant of {filler.leads[0]} in {rng.choice(CN_PLACES)}."]
    related = [filler.fill(rng.choice(HEADLINES)) for _ in range(rng.randint(2, 4))]
    related = [r[0].upper() + r[1:] for r in related]
    authors = [_person(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
    return Article(headline, None if rng.random() < UNDATED_SHARE else date, authors, deck, blocks, captions,
                   related)


# --- date formats -----------------------------------------------------------------------------------------------

def _iso_time(rng: random.Random, d: dt.date) -> str:
    return f"{d.isoformat()} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"


def _long(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _abbr(d: dt.date) -> str:
    return f"{MONTHS_ABBR[d.month - 1]} {d.day}"


def _date_any(rng: random.Random, d: dt.date) -> str:
    return rng.choice((
        d.isoformat(), _long(d), f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.year}/{d.month:02d}/{d.day:02d}",
        f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.year}年{d.month}月{d.day}日",
    ))


# --- outlets: each wraps an article in its own site chrome ----------------------------------------------------------

def _body_lines(a: Article, bullet: str, blank: bool) -> list[str]:
    out: list[str] = []
    for kind, value in a.blocks:
        if kind == "ul":
            assert isinstance(value, list)
            out.extend(f"{bullet}{item}" for item in value)
        else:
            out.append(str(value))
        if blank:
            out.append("")
    return out


def _with_caption(rng: random.Random, lines: list[str], caption: str) -> list[str]:
    """Insert a picture caption after a paragraph in the first half of the body."""
    slots = [i for i, line in enumerate(lines) if line == "" and 0 < i < len(lines) // 2] or [len(lines)]
    at = rng.choice(slots)
    return lines[: at + 1] + [caption, ""] + lines[at + 1 :]


def ledger_daily(rng: random.Random, a: Article) -> list[str]:
    """A national daily's website: breadcrumb, stamp row with byline and outlet, photo credit, app prompts."""
    d = a.date
    stamp = " | ".join(filter(None, (f"By {a.authors[0].upper()}", "LEDGER DAILY",
                                     f"Updated: {_iso_time(rng, d)}" if d else "")))
    body = _with_caption(rng, _body_lines(a, "• ", True), a.captions[0] + " [Photo provided to autoledger.example]")
    year = d.year if d else 2025
    return [
        rng.choice(("Home / Business / Companies", "Home / Business / Auto", "Home / China / Industries")),
        "", a.headline, stamp, "", *body,
        "Follow us on Twitter", "Download the Auto Ledger Daily app",
        (f"Copyright 1998 - {year}. All rights reserved. The content (including but not limited to text, photo, "
        "multimedia information, etc) published in this site belongs to Auto Ledger Daily Information Co. Without "
        "written authorization, such content shall not be republished or used in any form."),
    ]


def motor_wire(rng: random.Random, a: Article) -> list[str]:
    """A wire agency: skip link, menu row, section, byline, long date, dateline, credit trailer, standards footer."""
    d = a.date
    names = " and ".join(a.authors)
    lines = ["Skip to main content", "World | Business | Markets | Autos | Technology | Sustainability | Legal",
             rng.choice(("Autos & Transportation", "Electric Vehicles", "Asia Pacific")), "", a.headline, "",
             f"By {names}"]
    if d:
        lines.append(f"{_long(d)} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} "
                     f"{rng.choice(('AM', 'PM'))} GMT+8 Updated {rng.randint(2, 9)} hours ago")
    lines.append("")
    body = _body_lines(a, "- ", True)
    place = rng.choice(("SHANGHAI", "BEIJING", "SHENZHEN", "HONG KONG", "GUANGZHOU"))
    if d:
        body[0] = f"{place}, {_abbr(d)} (Pacific Motor Wire) - {body[0]}"
    related_at = min(len(body) - 1, rng.randint(4, 10))
    body[related_at:related_at] = [f"Read more: {a.related[0]}", ""]
    return [*lines, *body,
            f"Reporting by {names}; Editing by {_person(rng)}", "",
            "Our Standards: The Pacific Motor Wire Trust Principles.", "Purchase Licensing Rights"]


def channel_blog(rng: random.Random, a: Article) -> list[str]:
    """An analyst's blog: headline and deck, a date line with reading time, share prompt, similar posts, comments."""
    d = a.date
    lines = [rng.choice(("EV Channel Insight", "EV CHANNEL INSIGHT")),
             "Home | Markets | Brands | Policy | Batteries | About", "", a.headline, "", a.deck, ""]
    if d:
        lines += [f"Published on {d.month:02d}/{d.day:02d}/{d.year} · {rng.randint(3, 9)} min read", ""]
    lines += [f"Author: {a.authors[0]}", ""]
    return [*lines, *_body_lines(a, "  • ", True),
            "Enjoyed this article? Share it!", "", "Similar Posts", *a.related, "", "Leave a Reply", "",
            "Your email address will not be published. Required fields are marked *"]


def dragon_drive(rng: random.Random, a: Article) -> list[str]:
    """A news agency page with no blank lines: source-date-editor row, player label, dateline, photo caption."""
    d = a.date
    row = "Source: Dragon Drive News"
    if d:
        clock = f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        row += f"| {d.isoformat()} {clock}|Editor: {rng.choice(('huaxia', 'lirui', 'chenxin'))}"
    body = _body_lines(a, "- ", False)
    place = rng.choice(("BEIJING", "SHANGHAI", "CHONGQING", "HEFEI", "WUHAN"))
    if d:
        body[0] = f"{place}, {_abbr(d)} (Dragon Drive) -- {body[0]}"
    shot = d - dt.timedelta(days=rng.randint(1, 9)) if d else None
    caption = (f"Photo taken on {_abbr(shot)}, {shot.year} shows cars waiting to be loaded at a port in "
               f"{rng.choice(CN_PLACES)}. (Dragon Drive/{_person(rng)})") if shot else a.captions[0]
    body.insert(min(len(body), rng.randint(2, 5)), caption)
    return [a.headline, row, "Video PlayerClose", *body, "Enditem"]


def car_review(rng: random.Random, a: Article) -> list[str]:
    """A magazine's site: month/day year stamp, view counter, credit row, image and layout credits."""
    d = a.date
    credits = f"Author: {a.authors[0]} | Layout: {_person(rng)} | Design: {_person(rng)}"
    top = [f"{d.month:02d}/{d.day:02d} {d.year}", str(rng.randint(80, 9000))] if d else []
    lines = [*top, credits,
             f"This article appears in the {MONTHS[(d or LAST_DAY).month - 1]} issue of 'Sino Car Review' magazine."]
    return [a.headline, *lines, *_body_lines(a, "· ", False),
            "Image: Sino Car Review", "Article: Sino Car Review", "Layout: Sino Car Review"]


def corporate_news(rng: random.Random, a: Article) -> list[str]:
    """A company website's news page: section label, publish time with views, feedback and share widgets."""
    d = a.date
    stamp = f"Publishtime:{_iso_time(rng, d)}:00 Views:{rng.randint(5, 3000)}" if d else \
        f"Publishtime:1970-01-01 08:00:00 Views:{rng.randint(5, 3000)}"
    return [rng.choice(("Industry dynamics", "Company news", "Media coverage")), "", a.headline, "", stamp, "",
            *_body_lines(a, "• ", True), a.related[0], "",
            "Suggestions & Feedbacks We take every suggestion from you seriously", "", "Share to Wechat", "",
            "Share to Weibo", "", "Online message", "",
            ("If you have any questions, please leave a message here and leave your contact information, we will "
            "reply you as soon as possible.")]


def motor_times(rng: random.Random, a: Article) -> list[str]:
    """A bilingual portal: masthead, Chinese date label, share row, related list header, copyright with 版权所有."""
    d = a.date
    lines = ["SHANGHAI MOTOR TIMES", "首页 | 新闻 | 新能源 | 出口 | 政策 | 数据", "", a.headline, ""]
    if d:
        lines += [f"发布时间：{d.year}年{d.month:02d}月{d.day:02d}日 {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
                  if rng.random() < 0.5 else f"Posted on {_date_any(rng, d)}", ""]
    lines += [f"Editor: {a.authors[0]}", "", "Share: WeChat | Weibo | LinkedIn", ""]
    year = d.year if d else 2025
    return [*lines, *_body_lines(a, "- ", True), "Related news", *a.related, "",
            f"© {year} Shanghai Motor Times 版权所有"]


OUTLETS: tuple[tuple[str, Callable[[random.Random, Article], list[str]], int], ...] = (
    ("Auto Ledger Daily", ledger_daily, 5),
    ("Pacific Motor Wire", motor_wire, 4),
    ("EV Channel Insight", channel_blog, 3),
    ("Dragon Drive News", dragon_drive, 3),
    ("Sino Car Review", car_review, 2),
    ("corporate news page", corporate_news, 2),
    ("Shanghai Motor Times", motor_times, 2),
)


def scraped_seed(rng: random.Random, pools: Pools) -> str:
    """A scraped page: an article inside the chrome of one outlet."""
    article = make_article(rng, pools)
    _, wrap, _ = rng.choices(OUTLETS, [w for _, _, w in OUTLETS])[0]
    return "\n".join(wrap(rng, article)).rstrip("\n") + "\n"


def _yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def editor_seed(rng: random.Random, pools: Pools) -> str:
    """An editor's Markdown briefing with front matter (sometimes naming companies and topics explicitly)."""
    a = make_article(rng, pools)
    fm = [f"title: {_yaml_str(a.headline)}"]
    if a.date:
        fm.append(f"date: {a.date.isoformat()}")
    fm.append(f"source: {rng.choice(('Briefing desk', 'Editors', 'Market notes'))}")
    fm.append(f"author: {_yaml_str(a.authors[0])}")
    if rng.random() < 0.4:
        slugs = [pools.company_slugs[n] for n in pools.automakers[:40] if n in pools.company_slugs]
        picked = list(dict.fromkeys(rng.sample(slugs, k=2)))
        fm.append(f"companies: [{', '.join(picked)}]")
        fm.append(f"topics: [{rng.choice(pools.topic_slugs)}]")
    if rng.random() < 0.5:
        fm.append(f"summary: {_yaml_str(a.deck)}")
    body: list[str] = []
    for kind, value in a.blocks:
        if kind == "h":
            body += [f"## {value}", ""]
        elif kind == "ul":
            assert isinstance(value, list)
            body += [f"- {item}" for item in value] + [""]
        else:
            body += [str(value), ""]
    return "---\n" + "\n".join(fm) + "\n---\n\n" + "\n".join(body).rstrip("\n") + "\n"


def seed_file(index: int, seed: int, pools: Pools) -> tuple[str, str]:
    """(file name, text) of seed number `index`; depends only on `index`, `seed` and the registry."""
    rng = random.Random(f"briefing-bench:{seed}:{index}")
    digest = hashlib.sha1(f"{seed}:{index}".encode()).hexdigest()[:16]
    if rng.random() < EDITOR_SHARE:
        return f"{index:06d}_{digest}.md", editor_seed(rng, pools)
    return f"{index:06d}_{digest}.txt", scraped_seed(rng, pools)


def generate(n: int, out: Path, seed: int = 1, data_dir: Path = ROOT / "data") -> list[Path]:
    """Write seeds 0..n-1 into `out` (created); returns their paths."""
    pools = pools_from(load_registry(data_dir))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        name, text = seed_file(index, seed, pools)
        path = out / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of seeds")
    parser.add_argument("outdir", type=Path, help="folder to write them into (created)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="registry folder (default: the project's)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    paths = generate(args.n, args.outdir, args.seed, args.data)
    size = sum(p.stat().st_size for p in paths)
    editor = sum(p.suffix == ".md" for p in paths)
    print(f"wrote {len(paths)} seeds ({editor} editor .md) into {args.outdir}: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
