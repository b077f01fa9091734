"""The ``dates:`` section of the config, validated with file, line and key in every error.

```yaml
date_order: dmy          # top level: how to read 03/04/2025 (mdy or dmy)
dates:
  locale: en-GB          # a hint when date_order is not set: en-US reads month first, other English day first
  undated: skip          # drafts with no date of their own: 'skip' relative and tense checks, or judge at 'today'
  yearless_window: 60    # judge the tense of a date written without a year only within this many days
```
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lint.errors import ConfigError

KEYS = {
    "locale": "a language tag such as en-US or en-GB; fixes the order of numeric dates when date_order is not set",
    "undated": "'skip' (default) or 'today': how to judge relative and tense checks in a draft with no date",
    "yearless_window": "days (1-183, default 60): a date without a year is judged for tense only this close",
}
#: Regions that write the month first; every other English locale writes the day first.
MONTH_FIRST_REGIONS = {"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"}
_LOCALE = regex.compile(r"^(?P<lang>[a-z]{2,3})(?:[-_](?P<region>[A-Za-z]{2}|\d{3}))?$")


@dataclass(frozen=True)
class DateSettings:
    order: str = "mdy"
    #: What fixed the order of numeric dates: 'date_order', 'locale', or None (a default that proves nothing).
    order_source: str | None = None
    undated: str = "skip"
    yearless_window: int = 60


def settings_for(config) -> DateSettings:
    """The date settings of a config (validated once per config object)."""
    if config is None:
        return DateSettings()
    cached = getattr(config, "_date_settings", None)
    if cached is None:
        cached = _parse(config)
        try:
            object.__setattr__(config, "_date_settings", cached)
        except AttributeError:  # pragma: no cover - a config that takes no attributes
            pass
    return cached


def _parse(config) -> DateSettings:
    section = config.section("dates")
    path = getattr(config, "path", None)

    def error(message: str, key: str) -> ConfigError:
        line = section.line_of(key) if hasattr(section, "line_of") else None
        return ConfigError(f"dates.{key}: {message}", path, line, f"dates.{key}")

    for key in section:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), sorted(KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(sorted(KEYS))}"
            raise error(f"unknown key {key!r}{hint}", str(key))
    order, source = getattr(config, "date_order", "mdy"), None
    if getattr(config, "date_order_set", False):
        source = "date_order"
    locale = section.get("locale")
    if locale is not None:
        m = _LOCALE.match(locale) if isinstance(locale, str) else None
        if not m:
            raise error(f"must be a language tag such as en-US or en-GB, not {locale!r}", "locale")
        if m.group("region") and source is None:
            order = "mdy" if m.group("region").upper() in MONTH_FIRST_REGIONS else "dmy"
            source = "locale"
    undated = section.get("undated", "skip")
    if undated not in ("skip", "today"):
        raise error(f"must be 'skip' or 'today', not {undated!r}", "undated")
    window = section.get("yearless_window", 60)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 183:
        raise error(f"must be a whole number of days from 1 to 183, not {window!r}", "yearless_window")
    return DateSettings(order, source, undated, window)
