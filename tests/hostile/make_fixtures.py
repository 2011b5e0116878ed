"""Writes the hostile seed fixtures in seeds/ and redos/ (run from this folder: python make_fixtures.py).

The files are committed; this script documents how each was made (encodings, line endings, junk files),
so a case can be regenerated or added without a hex editor. Large inputs (over 10 MB, a 3 MB carousel)
are made by tests/test_hostile.py at run time instead of being committed.

script/ holds the attempts to put live script into the built site (tests/test_script.py): editor seeds whose
Markdown markdown-it-py and Python-Markdown read differently, registry entries with markup in every field, and a
hand-written page with raw HTML and hostile front matter.
"""

from __future__ import annotations

import codecs
from pathlib import Path

SEEDS = Path(__file__).parent / "seeds"
SCRIPT = Path(__file__).parent / "script"
BODY = (
    "BYD will build its first European car plant in Szeged, Hungary, the company said on Friday, "
    "describing the project as one of the largest investments in the country's history.\n\n"
    "The plant will make battery electric and plug-in hybrid cars for European buyers and will be built in phases.\n"
)
ZH = (
    "北汽集团发布新战略，目标2030年销量四百万辆\n\n来源：北京日报\n\n"
    "北汽集团今天在北京发布了新的发展战略，计划到2030年实现年销量四百万辆，并大力发展新能源汽车和智能网联汽车。"
    "公司表示，将继续深化与梅赛德斯-奔驰和现代汽车的合资合作，同时加快自主品牌的国际化步伐。\n\n"
    "分析人士认为，这一目标意味着合资时代的结束，自主品牌将成为集团增长的主要动力。北汽集团去年销量超过一百七十万辆。\n"
)
ZHT = (
    "北汽集團發佈新戰略，目標2030年銷量四百萬輛\n\n來源：北京日報\n\n"
    "北汽集團今天在北京發佈了新的發展戰略，計劃到2030年實現年銷量四百萬輛，並大力發展新能源汽車和智能網聯汽車。"
    "公司表示，將繼續深化與梅賽德斯和現代汽車的合資合作，同時加快自主品牌的國際化步伐。\n\n"
    "分析人士認為，這一目標意味著合資時代的結束，自主品牌將成為集團增長的主要動力。北汽集團去年銷量超過一百七十萬輛。\n"
)


def article(title: str, extra: str = "") -> str:
    return f"{title}\n\nBy Sun Lei\n\nPosted on December 23, 2023\n\n{BODY}{extra}"


