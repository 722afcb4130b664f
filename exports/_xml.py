"""XML text helpers shared by the GraphML and GEXF writers.

News text carries characters XML 1.0 forbids (C0 controls other than tab, newline and
carriage return, lone surrogates, U+FFFE/U+FFFF): one such byte makes every XML parser
reject the whole file. They are replaced by U+FFFD (the Unicode replacement character),
so the loss is visible in the output rather than silent. Carriage returns are written
as ``&#13;`` so that parsers' line-end normalisation does not turn them into newlines.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\r\"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_TABLE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)


def needs_escape(text: str) -> bool:
    return _NEEDS_ESCAPE.search(text) is not None


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 cannot carry replaced by U+FFFD (no escaping)."""
    return _INVALID_XML.sub(REPLACEMENT, text)


def escape_text(text: str) -> str:
    """Element content: XML-safe and escaped. Fast path for the common clean string;
    chained ``str.replace`` beats ``str.translate`` with a dict by far on long strings."""
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    text = _INVALID_XML.sub(REPLACEMENT, text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def escape_attr(text: str) -> str:
    """A double-quoted attribute value: XML-safe, escaped, whitespace kept as references."""
    if _NEEDS_ESCAPE.search(text) is None and "\n" not in text and "\t" not in text:
        return text
    return _INVALID_XML.sub(REPLACEMENT, text).translate(_ATTR_TABLE)
