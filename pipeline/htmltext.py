"""Text of an HTML page saved as .txt: tags dropped, blocks kept as paragraphs, never rendered."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_SIGNS_RE = re.compile(
    r"<!doctype html|<(?:html|body|head)[\s>]"
    r"|<(?:p|div|span|br|a|li|h[1-6]|script|style)[\s>/]",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote "
    "pre title hr nav aside main figure figcaption dd dt".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


def looks_like_html(text: str) -> bool:
    """True when the text has at least three HTML tags such as <p>, <div> or <html>."""
    return len(_HTML_SIGNS_RE.findall(text, 0, 200_000)) >= 3


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one paragraph per block element; scripts and styles dropped."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
