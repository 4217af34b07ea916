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

DEFAULT_SECONDS = float(os.environ.get("SIGSYM_TIME_BUDGET", "30"))


class BudgetExceeded(Exception):
    """The decision took longer than its budget."""


def _handler(signum: int, frame: object) -> None:
    raise BudgetExceeded


@contextmanager
def budget(seconds: float = DEFAULT_SECONDS) -> Iterator[None]:
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous_handler = signal.signal(signal.SIGALRM, _handler)
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    limit = min(seconds, outer_remaining) if outer_remaining > 0 else seconds
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
