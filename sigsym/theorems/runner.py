"""Running theorems: each under its own budget, isolated from the others, serially or in processes.

One theorem's internal error, or a budget that runs out, is that theorem's outcome; the run goes
on. A ``SigsymError`` is different: after validation it can only come from the environment (a bad
``SIGSYM_TIME_BUDGET``), so it stops the run like any other bad-input error. Results are plain
data (strings and dicts) so that they cross process boundaries; the Proof object itself is kept
only when the theorem ran in this process.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from ..errors import InternalError, SigsymError
from .files import Theorem, collect, load

if TYPE_CHECKING:
    from ..prover.kernel import Proof

ERROR = "error"


@dataclass(frozen=True)
class Outcome:
    """What one theorem got: its verdict (or ``error``), how long it took, and why it is not as
    expected (empty when it is)."""

    theorem: Theorem
    verdict: str  # proved | refuted | unknown | error
    seconds: float
    explanation: str = ""
    details: str = ""  # the proof as text, when not as expected
    data: dict[str, Any] | None = None  # the proof as JSON data, set when it crossed from a worker
    proof: Proof | None = field(default=None, compare=False, repr=False)

    def as_data(self) -> dict[str, Any] | None:
        """The proof as JSON data (``prove --json`` without the human steps); None on error.
        Written when asked: a run that prints only verdicts never writes its certificates."""
        if self.data is None and self.proof is not None:
            return self.proof.as_dict(steps=False)
        return self.data

    @property
    def ok(self) -> bool:
        return self.verdict == self.theorem.expect

    @property
    def errored(self) -> bool:
        return self.verdict == ERROR


def _explain(proof: Proof) -> str:
    if proof.verdict.value == "unknown":
        return f"could not be decided ({proof.method})"
    if proof.counterexample is not None:
        return f"counterexample: {proof.counterexample.statement}"
    return f"{proof.verdict.value} by {proof.method}"


def _finish(theorem: Theorem, proof: Proof, seconds: float) -> Outcome:
    from ..prover.text import proof_text

    verdict = proof.verdict.value
    ok = verdict == theorem.expect
    return Outcome(theorem, verdict, seconds, "" if ok else _explain(proof),
                   "" if ok else proof_text(proof), None, proof)


def run_theorem(theorem: Theorem) -> Outcome:
    """Run one theorem under its own budget; an internal error becomes its outcome."""
    from ..engine.budget import BudgetExceeded, budget, seconds

    limit = seconds()  # a bad SIGSYM_TIME_BUDGET is bad input for the whole run (exit 2)
    start = time.perf_counter()
    try:
        # The prover budgets each decision; this outer budget (one second more) also covers
        # parsing and setting up, so no theorem can hold up the run.
        with budget(limit + 1 if limit > 0 else 0):
            proof = theorem.run()
        return _finish(theorem, proof, time.perf_counter() - start)
    except BudgetExceeded:
        reason = f"could not be decided (time budget of {limit:g} s exhausted)"
        return Outcome(theorem, "unknown", time.perf_counter() - start, reason)
    except SigsymError:
        raise
    except InternalError as exc:
        message = f"internal error: {_one_line(str(exc))}"
    except (RecursionError, MemoryError) as exc:
        message = f"internal error: the claim is too large to handle ({type(exc).__name__})"
    except Exception as exc:  # noqa: BLE001 - isolation: one theorem's bug is that theorem's outcome
        message = f"internal error: {type(exc).__name__}: {_one_line(str(exc))}"
    return Outcome(theorem, ERROR, time.perf_counter() - start, message)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _in_worker(theorem: Theorem) -> Outcome:
    """run_theorem in a worker process; the Proof stays behind (only data crosses)."""
    outcome = run_theorem(theorem)
    return dataclasses.replace(outcome, data=outcome.as_data(), proof=None)


def jobs_for(jobs: int) -> int:
    """``-j 0`` means one process per available core."""
    if jobs < 0:
        raise SigsymError(f"-j must be 0 (one per core) or a positive number of processes, not {jobs}")
    if jobs == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    return jobs


AUTO = None  # ``sigsym check``'s default: the second core for a suite of some size, in order
SPLIT_FROM = 16  # fewer theorems than this run serially under AUTO (a fork would not pay)


def run_all(theorems: Sequence[Theorem], jobs: int | None = 1, data: bool = False) -> Iterator[Outcome]:
    """Outcomes as each theorem finishes: in order when serial or ``AUTO``, in completion order
    with ``jobs`` > 1. ``data``: the outcomes that cross from another process carry their JSON
    data (the proof object stays behind)."""
    if jobs is AUTO:
        yield from _halves(theorems, data)
        return
    jobs = jobs_for(jobs)
    if jobs == 1 or len(theorems) <= 1:
        for theorem in theorems:
            yield run_theorem(theorem)
        return
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(theorems)))
    broken: list[Theorem] = []
    try:
        pending: dict[Future[Outcome], Theorem] = {pool.submit(_in_worker, t): t for t in theorems}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=lambda f: theorems.index(pending[f])):
                theorem = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken.append(theorem)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    # A worker died (a crash, the OOM killer) and took the pool down with the theorems it held:
    # each of those runs again in a process of its own, so that only the culprit is an error.
    for theorem in sorted(broken, key=theorems.index):
        yield _alone(theorem)


def _halves(theorems: Sequence[Theorem], data: bool) -> Iterator[Outcome]:
    """Every other theorem in a forked child (``present.forked``) while the rest run here; the
    outcomes in file order once both are done: the output of a serial run, on two cores. Serial
    when fork or a second core is missing or the suite is small; a child that fails in any way
    has its theorems run again here, so every outcome and error is the serial run's."""
    from ..present import forked

    if len(theorems) < SPLIT_FROM or not forked.available():
        for theorem in theorems:
            yield run_theorem(theorem)
        return
    theirs = list(theorems[1::2])  # every other theorem: the costly ones come in runs (σ⁽ⁿ⁾)

    def other() -> list[Outcome]:
        out = []
        for theorem in theirs:
            outcome = run_theorem(theorem)
            out.append(dataclasses.replace(outcome, data=outcome.as_data() if data else None, proof=None))
        return out

    job = forked.start(other, parallel=True)
    ours: list[Outcome] = []
    try:
        ours = [run_theorem(theorem) for theorem in theorems[::2]]
    finally:
        if len(ours) != len(theorems[::2]):  # a bad SIGSYM_TIME_BUDGET, ^C: the child must not go on alone
            job.cancel()
    merged: list[Outcome | None] = [None] * len(theorems)
    merged[::2], merged[1::2] = ours, job.result()
    yield from cast(list[Outcome], merged)


def _alone(theorem: Theorem) -> Outcome:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_in_worker, theorem).result()
        except BrokenProcessPool:
            return Outcome(theorem, ERROR, 0.0, "internal error: the process running it died")


def check(paths: Sequence[str | os.PathLike[str]] | None = None, jobs: int = 1,
          skip_other_files: bool = False) -> list[Outcome]:
    """Load every theorem file first (a bad file fails before anything runs), then run every
    theorem; the outcomes in file order."""
    found = collect([os.fspath(p) for p in paths or []], skip_other_files)
    theorems = [t for f in found.files for t in load(f)]
    order = {t: i for i, t in enumerate(theorems)}
    return sorted(run_all(theorems, jobs), key=lambda o: order[o.theorem])


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """4 if any theorem hit an internal error, else 1 if any is not as expected, else 0."""
    if any(o.errored for o in outcomes):
        return InternalError.exit_code
    return 0 if all(o.ok for o in outcomes) else 1
