"""Plots for the report: SVG files the workflow wrote, reduced to inert drawing markup."""

from __future__ import annotations

import functools
import html
import re
from typing import Any
from xml.etree import ElementTree

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_NS = "{http://www.w3.org/1999/xlink}"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
SVG_ELEMENTS = frozenset(
    "svg g path defs clipPath use text tspan rect circle ellipse line polyline polygon title "
    "desc linearGradient radialGradient stop pattern mask symbol marker image".split()
)  # no script, style, foreignObject, a, animate/set, metadata: dropped with their content
SAFE_IMAGE_PREFIXES = ("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;")
_URL_REF_RE = re.compile(r"""url\(\s*(['"]?)#([^)'"\s]+)\1\s*\)""")
_OTHER_URL_RE = re.compile(r"""url\(\s*['"]?(?!#)""", re.IGNORECASE)
_UNSAFE_VALUE_RE = re.compile(r"javascript:|vbscript:|data:text|@import|expression\(", re.I)
MAX_SVG_DEPTH = 64


def _attribute_name(name: str) -> str | None:
    if name.startswith(XLINK_NS):
        return "xlink:" + name[len(XLINK_NS) :]
    if name.startswith(XML_NS):
        return "xml:" + name[len(XML_NS) :]
    if name.startswith("{"):
        return None  # other namespaces (rdf:, inkscape:...) are not needed to draw
    return name


# a plot repeats its attributes (a style, a clip-path, a marker's href: 6,000 distinct of
# 24,000 in a report's 18 plots); each distinct one is checked and escaped once
@functools.lru_cache(maxsize=16_384)
def _safe_attribute(
    tag: str, raw_name: str, value: str, prefix: str
) -> tuple[str, str, str] | None:
    """(name, value, its markup ``' name="value"'``) of one attribute as the page keeps it,
    or None when it is dropped."""
    name = _attribute_name(raw_name)
    if name is None or name.lower().startswith("on"):
        return None
    compact = "".join(value.split())
    if _UNSAFE_VALUE_RE.search(compact):
        return None
    if name in ("href", "xlink:href"):
        if value.startswith("#"):
            value = f"#{prefix}{value[1:]}"
        elif not (tag == "image" and value.startswith(SAFE_IMAGE_PREFIXES)):
            return None
    elif name == "id":
        value = prefix + value
    if "url(" in value:
        value = _URL_REF_RE.sub(lambda m: f"url(#{prefix}{m.group(2)})", value)
        if _OTHER_URL_RE.search(value):
            return None
    return name, value, f' {name}="{html.escape(value, quote=True)}"'


def _serialise(element: Any, prefix: str, depth: int, parts: list[str], extra: str) -> None:
    tag = element.tag[len(SVG_NS) :] if element.tag.startswith(SVG_NS) else None
    if tag not in SVG_ELEMENTS or depth > MAX_SVG_DEPTH:
        return
    kept = [_safe_attribute(tag, k, v, prefix) for k, v in element.attrib.items()]
    attrs = [a for a in kept if a is not None]
    if depth == 0:
        width = {k: v for k, v, _ in attrs}.get("width", "")
        attrs = [a for a in attrs if a[0] not in ("width", "height", "style")]
        attrs.append(("width", "100%", ' width="100%"'))
        if width:
            attrs.append(
                ("style", "", f' style="{html.escape(f"max-width: {width}", quote=True)}"')
            )
    parts.append(f"<{tag}")
    parts.extend(markup for _, _, markup in attrs)
    parts.append(extra + ">")
    if element.text:
        parts.append(html.escape(element.text, quote=False))
    for child in element:
        _serialise(child, prefix, depth + 1, parts, "")
        if child.tail:
            parts.append(html.escape(child.tail, quote=False))
    parts.append(f"</{tag}>")


def sanitised_svg(data: bytes, *, id_prefix: str, labelled_by: str = "") -> str:
    """An SVG file as inline markup with no script, event handler, external reference or style.

    Element ids (and their ``url(#...)`` / ``href="#..."`` references) get ``id_prefix`` so
    several plots can share one page. Raises ``ValueError`` for files that are not plain SVG.
    """
    if b"<!ENTITY" in data:
        raise ValueError("SVG declares entities")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from exc
    if root.tag != f"{SVG_NS}svg":
        raise ValueError("root element is not <svg>")
    extra = ' role="img" focusable="false"'
    if labelled_by:
        extra += f' aria-labelledby="{html.escape(labelled_by, quote=True)}"'
    parts: list[str] = []
    _serialise(root, id_prefix, 0, parts, extra)
    return "".join(parts)
