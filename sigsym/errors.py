"""One base error and subclasses that say what went wrong.

Every error a user can cause is a ``SigsymError``; the CLI prints its one-line message and exits 2.
``InternalError`` is different: the engine disagreed with itself (say, a proof contradicted by
interval evaluation). It is never turned into a verdict.
"""

from __future__ import annotations


class SigsymError(Exception):
    """Bad input or environment: one line for the user, exit code 2."""

    exit_code = 2


class ParseError(SigsymError):
    """An expression, point or interval that is not in the language."""

    def __init__(self, message: str, column: int | None = None, text: str | None = None):
        where = f" at column {column}" if column is not None else ""
        super().__init__(f"{message}{where}")
        self.column = column
        self.text = text


class OptionError(SigsymError):
    """A property or an option that does not fit the property."""


class RouteError(SigsymError):
    """A derivation route that does not apply to the expression."""


class TheoremFileError(SigsymError):
    """A theorem file that cannot be read or validated."""


class OutputError(SigsymError):
    """An output file that may not be written (exists, not ours, unwritable)."""


class ToolError(SigsymError):
    """A missing or failing external tool (pdflatex)."""


class OutOfTime(SigsymError):
    """A derivation or a document needed more than the time budget: exit code 3 (unknown)."""

    exit_code = 3


class OutsideClass(Exception):
    """The expression is outside the decidable class; callers fall back to `unknown`."""


class InternalError(Exception):
    """The engine contradicted itself; never a verdict. Exit code 4."""

    exit_code = 4