def write(name: str, data: bytes | str) -> None:
    path = SEEDS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def main() -> None:
    write("utf8-bom.txt", codecs.BOM_UTF8 + article("BYD picks Szeged for a plant, with a BOM").encode())
    write("utf16-bom.txt", article("BYD picks Szeged for a plant, in UTF-16").encode("utf-16"))
    write("gb18030.txt", ZH.encode("gb18030"))
    write("big5.txt", ZHT.encode("big5"))
    write("latin1.txt", article(
        "Renault et Citroën accélèrent en Chine, déjà là",
        "\nLe constructeur français a déclaré que l'usine de Wuhan produira des véhicules électriques dès l'été "
        "prochain, a précisé la société dans un communiqué publié à Paris.\n",
    ).encode("latin-1"))
    write("cp1252.txt", article(
        "BYD’s “Seagull” undercuts rivals at €9,000 in Europe",
        "\nThe “Seagull” hatchback – sold as the Dolphin Surf abroad – costs less than €9,000 in China, "
        "BYD’s dealers said.\n",
    ).encode("cp1252"))
    write("crlf.txt", article("BYD picks Szeged with Windows line endings").replace("\n", "\r\n"))
    write("cr.txt", article("BYD picks Szeged with old Mac line endings").replace("\n", "\r"))
    # UTF-8 bytes read as Windows-1252 and saved again as UTF-8: "BYD’s" becomes "BYDâ€™s".
    write("mojibake.txt", article("BYD’s Szeged plant costs €4 billion, say reports")
          .encode("utf-8").decode("cp1252", errors="replace"))
    write("empty.txt", b"")
    write("whitespace-only.txt", b"  \n\t\n   \r\n\n")
    write("boilerplate-only.txt", "Home | News | Autos | Tech\n\nShare: WeChat | Weibo | Email\n\nLeave a Reply\n\n"
          "Your email address will not be published. Required fields are marked *\n\n"
          "Copyright © 2024 Some Site. All rights reserved.\n")
    write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    write(".DS_Store", b"\x00\x00\x00\x01Bud1\x00\x00" * 10)
    write(".draft.txt.swp", b"b0VIM 8.2\x00\x00" * 10)
    write("notes.txt~", "backup of an editor\n")
    write("._resource-fork.txt", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " * 4)
    write("name with spaces.txt", article("A seed whose file name has spaces in it"))
    write("北汽新闻 2024.txt", article("A seed whose file name is written in Chinese"))
    write(".leading-dot.txt", article("A seed whose file name starts with a dot"))
    write("sub/folder/nested.txt", article("A seed kept in a sub-folder of seeds"))
    write("same-title-a.txt", article("Two seeds, one headline"))
    write("same-title-b.txt", article("Two seeds, one headline"))
    write("traversal.md", '---\ntitle: "../../../etc/passwd"\n---\n\n' + BODY)
    write("hostile-title.md", "---\ntitle: '@owner: \"quoted\" --- # not a comment {braces} *star* yes'\n"
          "date: 2024-02-30\n---\n\n" + BODY)
    write("bad-yaml.md", "---\ntitle: BYD plant\ndate: [2024-01-01\n---\n\n" + BODY)
    write("wrong-type.md", "---\ntitle: BYD plant\nsource: Reuters\ncompanies: byd\n---\n\n" + BODY)
    write("markup.txt", article(
        "Raw HTML in a scraped page stays text",
        "\n<script>alert('x')</script> and <img src=x onerror=alert(1)> and "
        "<a href=\"javascript:alert(1)\">link</a> all appear as text.\n\n"
        "A sentence with an attribute list that MkDocs would apply { onclick=alert(1) } and a "
        "[fake link](javascript:alert(1)) in it.\n",
    ))
    write("markup-editor.md", "---\ntitle: Raw HTML in an editor seed stays text\n---\n\n" + BODY
          + "\n<script>alert('x')</script>\n\n<div onmouseover=\"alert(1)\">hover</div>\n\n"
          "[click me](javascript:alert(1)) and [entity](jav&#x61;script:alert(1)) and "
          "![pixel](data:image/svg+xml;base64,PHN2Zz4=)\n\n"
          "A paragraph with an attribute list { onclick=\"alert(1)\" }\n\n[ref]: javascript:alert(1)\n")


# Editor bodies that gave live script in the built site (issue 14), one seed each: name -> Markdown body.
SCRIPT_BODIES = {
    "code-span": "See `<img src=x onerror=alert(document.domain)>` here.\n",
    "unclosed-fence": "```\nconst a = 1;\n\n<script>alert(document.domain)</script>\n",
    "longer-backtick-fence": "```\n<img src=x onerror=alert(1)>\n````\n\n<script>alert(document.domain)</script>\n\n"
                             "<img src=x onerror=alert(2)>\n",
    "longer-tilde-fence": "~~~\n<img src=x onerror=alert(1)>\n~~~~\n\n<script>alert(document.domain)</script>\n\n"
                          "<img src=x onerror=alert(2)>\n",
    "code-in-link-text": "Read [`code link`](javascript:alert(1)) now.\n",
    "nested-brackets": "Please [click [me] now](javascript:alert(1)) today.\n",
    "two-line-link": "Please [click\nacross lines](javascript:alert(1)) today.\n",
    "definition-in-list": "- an item with [list ref] in it\n\n    [list ref]: javascript:alert(1)\n\n- another item\n",
    "definition-in-quote": "> a quote with [quote ref] in it\n>\n> [quote ref]: javascript:alert(1)\n",
    "data-link": "Open [data link](data:text/html,<script>alert(1)</script>) here.\n",
    "attribute-list": "A paragraph with an attribute list\n{ onclick=alert(1) }\n\nInline { onclick=alert(2) } too.\n\n"
                      "## A heading { onclick=alert(3) #__config }\n",
}
SCRIPT_LEAD = "BYD will build its first European car plant in Szeged, Hungary, the company said on Friday.\n\n"
MARKUP = "<img src=x onerror=alert(document.domain)>"
# Appended to the fixture registry: markup in every field.
SCRIPT_COMPANIES = f"""
- slug: evil-motors
  name: 'Evil <img src=x onerror=alert(1)> [x](javascript:alert(1)) *Motors*'
  kind: automaker
  country: '{MARKUP}'
  parent: null
  partners: []
  aliases:
    - 'Evil `<script>alert(1)</script>` Cars'
    - 'Evil {{: onclick=alert(1) }} Autos'
  description: >-
    Makes <img src=x onerror=alert(1)> | table | cells, [links](javascript:alert(1)), _under_ *stars* `ticks`,
    {{: onclick=alert(1) }} and <script>alert(1)</script>.
"""
SCRIPT_TOPICS = """
- slug: evil-topic
  name: 'Evil topic <img src=x onerror=alert(1)> [t](javascript:alert(1))'
  description: >-
    Breaks | tables | with <script>alert(1)</script>, [links](javascript:alert(1)) and {: onclick=alert(1) }.
  keywords:
    - {phrase: "<script>alert(1)</script>", weight: 3}
    - {phrase: "Szeged", weight: 3}
  min_score: 3
"""
# A hand-written page: MkDocs renders docs/ as it is, so only the sanitiser stands between it and the site.
SCRIPT_DOC = """---
title: 'Docs <img src=x onerror=alert(1)> "quoted"'
description: '"><script>alert(1)</script>'
author: '<img src=x onerror=alert(1)>'
subtitle: '<img src=x onerror=alert(1)>'
---

# Raw HTML in a hand-written page

<script>alert(document.domain)</script>

<img src=x onerror=alert(1)> <img src="https://tracker.example/pixel.png" alt="pixel">

<iframe src="https://evil.example/"></iframe><svg onload="alert(1)"></svg>

<form action="https://evil.example/"><input autofocus onfocus="alert(1)">
<button formaction="javascript:alert(1)">go</button></form>

[js link](javascript:alert(1)), [data link](data:text/html,<script>alert(1)</script>),
<a href="vbscript:msgbox(1)">vb link</a>, <a href=" jav&#x09;ascript:alert(1)">entity link</a>.

A paragraph { onclick=alert(1) }
{ onmouseover=alert(2) }

## A heading <img src=x onerror=alert(1)> { #__config }

## Heading &lt;img src=x onerror=alert(1)&gt; { data-toc-label='&lt;img src=x onerror=alert(1)&gt;' }
"""


def script_fixtures() -> None:
    """tests/hostile/script: seeds/, data/ (entries appended to the fixture registry) and docs/hostile.md."""
    for name, body in SCRIPT_BODIES.items():
        front = f"---\ntitle: Script {name}\ndate: 2024-05-01\ncompanies: [evil-motors]\n---\n\n"
        path = SCRIPT / "seeds" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + SCRIPT_LEAD + body, encoding="utf-8")
    for name, text in (("companies.yml", SCRIPT_COMPANIES), ("topics.yml", SCRIPT_TOPICS)):
        (SCRIPT / "data").mkdir(parents=True, exist_ok=True)
        (SCRIPT / "data" / name).write_text(text.lstrip("\n"), encoding="utf-8")
    (SCRIPT / "docs").mkdir(parents=True, exist_ok=True)
    (SCRIPT / "docs" / "hostile.md").write_text(SCRIPT_DOC, encoding="utf-8")
