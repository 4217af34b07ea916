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


def test_an_alarm_swallowed_by_library_code_is_followed_by_another() -> None:
    """mpmath's interval arithmetic has bare ``except:`` clauses: an alarm landing there is
    swallowed. The budget keeps ringing until its block is left, so the next one is not."""
    import time

    from sigsym.engine.budget import BudgetExceeded, budget

    swallowed = 0
    start = time.monotonic()
    with pytest.raises(BudgetExceeded):
        with budget(0.1):
            while time.monotonic() - start < 5:
                try:
                    while time.monotonic() - start < 5:
                        pass
                except BaseException:  # noqa: BLE001 - what a bare except does
                    swallowed += 1
                    if swallowed > 1:
                        raise
    assert swallowed == 2 and time.monotonic() - start < 1


def test_an_outer_budget_running_out_inside_an_inner_block_is_the_outer_blocks() -> None:
    """The inner block's handler sees OuterBudgetExceeded (not its own "unknown"), the outer block
    a plain BudgetExceeded; no alarm is left behind."""
    import signal
    import time

    from sigsym.engine.budget import BudgetExceeded, OuterBudgetExceeded, budget

    seen = []
    with pytest.raises(BudgetExceeded) as outer:
        with budget(0.15):
            try:
                with budget(10):
                    time.sleep(2)
            except OuterBudgetExceeded:
                seen.append("outer")
                raise
            except BudgetExceeded:
                seen.append("own")
    assert seen == ["outer"] and not isinstance(outer.value, OuterBudgetExceeded)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
