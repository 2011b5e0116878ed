"""Each cleaning rule on its own fixtures: input lines -> the lines left as content (markdown-it-py style).

A rule runs after the rules before it in the chain, as it does in a build, so a fixture shows the rule
in the context it relies on (the headline rule, for one, needs the date lines already marked).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean import RULES, clean, span, to_doc

FIXTURES = Path(__file__).parent / "fixtures"
RULE_NAMES = {rule.name for rule in RULES}


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """Cases of a fixture file: a title line, '.', input, '.', expected, '.'."""
    cases, lines = [], path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == ".", f"{path.name}:{i + 2}: expected '.'"
        j = lines.index(".", i + 2)
        k = lines.index(".", j + 1)
        cases.append((title, "\n".join(lines[i + 2 : j]), "\n".join(lines[j + 1 : k])))
        i = k + 1
    return cases


def render(text: str, rule_name: str) -> str:
    """Run the chain up to and including `rule_name` ("span": every rule, then the span stage); show what stays
    (the headline prefixed with '# ')."""
    if rule_name == "span":
        doc = span.apply(clean(to_doc("fixture.txt", text)))
    else:
        upto = [r.name for r in RULES].index(rule_name)
        doc = clean(to_doc("fixture.txt", text), RULES[: upto + 1])
    out = []
    for index, line in enumerate(doc.lines):
        if index == doc.title_index:
            out.append("# " + line.text)
        elif line.is_content:
            out.append(line.text)
    return "\n".join(out)


CASES = [
    pytest.param(path.stem, title, given, expected, id=f"{path.stem}: {title}")
    for path in sorted(FIXTURES.glob("*.txt"))
    for title, given, expected in read_cases(path)
]


def test_every_rule_has_fixtures() -> None:
    """No rule ships without input -> expected examples."""
    assert {path.stem for path in FIXTURES.glob("*.txt")} == RULE_NAMES | {"span"}


@pytest.mark.parametrize(("rule", "title", "given", "expected"), CASES)
def test_rule(rule: str, title: str, given: str, expected: str) -> None:
    """The rule keeps exactly the expected lines."""
    assert render(given, rule) == expected