YAML = Path(__file__).parent / "yaml"  # issue 14's YAML and text-field cases: tests/test_hostile_yaml.py
COMPANY = "- slug: byd\n  name: BYD\n  kind: automaker\n  country: CN\n  aliases: [BYD Auto]\n"
TOPIC = ("- slug: exports\n  name: Exports\n  keywords:\n    - {phrase: exports, weight: 3}\n"
         "    - {phrase: export, weight: 2}\n  min_score: 3\n")
# Billion laughs: ten anchors, each nine copies of the one before, in one flow list (9**10 strings when expanded).
BOMB = "[" + ", ".join(f"&{c} [{', '.join([f'*{p}' if p else 'lol'] * 9)}]"
                       for c, p in zip("abcdefghij", ["", *"abcdefghi"], strict=True)) + "]"


def write_yaml(name: str, data: bytes | str) -> None:
    path = YAML / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def yaml_fixtures() -> None:
    """Nesting and alias bombs in front matter, the registry and a hand-written page."""
    body = "\n" + BODY
    # 50,000 nested brackets overflowed the C stack of PyYAML's C loader (SIGSEGV in build, check and MkDocs).
    write_yaml("seeds/deep-flow.md", "---\ntitle: Deep flow\nx: " + "[" * 50_000 + "\n---\n" + body)
    write_yaml("seeds/deep-mapping.md", "---\ntitle: Deep mapping\nx: " + "{a: " * 15_000 + "\n---\n" + body)
    write_yaml("seeds/deep-block.md", "---\ntitle: Deep block\nx:\n  " + "- " * 30_000 + "a\n---\n" + body)
    write_yaml("seeds/alias-bomb.md", "---\ntitle: Billion laughs\nsummary: " + BOMB + "\n---\n" + body)
    write_yaml("seeds/plain.md", "---\ntitle: BYD picks Szeged for its plant\nanchor: &a [x]\n---\n" + body)
    write_yaml("registry-deep/companies.yml", COMPANY + "- slug: nio\n  name: NIO\n  kind: automaker\n"
               "  aliases: " + "[" * 50_000 + "\n")
    write_yaml("registry-deep/topics.yml", TOPIC)
    write_yaml("registry-alias/companies.yml", COMPANY + "- slug: nio\n  name: NIO\n  kind: automaker\n"
               "  description: " + BOMB + "\n")
    write_yaml("registry-alias/topics.yml", TOPIC)
    write_yaml("docs/deep.md", "---\ntitle: A hand-written page\nx: " + "[" * 50_000 + "\n---\n\n# Deep\n\nText.\n")



