"""Escaping record text for each format, so a note renders as the literal text it holds.

HTML uses `html.escape`; CSV, iCalendar and email rely on their own writers (the csv module,
icalendar, the email package). Markdown has no single escape function, so it lives here.
"""

from __future__ import annotations

import re

# Markdown characters escaped wherever they appear. `#` too: a trailing "#" in a heading would
# otherwise be eaten as a closing sequence. `<` stops raw HTML and autolinks.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~#])")
# "&amp;" or "&#39;" would be decoded as an entity; a lone "&" is harmless.
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: list bullets, setext underlines, ordered-list numbers.
_MD_LINE_START = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


_MD_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]<>|~#&]|^[-+=]|^\d+[.)]")


def md_line(text: str) -> str:
    """One line of record text, safe anywhere inline in Markdown (headings, list items)."""
    line = text.strip()
    if not _MD_NEEDS_ESCAPE.search(line):
        return line
    line = _MD_ANYWHERE.sub(r"\\\1", line)
    line = _MD_ENTITY.sub(r"\\&", line)
    line = _MD_LINE_START.sub(r"\\\1", line)
    return _MD_ORDERED.sub(r"\1\\\2", line)


def md_text(text: str, *, indent: str = "") -> str:
    """Record text that may span lines: each line escaped, lines joined by hard line breaks
    (a trailing backslash), continuation lines indented to stay inside a list item."""
    lines = [md_line(line) for line in text.split("\n") if line.strip()]
    return ("\\\n" + indent).join(lines)


def md_cell(text: str) -> str:
    """Record text inside a table cell: one line, pipes escaped."""
    return " ".join(md_line(line) for line in text.split("\n") if line.strip())
