"""A wall-clock budget for one decision, so that no input can keep the prover busy for long.

SymPy calls cannot be interrupted cooperatively, so the budget is a SIGALRM timer (main thread
only; elsewhere the budget is not enforced). Running out is not an error: the claim is
``unknown``, with the reason.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction

from ..errors import SigsymError

DEFAULT = 30.0
MAX_SECONDS = 86400.0


def seconds() -> float:
    """The budget in seconds: ``SIGSYM_TIME_BUDGET`` (0 = no budget), default 30.

    Read at each use so a test or a long-running process can change it; a value that is not a
    number is bad input (exit 2), not an internal error.
    """
    text = os.environ.get("SIGSYM_TIME_BUDGET", "").strip()
    if not text:
        return DEFAULT
    try:
        exact = Fraction(text)  # exact, as everything in the engine; a timer takes seconds as a float
    except (ValueError, ZeroDivisionError):
        raise SigsymError(f"SIGSYM_TIME_BUDGET must be a number of seconds, not {text!r}") from None
    value = exact.numerator / exact.denominator
    if not 0 <= value <= MAX_SECONDS:
        raise SigsymError(f"SIGSYM_TIME_BUDGET must be between 0 and {MAX_SECONDS:g} seconds, not {text!r}")
    return value


class BudgetExceeded(BaseException):
    """The work took longer than its budget.

    A BaseException so that no ``except Exception`` inside SymPy or mpmath can swallow it.
    """


def _handler(signum: int, frame: object) -> None:
    raise BudgetExceeded


@contextmanager
def budget(limit_seconds: float | None = None) -> Iterator[None]:
    """Raise BudgetExceeded in the block once the budget (default: ``seconds()``) runs out.

    Nested budgets keep the outer one: the inner limit is the smaller of the two.
    """
    seconds_ = seconds() if limit_seconds is None else limit_seconds
    usable = (seconds_ > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous_handler = signal.signal(signal.SIGALRM, _handler)
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    limit = min(seconds_, outer_remaining) if outer_remaining > 0 else seconds_
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if outer_remaining > 0:
            used = limit - left
            signal.setitimer(signal.ITIMER_REAL, max(outer_remaining - used, 0.001))
