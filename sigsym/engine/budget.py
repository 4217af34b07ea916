"""A wall-clock budget for one decision, so that no input can keep the prover busy for long.

SymPy calls cannot be interrupted cooperatively, so the budget is a SIGALRM timer (main thread
only; elsewhere the budget is not enforced). Running out is not an error: the claim is
``unknown``, with the reason.
"""

from __future__ import annotations

import os
import signal
import threading
import time
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


class OuterBudgetExceeded(BudgetExceeded):
    """The budget of an enclosing block ran out inside a nested one (the notes' budget while
    one of their claims is being proved): not the nested block's own verdict of "unknown", so
    it passes the nested block's handler and reaches the block whose budget it was."""


def _handler(signum: int, frame: object) -> None:
    raise BudgetExceeded


REPEAT = 0.05  # seconds between alarms once a budget has run out


def arm(seconds_: float) -> None:
    """Start the alarm: the first after ``seconds_``, then every ``REPEAT`` seconds until it is
    disarmed. An alarm can land inside library code that swallows every exception (mpmath's
    interval arithmetic has bare ``except:`` clauses); the next one, a moment later, does not."""
    signal.setitimer(signal.ITIMER_REAL, seconds_, REPEAT)


def disarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def _held() -> Iterator[None]:
    """SIGALRM blocked: an alarm that comes meanwhile waits (as a pending signal) instead of
    raising between two steps of setting the timers up or restoring them."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})


def _take_pending_alarm() -> bool:
    """Whether an alarm is pending (SIGALRM blocked); it is discarded (a signal whose action
    becomes SIG_IGN is dropped), and the caller decides what it meant."""
    if not hasattr(signal, "sigpending") or signal.SIGALRM not in signal.sigpending():
        return False
    current = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, current)
    return True


@contextmanager
def budget(limit_seconds: float | None = None) -> Iterator[None]:
    """Raise BudgetExceeded in the block once the budget (default: ``seconds()``) runs out.

    Nested budgets keep the outer one: the inner limit is the smaller of the two, and when the
    outer one runs out inside the inner block, the inner block's handler sees an
    ``OuterBudgetExceeded`` (not its own "unknown") and the outer block a ``BudgetExceeded``.
    The timers are set up and restored with SIGALRM held, so that no alarm is lost between the
    steps (an alarm lost there left the rest of an outer block without a budget).
    """
    seconds_ = seconds() if limit_seconds is None else limit_seconds
    usable = (seconds_ > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    with _held():
        previous_handler = signal.signal(signal.SIGALRM, _handler)
        outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        if _take_pending_alarm():  # an enclosing budget ran out just now
            signal.signal(signal.SIGALRM, previous_handler)
            raise OuterBudgetExceeded if previous_handler is _handler else BudgetExceeded
        limit = min(seconds_, outer_remaining) if outer_remaining > 0 else seconds_
        start = time.monotonic()
        arm(limit)
    try:
        yield
    except BudgetExceeded as exc:
        mine = outer_remaining <= 0 or seconds_ < outer_remaining  # this block's own limit was the binding one
        if mine and isinstance(exc, OuterBudgetExceeded):
            raise BudgetExceeded from None  # it was this block's budget, seen from a nested one
        if not mine and not isinstance(exc, OuterBudgetExceeded):
            raise OuterBudgetExceeded from None
        raise
    finally:
        with _held():
            disarm()
            _take_pending_alarm()  # this block's alarm, come after its work was done: dropped
            signal.signal(signal.SIGALRM, previous_handler)
            if outer_remaining > 0:
                arm(max(outer_remaining - (time.monotonic() - start), 0.001))