def text_field_fixtures() -> None:
    """Control and bidi characters: YAML escapes in front matter and the registry, raw ones in a scraped page."""
    write_yaml("seeds/controls.md", "---\n"
               'title: "BYD\\u202e cuts prices\\0 again\\e"\n'
               "date: 2024-03-01\n"
               'source: "Reuters\\x1b]8;;https://example.com\\x07"\n'
               'author: "Jane\\u2066 Doe\\u2069"\n'
               'summary: "BYD cut prices\\x00 on two models\\u200f.\\u2028"\n'
               'companies: ["byd\\u202d"]\n'
               'topics: ["exports\\u202d"]\n'  # a topic has a page only when a briefing is filed under it
               "---\n\n" + BODY.replace("Szeged", "Sze\u202eged\x1b[0m"))
    write_yaml("seeds/controls.txt", "Tesla\u202e cuts prices in China \u2067again\u2069\n\nBy Sun Lei\n\n"
               "Posted on December 23, 2023\n\n" + BODY.replace("Hungary", "Hun\u202egary\x08\x1b[1m"))  # NUL: binary
    write_yaml("registry-controls/companies.yml", COMPANY.replace("name: BYD", 'name: "BYD\\u202e"')
               + '  description: "Shenzhen carmaker\\e[2J\\u2066 and battery maker."\n'
               + "- slug: tesla\n  name: Tesla\n  kind: automaker\n  country: US\n"
               + '  aliases: ["Tesla Inc\\u200e"]\n')
    write_yaml("registry-controls/topics.yml", TOPIC.replace("name: Exports", 'name: "Exports\\u202e"'))



def reserved_path_fixtures() -> None:
    """Seeds titled like the site's own pages, and registry slugs that name them."""
    write_yaml("seeds/index.md", "---\ntitle: Index\ndate: 2024-03-02\n---\n\n" + BODY)
    write_yaml("seeds/readme.md", "---\ntitle: README\n---\n\n" + BODY)
    write_yaml("seeds/page.md", "---\ntitle: Page\n---\n\n" + BODY)
    write_yaml("registry-reserved/companies.yml", COMPANY + "- slug: index\n  name: Index Motors\n  kind: automaker\n")
    write_yaml("registry-reserved/topics.yml", TOPIC + TOPIC.replace("exports", "page").replace("Exports", "Page"))



def common_word_fixtures() -> None:
    """Registry names and aliases that are ordinary words, and one (a place) that most articles name."""
    write_yaml("registry-common/companies.yml", COMPANY.replace("[BYD Auto]", "[BYD Auto, the]")
               + "- slug: nio\n  name: NIO\n  kind: automaker\n  aliases: [car]\n"
               + "- slug: xpeng\n  name: XPeng\n  kind: automaker\n  aliases: [a]\n"
               + "- slug: zhongtong\n  name: Zhongtong Bus\n  kind: automaker\n  aliases: [中]\n"
               + "- slug: electric\n  name: Electric\n  kind: supplier\n")
    write_yaml("registry-common/topics.yml", TOPIC + TOPIC.replace("exports", "plants").replace("Exports", "Plants")
               .replace("phrase: export,", "phrase: The,"))
    write_yaml("registry-share/companies.yml", COMPANY + "- slug: szeged-works\n  name: Szeged Works\n"
               "  kind: supplier\n  country: HU\n  aliases: [Hungary]\n")
    write_yaml("registry-share/topics.yml", TOPIC)



