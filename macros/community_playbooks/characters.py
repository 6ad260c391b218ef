"""The characters contributor text may hold, and text made safe to print.

The rule book refuses every other character in every string of an entry; what the engine
prints for people or machines (a terminal, a CI log, an issue) neutralises them again, in
case one ever gets past: an escape sequence can erase a terminal line, plant a hidden link
or set the window title.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters (C0 but the tab and the line feed, DEL, C1) rewrite a terminal line or
# stop a YAML reader; surrogates and noncharacters are not text at all; format characters
# (Cf) hide in copied text or reorder it, except the zero-width joiner that emoji sequences
# need; line and paragraph separators break lines where no reader expects one.
_WRITTEN_CONTROLS = "\t\n"
_ZERO_WIDTH_JOINER = "\u200d"
_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
                  "\x0c": "FORM FEED", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE"}
# every character that is not printable, tab and line feed aside: the candidates
_UNPRINTABLE = re.compile(r"[^\t\n\x20-\x7e]")


def is_hidden(char: str) -> bool:
    """Whether a character is one that no text of ours may hold."""
    if char.isprintable() or char in _WRITTEN_CONTROLS:
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cs", "Zl", "Zp") or (category == "Cf" and char != _ZERO_WIDTH_JOINER) \
        or _is_noncharacter(char)


def hidden_character(value: str) -> tuple[int, str] | None:
    """The position and character of the first hidden character in ``value``, or None."""
    if value.isprintable():  # every hidden character is unprintable: most strings stop here
        return None
    return next(((i, char) for i, char in enumerate(value) if is_hidden(char)), None)


def describe_character(char: str) -> str:
    """"the control character U+001B (ESCAPE)", as a message names it."""
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cc":
        name = _CONTROL_NAMES.get(char) or ("a C1 control" if 0x80 <= code <= 0x9F else "a C0 control")
        return f"the control character U+{code:04X} ({name})"
    if category == "Cs":
        return f"the surrogate U+{code:04X} (half of a character, not text)"
    if _is_noncharacter(char):
        return f"the noncharacter U+{code:04X} (not text)"
    return f"the invisible character U+{code:04X} ({unicodedata.name(char, 'a format character').lower()})"


def neutralised(text: str) -> str:
    """``text`` with every hidden character written out as ``\\u001b`` (line breaks, tabs and
    everything a reader can see stay as they are)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}" if is_hidden(m[0]) else m[0], text)


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
