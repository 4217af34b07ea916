"""present.forked: a task in a forked child gives exactly what the serial run gives (its result,
its error), and the notes built on two cores are the notes built on one, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sigsym.cli import main
from sigsym.errors import SigsymError
from sigsym.present import forked

needs_fork = pytest.mark.skipif(not forked.available(), reason="needs Linux fork and two usable cores")


@needs_fork
def test_the_result_comes_from_the_child() -> None:
    job = forked.start(lambda: ("pid", os.getpid()), parallel=True)
    assert isinstance(job, forked.Job)
    tag, pid = job.result()
    assert tag == "pid" and pid != os.getpid()


@needs_fork
def test_an_error_in_the_child_is_the_error_of_a_serial_run() -> None:
    calls: list[int] = []

    def task() -> None:
        calls.append(os.getpid())  # only the parent's list is seen here
        raise SigsymError("bad input, named")

    job = forked.start(task, parallel=True)
    with pytest.raises(SigsymError, match="bad input, named"):
        job.result()
    assert calls == [os.getpid()]  # the parent ran it again itself


@needs_fork
def test_a_result_that_does_not_pickle_is_computed_here() -> None:
    job = forked.start(lambda: (os.getpid(), lambda: 1), parallel=True)
    pid, fn = job.result()
    assert pid == os.getpid() and fn() == 1


def test_serial_runs_the_task_when_asked() -> None:
    seen: list[int] = []
    job = forked.start(lambda: seen.append(1) or len(seen), parallel=False)
    assert seen == [] and job.result() == 1


@needs_fork
@pytest.mark.parametrize("fmt", ["article", "beamer", "json"])
def test_notes_on_two_cores_are_the_notes_on_one(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command (single-threaded, so it forks) against a serial build in this process."""
    ext = "json" if fmt == "json" else "tex"
    two, one = tmp_path / f"two.{ext}", tmp_path / f"one.{ext}"
    proc = subprocess.run([sys.executable, "-m", "sigsym", "notes", "--format", fmt, "-o", str(two)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    monkeypatch.setattr(forked, "available", lambda: False)
    assert main(["notes", "--format", fmt, "-o", str(one)]) == 0
    assert two.read_bytes() == one.read_bytes()
