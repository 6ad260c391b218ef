"""The one exception the engine raises about content, the problems it carries, and the one
way a contributor's value is quoted in a message."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any, Iterable


def quoted(value: Any, limit: int | None = 60) -> str:
    """A value as a message may show it: every character that is not printable (a newline, a
    tab, a bidi override, a zero-width space) written out as an escape, long values cut.

    Messages end up in terminals and CI logs: a raw newline in a file name or a key could
    start a line that GitHub Actions reads as a workflow command, and a bidi override could
    make a log line read differently from what it says.
    """
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(value))
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, located as precisely as the file allows."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str = ""
    message: str = ""
    hint: str = ""
    # what is left to do rather than wrong ("translation": a text a file marked
    # `needs_translation` does not have yet); it stops nothing
    todo: str = ""

    @property
    def fatal(self) -> bool:
        return not self.todo

    def __str__(self) -> str:
        where = quoted(self.file, None)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        parts = [where, quoted(self.field, 200), quoted(self.message, None)]
        text = ": ".join(p for p in parts if p)
        return f"{text}; {quoted(self.hint, None)}" if self.hint else text

    def github_annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on the diff line."""
        props = [f"file={_escape_property(quoted(self.file, None))}"]
        if self.line is not None:
            props.append(f"line={self.line}")
            props.append(f"col={self.column or 1}")
        title = quoted(self.field, 200) if self.field else "content"
        props.append(f"title={_escape_property(title)}")
        body = quoted(self.message, None) + (f"; {quoted(self.hint, None)}" if self.hint else "")
        return f"::{'error' if self.fatal else 'warning'} {','.join(props)}::{_escape_data(body)}"


class ContentError(Exception):
    """The content cannot be built; ``problems`` says where and why, every one of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        files = {p.file for p in self.problems}
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        lines.append(
            f"{count} problem{'s' if count != 1 else ''} in {len(files)} "
            f"file{'s' if len(files) != 1 else ''}; nothing was built."
        )
        return "\n".join(lines)


def fatal(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop a build: every one but what is left to do (``todo``)."""
    return [problem for problem in problems if problem.fatal]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or an empty string when nothing is close."""
    matches = get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or 0, problem.field, problem.message)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
