"""A short message for a config that config/schema.yaml refuses.

Snakemake's ``validate`` prints the whole schema after the error (about 700 lines for this
one), which hides the one key that is wrong; these functions name that key and what it may be.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

# Longer values are cut in a message (a list of fifty actors, say).
MAX_VALUE_CHARS = 200


def reads_as_other_type(value: Any) -> bool:
    """Whether ``value`` is text that YAML reads as a number, a yes/no, null or a list
    (``'0.9'``, ``'null'``): what a nested value given with ``--config`` becomes."""
    if not isinstance(value, str):
        return False
    try:
        return value.strip() != "" and not isinstance(yaml.safe_load(value), str)
    except yaml.YAMLError:
        return False


# keys a release no longer reads, and what to do about them
RETIRED_KEYS = {
    "frames.bootstrap_samples": "the frame intervals are exact (Clopper-Pearson and MOVER) "
    "since 2026-12-05, so no bootstrap is drawn: remove the key",
    "frames.seed": "the frame intervals are exact (Clopper-Pearson and MOVER) since 2026-12-05, "
    "so no random numbers are drawn: remove the key",
}


def config_error_message(error: Any) -> str:
    """One paragraph for a jsonschema ``ValidationError`` of the workflow config: the key's
    dotted path, what is wrong with its value and, for an unknown key, the closest known key
    and the keys allowed there."""
    path = [str(part) for part in error.absolute_path]
    where = ".".join(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = sorted(error.schema.get("properties", {}))
        unknown = sorted(str(key) for key in error.instance if key not in known)
        retired = [n for key in unknown if (n := ".".join([*path, key])) in RETIRED_KEYS]
        unknown = [key for key in unknown if ".".join([*path, key]) not in RETIRED_KEYS]
        names = ", ".join(".".join([*path, key]) for key in unknown)
        said = "".join(f"Config key {n} is no longer used: {RETIRED_KEYS[n]}. " for n in retired)
        if not unknown:
            return said.rstrip()
        close = [difflib.get_close_matches(key, known, n=1, cutoff=0.6) for key in unknown]
        guess = " or ".join(repr(".".join([*path, m[0]])) for m in close if m)
        return said + (
            (
                f"Config keys {names} are not keys"
                if len(unknown) > 1
                else f"Config key {names} is not a key"
            )
            + " the workflow knows"
            + (f" (did you mean {guess}?)" if guess else "")
            + (
                f". The keys {'of ' + where if where else 'at the top level'} are: "
                + ", ".join(known)
                if known
                else f". The section {where} takes no keys"
            )
            + ". Each is described in config/schema.yaml"
            + (", where a new stage's section is added too." if not where else ".")
        )
    message = str(error.message)
    if error.instance is None:  # YAML's empty value, not Python's name for it
        message = "an empty value (null)" + message.removeprefix("None")
    if len(message) > MAX_VALUE_CHARS:
        message = message[: MAX_VALUE_CHARS - 3] + "..."
    if error.validator == "type" and len(path) > 1 and reads_as_other_type(error.instance):
        message += (
            " (a nested value given with --config arrives as text: set it in a --configfile, "
            "see README, Configuration)"
        )
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    return f"Config key {where or '(the whole config)'}: {message}." + (
        f" About the key: {description}" if description else ""
    )


def _asks_integer(schema: Any) -> bool:
    kind = schema.get("type") if isinstance(schema, dict) else None
    return kind == "integer" or (isinstance(kind, list) and "integer" in kind)


def whole_numbers_as_ints(config: Any, schema: Any, path: tuple[str, ...] = ()) -> list[str]:
    """Make each whole-number float ``config`` holds where ``schema`` asks for an integer an
    int, in place, and return their dotted keys. JSON Schema's integer takes ``2000.0``, which
    the stages refuse ("bootstrap_samples must be an int"): every chunk job had failed after
    the check had passed. A float with a fraction stays, for the schema to refuse."""
    changed: list[str] = []
    if not isinstance(config, dict) or not isinstance(schema, dict):
        return changed
    for key, sub in (schema.get("properties") or {}).items():
        if key not in config:
            continue
        value, where = config[key], ".".join((*path, str(key)))
        if _asks_integer(sub) and _whole_float(value):
            config[key] = int(value)
            changed.append(where)
        elif isinstance(value, list) and _asks_integer(sub.get("items")):
            if any(map(_whole_float, value)):
                config[key] = [int(v) if _whole_float(v) else v for v in value]
                changed.append(where)
        elif isinstance(value, dict):
            changed += whole_numbers_as_ints(value, sub, (*path, str(key)))
    return changed


def _whole_float(value: Any) -> bool:
    return isinstance(value, float) and value.is_integer()
