"""One piece of work in a forked child process while the caller does another: the notes use the
second core of a lecturer's laptop (the properties and exercises are decided while the
derivations, figures and the machine-learning section are checked here).

Only the ``sigsym`` command asks for it (``sigsym notes``, ``sigsym check``), and only in a
process with one thread. The child inherits everything already imported and computed,
runs the task under what is left of the time budget, and sends back its pickled result. If the
child fails in any way (an exception, a result that does not pickle, a crash), the task runs
again here, so the result and any error are exactly those of a serial run.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    """Fork exists, a second core is free to use, and this process runs one thread (forking a
    process with other threads, a Jupyter kernel or a pytest-xdist worker, can copy a lock held
    by one of them into a child that then waits for it forever)."""
    import threading

    return two_cores() and threading.active_count() == 1


def two_cores() -> bool:
    if not hasattr(os, "fork") or sys.platform != "linux":
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except OSError:
        return False


class Job(Generic[T]):
    """``task`` started in a child; ``result()`` waits for it (or runs it here after a failure)."""

    def __init__(self, task: Callable[[], T]) -> None:
        self.task = task
        self.pid: int | None = None
        self.fd: int | None = None
        left, _ = signal.getitimer(signal.ITIMER_REAL)  # a child does not inherit the budget's timer
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # nothing buffered is written twice
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read)
            self._child(write, left)
        os.close(write)
        self.pid, self.fd = pid, read

    def _child(self, fd: int, left: float) -> None:
        code = 1
        try:
            from ..engine.budget import arm, disarm

            if left > 0:
                arm(left)
            result = self.task()
            disarm()  # the task is done in time: no alarm while its result is written
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent runs the task again and sees the error itself
            pass
        finally:
            os._exit(code)

    def cancel(self) -> None:
        """Stop the child and close the pipe (the caller failed before it needed the result)."""
        if self.pid is None or self.fd is None:
            return
        pid, fd = self.pid, self.fd
        self.pid = self.fd = None
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        os.close(fd)

    def result(self) -> T:
        assert self.pid is not None and self.fd is not None
        pid, fd = self.pid, self.fd
        self.pid = self.fd = None
        try:
            with os.fdopen(fd, "rb") as inp:
                data = inp.read()
            _, status = os.waitpid(pid, 0)
            pid = 0
        finally:
            if pid:  # interrupted (the budget ran out here): the child must not outlive us
                try:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                except OSError:
                    pass
        if os.waitstatus_to_exitcode(status) == 0 and data:
            try:
                return pickle.loads(data)  # noqa: S301 - our own child's bytes, through our own pipe
            except Exception:  # noqa: BLE001 - fall back to the serial run
                pass
        return self.task()


def start(task: Callable[[], T], parallel: bool) -> Job[T] | _Here[T]:
    """The task in a child when ``parallel`` and a second core exist; otherwise run on ``result()``."""
    return Job(task) if parallel and available() else _Here(task)


class _Here(Generic[T]):
    def __init__(self, task: Callable[[], T]) -> None:
        self.task = task

    def result(self) -> T:
        return self.task()

    def cancel(self) -> None:
        pass
