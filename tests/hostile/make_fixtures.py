"""Writes the hostile seed fixtures in seeds/ and redos/ (run from this folder: python make_fixtures.py).

The files are committed; this script documents how each was made (encodings, line endings, junk files),
so a case can be regenerated or added without a hex editor. Large inputs (over 10 MB, a 3 MB carousel)
are made by tests/test_hostile.py at run time instead of being committed.
"""

from __future__ import annotations

import codecs
from pathlib import Path

SEEDS = Path(__file__).parent / "seeds"
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
    redos()