def encoding_fixtures() -> None:
    """Legacy encodings the detector got wrong, and one whose guess is in doubt."""
    # Windows-1252 with two non-ASCII characters: charset-normalizer picked cp775 ("BYDÆs") and mac_iceland.
    write_yaml("seeds/cp1252-byd.txt", article("BYD\u2019s Szeged plant gets a start date").encode("cp1252"))
    write_yaml("seeds/cp1252-li-auto.txt", article("Li Auto\u2019s new SUV starts at \u20ac50,000 in Europe")
               .encode("cp1252"))
    # Central European and Cyrillic pages were read as Windows-1252 ("Èínský" for "Čínský").
    write_yaml("seeds/cp1250.txt", ("Škoda zvažuje konec prodeje v Číně\n\nBy Sun Lei\n\nPosted on December 23, "
               "2023\n\nŠkoda zvažuje, že v Číně ukončí prodej několika modelů. Prodejci na severovýchodě "
               "zaznamenali na konci měsíce větší zájem zákazníků.\n\nTovárna v Maďarsku má zahájit výrobu příští "
               "rok.\n")
               .encode("cp1250"))
    write_yaml("seeds/cp1251.txt", ("BYD продал в марте более 300 тысяч автомобилей\n\nBy Sun Lei\n\n"
               "Posted on December 23, 2023\n\nКитайский производитель BYD продал в марте более 300 тысяч "
               "автомобилей на новых источниках энергии. Экспорт вырос почти на треть по сравнению с прошлым годом.\n")
               .encode("cp1251"))
    # French and German in one short Windows-1252 page: Windows-1250 reads it as well-formed Slovak.
    write_yaml("seeds/encoding-doubt.txt", ("Renault et Volkswagen en Chine\n\nBy Sun Lei\n\nPosted on December 23, "
               "2023\n\nLe groupe a baissé ses prix sur plusieurs modèles cette année face à la concurrence de Tesla "
               "et de Geely. Die Händler im Nordosten berichten von mehr Kunden in den Ausstellungsräumen.\n")
               .encode("cp1252"))
REDOS = Path(__file__).parent / "redos"  # issue 14's hangs and RecursionErrors (tests/test_hostile_redos.py)


def redos() -> None:
    """Small seeds that hung the build or crashed MkDocs; the megabyte-sized ones are made at test time."""
    lede = "BYD sold more cars than ever in the third quarter, the company said on Friday in a filing.\n\n"

    def editor(name: str, title: str, body: str) -> None:
        (REDOS / name).write_text(f"---\ntitle: {title}\n---\n\n{lede}{body}\n", encoding="utf-8")

    REDOS.mkdir(exist_ok=True)
    editor("inline-link.md", "A link target that took the build exponential time",
           "See [the filing](https://example.com/a-very-long-path-to-the-filing>x) for the details.")
    editor("nested-list.md", "A list nested 3,000 deep", "- " * 3000 + "a")
    editor("nested-quote.md", "A quote nested 3,000 deep", "> " * 3000 + "a")
    editor("nested-emphasis.md", "Emphasis nested 5,000 deep", "*a " * 5000 + "a*" * 5000)
    editor("nested-brackets.md", "Brackets nested 3,000 deep", "[" * 3000 + "a" + "](x)" * 3000)
    (REDOS / "long-title.md").write_text("---\ntitle: '" + "[" * 30_000 + "'\n---\n\n" + lede, encoding="utf-8")
    (REDOS / "markup-line.txt").write_text("A scraped page with a line of pipes\n\n" + lede + "|" * 1500 + "\n",
                                           encoding="utf-8")


if __name__ == "__main__":
    main()
    script_fixtures()
    yaml_fixtures()
    text_field_fixtures()
    reserved_path_fixtures()
    common_word_fixtures()
    encoding_fixtures()
    redos()
