"""The Content-Security-Policy (generator/csp.py) and how the hook fills it in: hashes from Material's own
templates, never from the page; MkDocs' live-reload script allowed under `mkdocs serve`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files

from generator import mkdocs_hook
from generator.csp import allow_script, inline_scripts, policy, script_hash

ROOT = Path(__file__).resolve().parent.parent


def test_a_script_is_allowed_by_the_sha256_of_its_text() -> None:
    # The example of the CSP specification (https://www.w3.org/TR/CSP3/#grammardef-hash-source).
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_the_policy_allows_the_site_and_the_listed_scripts_only() -> None:
    text = policy(["'sha256-b='", "'sha256-a='", "'sha256-b='"])
    directives = dict(d.split(" ", 1) for d in text.split("; "))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self' 'sha256-a=' 'sha256-b='",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'none'",
    }
    assert "unsafe" not in text
    assert not set(text) & set('"<>&')  # printed as it is into an attribute


def test_only_scripts_a_browser_runs_are_inline_scripts() -> None:
    html = ('<script>a()</script><script src="x.js"></script><script id="__config" type="application/json">{}'
            '</script><SCRIPT >b()</SCRIPT >')
    assert inline_scripts(html) == ["a()", "b()"]


def test_one_more_script_goes_into_the_first_policy_only() -> None:
    meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'sha256-a='\">"
    html = f"<head>{meta}</head><body><p>script-src 'self'</p>{meta}</body>"
    added = allow_script(html, "go()")
    assert added.count(script_hash("go()")) == 1
    assert added.index(script_hash("go()")) < added.index("</head>")


def test_the_live_reload_script_of_mkdocs_serve_is_allowed() -> None:
    inject = LiveReloadServer._inject_js_into_html.__get__(object())  # it uses nothing of the server
    page = (b"<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
            b"script-src 'self' 'sha256-a='\"></head><body><p>x</p></body></html>")
    served = mkdocs_hook.inject_allowed(inject, page, 42).decode()
    scripts = inline_scripts(served)
    assert len(scripts) == 1
    assert "livereload(42, " in scripts[0]
    assert f"script-src 'self' {script_hash(scripts[0])} 'sha256-a='" in served
    bare = b"<html><body>no policy</body></html>"
    # The script names its tab by the millisecond it was served: two calls may differ there and only there.
    tab = re.compile(rb"livereload\(42, \d+\)")
    assert tab.sub(b"", mkdocs_hook.inject_allowed(inject, bare, 42)) == tab.sub(b"", inject(bare, 42))


@pytest.fixture(scope="module")
def environment() -> tuple[object, object]:
    """MkDocs' configuration and the theme's template environment, with the hook's globals."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = mkdocs_hook.on_env(config.theme.get_env(), config, Files([]))
    return config, env


def test_the_policy_lists_materials_inline_scripts_for_the_page_depth(environment: tuple) -> None:
    config, env = environment
    features = config.theme["features"]
    expected = set()
    for base_url in (".", "..", "../.."):
        values = {"config": config, "base_url": base_url, "features": features}
        scripts = [s for name in ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                                  "partials/javascripts/content.html")
                   for s in inline_scripts(env.get_template(name).render(values))]
        assert len(scripts) == 3
        assert base_url in scripts[0]  # the base script embeds the page's base_url
        page = env.from_string("{{ content_security_policy() }}").render(values)
        assert sorted(re.findall(r"'sha256-[^']+'", page)) == sorted(script_hash(s) for s in scripts)
        expected.add(page)
    assert len(expected) == 3  # one policy for each depth


def test_the_policy_never_lists_a_script_of_the_page_itself(environment: tuple) -> None:
    config, env = environment
    values = {"config": config, "base_url": "..", "features": config.theme["features"]}
    clean = env.from_string("{{ content_security_policy() }}").render(values)
    smuggled = env.from_string("<script>alert(1)</script>{{ content_security_policy() }}").render(values)
    assert smuggled.endswith(clean)
    assert script_hash("alert(1)") not in smuggled
