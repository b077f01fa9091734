"""Safe YAML loading that remembers the line of every key and list item.

Mappings load as :class:`LineDict` and sequences as :class:`LineList`; both
know their own line and the line of each key or item, so a validator can say
``config.yaml:12: unknown key 'selct'``.
"""

from __future__ import annotations

from functools import lru_cache

from lint.errors import ConfigError


class LineDict(dict):
    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list

    def line_of(self, i: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[i] if i < len(lines) else self.line


@lru_cache(maxsize=1)
def _loader():
    """The loader class, made on first use: a run whose rules and facts come from the cache store and
    that has no config file imports no YAML parser."""
    import yaml

    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: ~5x faster
        pass

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return _Loader


def _construct_mapping(loader, node):
    import yaml

    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def loads(text: str, path: str):
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise ConfigError(f"malformed YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"malformed YAML: {exc}", path) from None
    except (ValueError, TypeError) as exc:  # a value the constructor rejects: "from: 2022-13-01"
        raise ConfigError(f"malformed YAML value: {exc}", path) from None


def load(path: str):
    from lint.source import SourceError, read_setting_file

    try:
        text = read_setting_file(path).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError("no such file", path) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8 at byte {exc.start}", path) from None
    except SourceError as exc:
        raise ConfigError(str(exc), path) from None
    return loads(text, path)


def load_entries(path: str, key: str, what: str):
    """The entries of a YAML file that is a list, or a mapping holding the list under ``key``.

    An empty file has none; anything else is an error naming the file and line.
    ``what`` names the file's kind in that error ("rule pack", "facts file").
    """
    data = load(path)
    if data is None:
        return LineList()
    items = data.get(key) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(f"a {what} must be a list (or a mapping with a '{key}' list)", path,
                          getattr(data, "line", None))
    return items
