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

needs_fork = pytest.mark.skipif(not forked.two_cores(), reason="needs Linux fork and two usable cores")


@needs_fork
def test_the_result_comes_from_the_child() -> None:
    job = forked.Job(lambda: ("pid", os.getpid()))
    tag, pid = job.result()
    assert tag == "pid" and pid != os.getpid()


@needs_fork
def test_an_error_in_the_child_is_the_error_of_a_serial_run() -> None:
    calls: list[int] = []

    def task() -> None:
        calls.append(os.getpid())  # only the parent's list is seen here
        raise SigsymError("bad input, named")

    job = forked.Job(task)
    with pytest.raises(SigsymError, match="bad input, named"):
        job.result()
    assert calls == [os.getpid()]  # the parent ran it again itself


@needs_fork
def test_a_result_that_does_not_pickle_is_computed_here() -> None:
    job = forked.Job(lambda: (os.getpid(), lambda: 1))
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


def test_no_fork_beside_other_threads() -> None:
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not forked.available()
        assert isinstance(forked.start(lambda: 1, parallel=True), forked._Here)
    finally:
        stop.set()
        t.join()


@needs_fork
def test_check_on_two_cores_prints_what_a_serial_check_prints(tmp_path: Path) -> None:
    """``sigsym check`` (default -j auto: the bundled suite on two cores) against ``-j 1``: the same
    lines in the same order (the seconds aside), the same summary and exit code."""
    import re

    def lines(*extra: str) -> tuple[int, list[str]]:
        proc = subprocess.run([sys.executable, "-m", "sigsym", "check", *extra], capture_output=True, text=True,
                              timeout=300)
        return proc.returncode, [re.sub(r" [0-9.]+s$", "", line) for line in proc.stdout.splitlines()]

    code, auto = lines()
    assert (code, auto) == lines("-j", "1")
    assert len(auto) > 16 and auto[-1].endswith("passed, 0 failed")
    import json

    def report(*extra: str) -> dict:
        proc = subprocess.run([sys.executable, "-m", "sigsym", "check", "--json", *extra], capture_output=True,
                              text=True, timeout=300)
        data = json.loads(proc.stdout)
        for t in data["theorems"]:
            del t["seconds"]
        return data

    two = report()
    assert two == report("-j", "1")
    assert all(t["proof"] and t["proof"]["certificate"] for t in two["theorems"])  # from both processes


@needs_fork
def test_a_cancelled_child_is_gone() -> None:
    import time

    job = forked.Job(lambda: time.sleep(60))
    pid = job.pid
    assert pid is not None
    job.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no such child any more
    job.cancel()  # twice is harmless
