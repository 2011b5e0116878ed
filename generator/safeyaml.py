"""Safe YAML: the one place that parses YAML from editors (front matter, the registry, hand-written pages' meta).

PyYAML's C loader composes nested collections by recursion on the C stack: a line of 50,000 `[` kills the process
with SIGSEGV, no traceback and no message (the pure-Python loader raises RecursionError at a few hundred levels).
libyaml's parser is not recursive, so the events are read first, and reading stops at the first collection nested
deeper than MAX_DEPTH; only text that passed is composed. Stopping early also bounds the parser's own work, which
grows with the square of the flow nesting (100,000 `[` read to the end take seconds).

Aliases are refused: a dozen lines of anchors can stand for a billion nodes ("billion laughs"). The loader shares
them, but anything that walks the value (str(), a template, a JSON dump) would expand them. Scalars are not
limited here: they cost memory in proportion to their length, and callers cap the size of what they parse where
it matters (front matter).
"""

from __future__ import annotations

import yaml

MAX_DEPTH = 20  # nested sequences and mappings; real front matter and registry entries use 4 at most

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: an order of magnitude faster
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class LimitError(yaml.YAMLError):
    """Well-formed YAML that is refused: `problem` says why, `line` is the 0-based line (as YAML marks count)."""

    def __init__(self, problem: str, line: int) -> None:
        self.problem, self.line = problem, line
        super().__init__(f"{problem} (line {line + 1})")


def check_limits(text: str) -> None:
    """Raise LimitError for nesting deeper than MAX_DEPTH or an alias, yaml.YAMLError for invalid YAML."""
    parser = Loader(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LimitError(f"nests deeper than {MAX_DEPTH} levels", _line(event))
            elif isinstance(event, _CLOSE):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                raise LimitError(f"uses an alias (*{event.anchor}): write the value out instead", _line(event))
    finally:
        parser.dispose()


def load(text: str, loader: type = Loader) -> object:
    """The value of a one-document YAML text, once check_limits has passed it (raises as check_limits does, or
    another yaml.YAMLError)."""
    check_limits(text)
    return yaml.load(text, Loader=loader)  # callers pass SafeLoader subclasses only


def compose(text: str) -> yaml.Node | None:
    """The node tree of a one-document YAML text (for line numbers), once check_limits has passed it."""
    check_limits(text)
    return yaml.compose(text, Loader=Loader)


def compose_and_load(text: str) -> tuple[yaml.Node | None, object]:
    """The node tree and the value of a one-document YAML text, from one parse, once check_limits has passed it."""
    check_limits(text)
    parser = Loader(text)
    try:
        node = parser.get_single_node()
        return node, (parser.construct_document(node) if node is not None else None)
    finally:
        parser.dispose()


def _line(event: yaml.Event) -> int:
    """The 0-based line an event starts on (0 when the parser gave no position)."""
    return event.start_mark.line if event.start_mark is not None else 0
