"""Chinese runs marked lang="zh" in a page's text, and nowhere else (generator/accessibility.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.accessibility import ZH_CLOSE, ZH_OPEN, mark_chinese


@pytest.mark.parametrize(("html", "marked"), [
    ("<p>BAIC Group (北汽集团) said so.</p>", '<p>BAIC Group (<span lang="zh">北汽集团</span>) said so.</p>'),
    # Chinese punctuation and digits belong to the run: before it, inside it and after it.
    ("<li>2024年3月，北汽《新闻》。</li>", '<li><span lang="zh">2024年3月，北汽《新闻》。</span></li>'),
    ("<p>（北汽）and 长安</p>", '<p><span lang="zh">（北汽）</span>and <span lang="zh">长安</span></p>'),
    ("Q3 2024 北汽 2025", 'Q3 2024 <span lang="zh">北汽</span> 2025'),
    ("<a href=\"/x\">北汽</a>", '<a href="/x"><span lang="zh">北汽</span></a>'),
])
def test_runs_of_chinese_in_text_are_marked(html: str, marked: str) -> None:
    assert mark_chinese(html) == marked


@pytest.mark.parametrize("html", [
    '<meta name="description" content="北汽集团">',  # attributes
    '<a title="x > 北汽 \' y" href="#">BAIC</a>',  # a quoted ">" and quote do not end the tag
    "<title>北汽 - China Auto Market Briefings</title>",  # the title is text only
    "<script>var s = '北汽<b>';</script>",  # scripts are hashed by the Content-Security-Policy
    "<STYLE>p::after { content: '北汽' }</STYLE>",
    "<!-- 北汽 -->",
    '<a title="北汽',  # an unterminated tag: the rest is markup
    "<p>No Chinese here.</p>",
])
def test_markup_is_left_as_it_is(html: str) -> None:
    assert mark_chinese(html) == html


def test_a_whole_page_keeps_its_head_and_scripts_and_marks_its_body() -> None:
    page = ('<!doctype html><html lang="en"><head><title>北汽</title><meta content="长安"></head><body>'
            '<script>if (a<b) x = "北汽";</script><h1>北汽集团</h1></body></html>')
    assert mark_chinese(page) == page.replace("<h1>北汽集团</h1>", '<h1><span lang="zh">北汽集团</span></h1>')


@given(st.text(alphabet=st.sampled_from("北汽，。《》（）2024 aB&;.-\n")))
def test_text_gains_spans_and_loses_nothing(text: str) -> None:
    marked = mark_chinese(text)
    assert marked.replace(ZH_OPEN, "").replace(ZH_CLOSE, "") == text
    assert marked.count(ZH_OPEN) == marked.count(ZH_CLOSE)
    outside = marked
    while ZH_OPEN in outside:
        start = outside.index(ZH_OPEN)
        outside = outside[:start] + outside[outside.index(ZH_CLOSE, start) + len(ZH_CLOSE):]
    assert not set(outside) & set("北汽")
