"""Safe YAML loading that remembers where every key and item came from.

PyYAML forgets line numbers once it builds Python objects, silently keeps the
last of two duplicate keys, and (YAML 1.1) turns `09:00` into the number 540
and `no` into False. Each of those would let a policy say something other than
what its author wrote, so this loader keeps lines, rejects duplicates and only
resolves plain integers, decimals, true/false and null; dates and times stay
strings and the schema parses them, so an impossible date is reported with its
field.

A policy file is also refused, with its line, before anything is built from
it, when its shape could hang or crash what reads it: aliases (`*name`, which
can multiply a small file into an enormous one), nesting deeper than anything
a policy needs, text that cannot be written as UTF-8 (a lone surrogate), and
files larger than any policy.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
import yaml.composer  # loaded by `import yaml` too; named so a type checker knows it

from .errors import PolicyError, SourceProblem


class LocatedDict(dict):
    """A mapping that knows the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence that knows the line of each item (1-based)."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


MAX_BYTES = 2_000_000   # the largest word list is about 30 KB
MAX_DEPTH = 32          # a council file nests about 6 deep

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


if TYPE_CHECKING:  # what the loaders mixing it in are: a parser and a composer
    _GuardedBase = yaml.SafeLoader
else:
    _GuardedBase = object


class _Guarded(_GuardedBase):
    """The composing step both loaders share: refuses aliases and deep nesting."""

    depth = 0

    def compose_node(self, parent, index):
        # An alias repeats a node: a few lines of them make an enormous document.
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a policy file: write the value out where it is needed",
                self.peek_event().start_mark)
        # Composing recurses: refuse depth no policy needs, before Python's stack runs out.
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} deep",
                                              self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Guarded, yaml.SafeLoader):
    """PyYAML's own parser, in Python: its messages are the ones authors are shown."""


try:  # libyaml, when PyYAML was built with it
    from yaml._yaml import CParser as _FastParser
except ImportError:  # pragma: no cover
    _FastParser = None

if _FastParser is not None:
    class _FastLoader(_Guarded, yaml.composer.Composer, _FastParser,
                      yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml reads the text into events; composing (with the guards above),
        resolving and constructing stay the Python code the other loader runs,
        so the values and lines are the same. Reading the text was four fifths
        of loading a policy (`make bench`, "load" figure: tests/benchmarks/bench_build.py)."""

        def __init__(self, stream):
            assert _FastParser is not None  # this class is made only when it is not
            _FastParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:  # pragma: no cover - PyYAML without libyaml
    _FastLoader = None  # pyright: ignore[reportAssignmentType] - no class to make: tested for None before use

_LOADERS = tuple(loader for loader in (_Loader, _FastLoader) if loader is not None)

for _loader in _LOADERS:
    _loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT, _TIMESTAMP)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    # Numbers of at most 15 digits: longer ones stay text, which the schema then
    # refuses as "not a number" (Python refuses to convert 4,300 digits or more).
    _loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,14})$"), list("-+0123456789"))
    _loader.add_implicit_resolver(_FLOAT, re.compile(r"^[-+]?[0-9]{1,15}\.[0-9]{1,15}$"), list("-+0123456789"))


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A key given twice in one mapping; reported with the key as its field."""

    problem: str  # both always given (below), where the base class may have none
    problem_mark: yaml.Mark

    def __init__(self, key, first_line: int, mark):
        super().__init__(None, None, f"duplicate key {key!r} (first at line {first_line})", mark)
        self.key = key


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark)
        if key in result:
            raise _DuplicateKey(key, result.key_lines[key], key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in _LOADERS:
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


# What the YAML parser says, and what an author should do about it.
_HINTS = (
    ("mapping values are not allowed here",
     ": a text that holds ': ' must be in quotes (\"like: this\") or written as a block after '|'"),
    ("found character '\\t' that cannot start any token", ": indent with spaces, not tabs"),
    ("found undefined alias", ": write the value out where it is needed"),
    ("expected <block end>, but found '-'", ": the list item is indented differently from the items before it"),
)


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to here when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(node, shown: str) -> None:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate, which
    YAML's "\\ud800" escape makes), naming its line."""
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            found = _SURROGATE.search(node.value)
            if found:
                raise PolicyError([SourceProblem(shown, node.start_mark.line + 1, "",
                                                 f"character U+{ord(found[0]):04X} (a lone surrogate) is not text: "
                                                 "remove it")])
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)


def load_yaml(path: Path):
    """Parse one YAML file; any syntax problem becomes a PolicyError naming the line."""
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PolicyError([SourceProblem(shown, 0, "", f"larger than {MAX_BYTES:,} bytes: not a policy file")])
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError([SourceProblem(shown, 0, "", f"cannot read: {exc}")]) from None
    if _FastLoader is not None:
        try:
            return _compose_and_construct(_FastLoader, text, shown)
        except PolicyError:
            pass  # read again below, by the loader whose messages authors are shown (libyaml words them otherwise)
    return _compose_and_construct(_Loader, text, shown)


def _compose_and_construct(kind, text: str, shown: str):
    loader = None
    try:
        loader = kind(text)
        node = loader.get_single_node()
        # Decoded UTF-8 holds no surrogate: only a \u or \U escape makes one. Not
        # walking every node of a file without either was a twentieth of a check
        # from cold (tests/benchmarks/bench_cli_start.py).
        if "\\u" in text or "\\U" in text:
            _check_text(node, shown)
        return loader.construct_document(node) if node is not None else None
    except _DuplicateKey as exc:
        raise PolicyError([SourceProblem(shown, exc.problem_mark.line + 1, str(exc.key), exc.problem)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        message = " ".join(m for m in (exc.context, exc.problem) if m)
        hint = next((h for says, h in _HINTS if says in message), "")
        raise PolicyError([SourceProblem(shown, line, "", f"invalid YAML: {message}{hint}")]) from None
    except yaml.YAMLError as exc:
        raise PolicyError([SourceProblem(shown, 0, "", f"invalid YAML: {exc}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
