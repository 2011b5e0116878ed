"""The allow-list every page's HTML goes through (generator/sanitise.py): what the site makes is kept, every way
of running script or loading from elsewhere is dropped."""

from __future__ import annotations

import pytest

from generator.sanitise import sanitise_html, sanitise_text

# HTML of the kinds Python-Markdown, the site's extensions and the templates write, as the sanitiser returns it
# (in nh3's serialisation: ¶ for &para;, <br> for <br />, data-search-exclude="").
KEPT = (
    '<h1 id="baic-group">BAIC Group<a class="headerlink" href="#baic-group" title="Permanent link">¶</a></h1>',
    '<h2 data-search-exclude="" id="key-figures">Key figures</h2>',
    ('<div class="briefing-tags" data-search-exclude="">\n<p><span class="briefing-tags__label">Companies</span> '
    '<a class="chip" href="../../companies/byd/">BYD</a> <a class="chip chip--topic" href="../../topics/ev/">EV</a>'
    '</p>\n</div>'),
    ('<div class="admonition abstract key-figures" data-search-exclude=""><p class="admonition-title">Key figures</p>'
    '<ul>\n<li><strong>25%</strong> — share</li>\n</ul></div>'),
    '<nav class="pager" data-search-exclude=""><p><a href="../page/2/">Older →</a></p></nav>',
    ('<table>\n<thead>\n<tr>\n<th>Topic</th>\n<th align="right">Briefings</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
    '<td><a href="topics/ev/">EV</a></td>\n<td align="right">3</td>\n</tr>\n</tbody>\n</table>'),
    '<pre><code class="language-sh">make site   # &lt;b&gt; &amp; "quoted"\n</code></pre>',
    ("<p>Text with <em>emphasis</em>, <code>code</code>, <abbr title=\"Battery electric vehicle\">BEV</abbr>, "
    "a <a href=\"https://example.com/a?b=1&amp;c=2\">link</a>, <a href=\"mailto:news@example.com\">mail</a> "
    "and <a href=\"#section\">an anchor</a>.<br>Next line.</p>"),
    "<blockquote>\n<p>Quoted</p>\n</blockquote>\n<hr>\n<ol start=\"3\">\n<li>three</li>\n</ol>",
    "<details open=\"\"><summary>More</summary><p>Hidden text</p></details>",
    '<p><img src="../assets/chart.png" alt="A chart"></p>',
    '<p lang="zh">北汽集团</p>',
)


@pytest.mark.parametrize("html", KEPT)
def test_what_the_site_makes_is_kept(html: str) -> None:
    assert sanitise_html(html) == html


# Hostile HTML -> what is left of it.
DROPPED = {
    '<img src="x" onerror="alert(1)">': '<img src="x">',
    '<p onclick="alert(1)" onmouseover="alert(2)" style="color:red">p</p>': "<p>p</p>",
    "<script>alert(1)</script><p>after</p>": "<p>after</p>",
    "<style>body{display:none}</style><p>after</p>": "<p>after</p>",
    '<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">': "",
    '<svg onload="alert(1)"><script>alert(1)</script></svg>': "",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>': "",
    '<form action="https://evil.example/"><input name="q" onfocus="alert(1)" autofocus>'
    '<button formaction="javascript:alert(1)">go</button></form>': "go",
    '<template><img src="x" onerror="alert(1)"></template><noscript><p>x</p></noscript>': "",
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">'
    '<link rel="stylesheet" href="https://evil.example/x.css">': "",
    '<a href="javascript:alert(1)">a</a>': "<a>a</a>",
    '<a href=" JavaScript:alert(1)">a</a>': "<a>a</a>",
    '<a href="java\tscript:alert(1)">a</a>': "<a>a</a>",
    '<a href="jav&#x0A;ascript:alert(1)">a</a>': "<a>a</a>",
    '<a href="&#106;avascript:alert(1)">a</a>': "<a>a</a>",
    '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">a</a>': "<a>a</a>",
    '<a href="vbscript:msgbox(1)">a</a>': "<a>a</a>",
    '<a href="file:///etc/passwd">a</a>': "<a>a</a>",
    '<a href="ftp://example.com/x">a</a>': "<a>a</a>",
    '<a href="x" target="_blank" rel="opener" data-md-component="search">a</a>': '<a href="x">a</a>',
    '<img src="https://tracker.example/pixel.png" alt="pixel">': '<img alt="pixel">',
    '<img src="//tracker.example/pixel.png">': "<img>",
    '<img src="\\\\tracker.example/pixel.png">': "<img>",
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">': "<img>",
    '<img src="x.png" srcset="https://tracker.example/p.png 2x">': '<img src="x.png">',
    '<h2 id="__config">Config</h2><p id="__search">s</p>': "<h2>Config</h2><p>s</p>",
    '<table><tr><td align="justify" style="text-align: right;">1</td></tr></table>':
        "<table><tbody><tr><td>1</td></tr></tbody></table>",
    '<p>a<!-- <script>alert(1)</script> -->b</p>': "<p>ab</p>",
}


@pytest.mark.parametrize(("html", "expected"), DROPPED.items())
def test_script_frames_forms_and_foreign_urls_are_dropped(html: str, expected: str) -> None:
    assert sanitise_html(html) == expected


def test_text_only_drops_every_tag_and_keeps_the_text_escaped() -> None:
    assert sanitise_text("A &amp; B &lt;C&gt;") == "A &amp; B &lt;C&gt;"
    assert sanitise_text('a <code>b</code> <img src=x onerror="alert(1)"><script>alert(1)</script>c') == "a b c"
    assert sanitise_text("BAIC’s “plan”") == "BAIC’s “plan”"


def test_the_hook_cuts_every_table_of_contents_title_to_text() -> None:
    """Material prints toc_item.title unescaped; Python-Markdown escapes it today, the hook makes sure of it."""
    from mkdocs.structure.toc import AnchorLink

    from generator.mkdocs_hook import _sanitise_toc

    top = AnchorLink('Top <img src=x onerror="alert(1)">', "top", 1)
    child = AnchorLink("<script>alert(1)</script>Q&amp;A <b>bold</b>", "child", 2)
    top.children.append(child)
    _sanitise_toc([top], sanitise_text)
    assert (top.title, child.title) == ("Top ", "Q&amp;A bold")
