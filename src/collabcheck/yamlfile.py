"""Read YAML (or JSON, which is YAML) safely: bounded in size and alias expansion, with lines.

Mappings and lists come back as ``LineDict`` and ``LineList``, which remember the line each
item starts on, so that validation can say ``FILE:LINE: FIELD: message``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from collabcheck.errors import FileReadError, Problem
from collabcheck.textfiles import read_text

if TYPE_CHECKING:
    import yaml

# PyYAML is imported when a file is parsed, not with this module: importing it costs about as
# much as all of collabcheck's own modules (it compiles a large regular expression that only its
# pure-Python reader uses), and a checklist found in the cache (checklist_cache.py) needs none.

MAX_DEPTH = 100
"""Nesting deeper than this is refused before composing: libyaml's composer recurses in C."""

MAX_NODES = 200_000
"""Nodes a document may expand to, aliases followed; a 'billion laughs' file stops here."""


class LineDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int | None:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int | None = None
    item_lines: list[int]

    def line_of(self, index: int) -> int | None:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def line_of(container: object, key: Any) -> int | None:
    """The line of ``container[key]`` when the container remembers it."""
    if isinstance(container, LineDict):
        return container.line_of(key)
    if isinstance(container, LineList) and isinstance(key, int):
        return container.line_of(key)
    return None


@functools.cache
def _base_loader() -> type[yaml.SafeLoader]:
    import yaml

    try:  # The C loader parses about ten times faster; fall back where libyaml is missing.
        return yaml.CSafeLoader  # type: ignore[return-value]
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        return yaml.SafeLoader


@functools.cache
def _line_loader() -> type[yaml.SafeLoader]:
    """A safe loader whose mappings and sequences carry line numbers."""
    import yaml

    class LineLoader(_base_loader()):  # type: ignore[misc]
        pass

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return LineLoader


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    import yaml

    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in result:
            # PyYAML keeps the last of two equal keys: a typo that silently loses an answer.
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _check_expansion(root: yaml.Node, name: str) -> None:
    """Refuse documents whose aliases expand past MAX_NODES (walked without recursion)."""
    import yaml

    seen = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            raise FileReadError(
                [
                    Problem(
                        name,
                        None,
                        "",
                        f"refused: the document expands to more than {MAX_NODES:,} values "
                        "(too many aliases or too large)",
                    )
                ]
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _check_depth(text: str, name: str) -> None:
    """Refuse deep nesting from the event stream, which is flat, before anything recurses."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=_base_loader()):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise FileReadError(
                    [Problem(name, line, "", f"refused: nested more than {MAX_DEPTH} levels deep")]
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_text(text: str, name: str) -> Any:
    """Parse one YAML document from ``text``; ``name`` is the file name used in problems."""
    import yaml

    loader = _line_loader()(text)
    try:
        _check_depth(text, name)
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node, name)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise FileReadError([Problem(name, line, "", f"not valid YAML: {message}")]) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise FileReadError([Problem(name, None, "", f"not valid YAML: {message}")]) from None
    except RecursionError:
        raise FileReadError([Problem(name, None, "", "refused: nested too deeply")]) from None
    finally:
        loader.dispose()


def load_file(path: Path, name: str | None = None) -> Any:
    """Read and parse a YAML or JSON file safely; raise FileReadError on any failure."""
    return parse_text(read_text(path, name), name or str(path))
