"""The wall-clock budget (engine/budget.py): its setting and the SIGALRM timer."""

from __future__ import annotations

import signal
import time

import pytest

from sigsym.engine import budget
from sigsym.errors import SigsymError


@pytest.mark.parametrize(("text", "seconds"), [("", 30.0), ("0", 0.0), ("1/2", 0.5), (" 2.5 ", 2.5)])
def test_seconds_reads_the_environment(monkeypatch: pytest.MonkeyPatch, text: str, seconds: float) -> None:
    monkeypatch.setenv("SIGSYM_TIME_BUDGET", text)
    assert budget.seconds() == seconds


@pytest.mark.parametrize("text", ["abc", "1/0", "-1", "1e9", "nan"])
def test_bad_budgets_are_bad_input(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv("SIGSYM_TIME_BUDGET", text)
    with pytest.raises(SigsymError):
        budget.seconds()


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_running_out_raises_and_clears_the_timer() -> None:
    with pytest.raises(budget.BudgetExceeded), budget.budget(0.05):
        spin(2)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_budget_exceeded_escapes_except_exception() -> None:
    with pytest.raises(budget.BudgetExceeded), budget.budget(0.05):
        try:
            spin(2)
        except Exception:  # noqa: BLE001 - what SymPy or mpmath might do inside
            pass


def test_nested_budget_keeps_the_outer_limit() -> None:
    start = time.monotonic()
    with pytest.raises(budget.BudgetExceeded), budget.budget(0.1), budget.budget(10):
        spin(2)
    assert time.monotonic() - start < 1


def test_a_finished_block_leaves_no_timer() -> None:
    with budget.budget(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_zero_means_no_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGSYM_TIME_BUDGET", "0")
    with budget.budget():
        spin(0.05)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
