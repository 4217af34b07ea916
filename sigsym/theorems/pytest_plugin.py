"""pytest plugin: every ``[[theorem]]`` in a TOML theorem file becomes a test item.

Registered under ``pytest11``; it imports nothing heavy until a theorem file is collected, so it
costs nothing in projects that have none. Discovery is the same as ``sigsym check``'s: a .toml
file with ``[[theorem]]`` tables is collected; a near-miss (``[[theorems]]``) or a broken theorem
file is a collection error; pyproject.toml and other well-known configuration files are ignored;
every other .toml file is listed, with the reason, in a "sigsym" section of the terminal summary
(also under pytest-xdist, whose workers send their lists to the controller). Each theorem runs
exactly as in ``sigsym check``: under its own time budget, an internal error failing only that
theorem. pytest's own ``--junitxml`` report carries each theorem's file and line as properties.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .files import Theorem

_SKIPPED = pytest.StashKey[list[tuple[str, str]]]()
_WORKER_KEY = "sigsym_skipped"


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SKIPPED] = []


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix.lower() != ".toml":
        return None
    from ..errors import SigsymError
    from .files import examine

    try:
        why = examine(file_path)
    except SigsymError as exc:
        return TheoremFile.from_parent(parent, path=file_path, problem=str(exc))
    if why is None:
        return TheoremFile.from_parent(parent, path=file_path)
    if why.quiet:
        return None
    if parent.session.isinitpath(file_path):
        return TheoremFile.from_parent(parent, path=file_path, problem=f"{file_path}: not a theorem file: {why.reason}")
    parent.config.stash[_SKIPPED].append((_relative(parent.config, file_path), why.reason))
    return None


def _relative(config: pytest.Config, path: Path) -> str:
    try:
        return str(path.relative_to(config.rootpath))
    except ValueError:
        return str(path)


def _skipped(config: pytest.Config) -> list[tuple[str, str]]:
    return config.stash[_SKIPPED] if _SKIPPED in config.stash else []


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: hand the list to the controller
        workeroutput[_WORKER_KEY] = [list(item) for item in _skipped(session.config)]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """pytest-xdist, on the controller: a worker finished; keep its list of skipped files."""
    items = getattr(node, "workeroutput", {}).get(_WORKER_KEY, [])
    node.config.stash[_SKIPPED].extend((str(path), str(reason)) for path, reason in items)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    skipped = sorted(set(_skipped(config)))
    if not skipped:
        return
    terminalreporter.section("sigsym")
    many = len(skipped) != 1
    terminalreporter.write_line(f"skipped {len(skipped)} .toml file{'s' if many else ''} "
                                f"that hold{'' if many else 's'} no [[theorem]] tables:")
    for path, reason in skipped:
        terminalreporter.write_line(f"  {path}: {reason}")


class TheoremFileCollectError(Exception):
    """A theorem file that does not validate (or a near-miss): reported as one clear line."""


class TheoremFile(pytest.File):
    def __init__(self, *, problem: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem

    def collect(self) -> Iterator[pytest.Item]:
        from ..errors import SigsymError
        from .files import load

        if self.problem is not None:
            raise TheoremFileCollectError(self.problem)
        try:
            theorems = load(self.path)
        except SigsymError as exc:
            raise TheoremFileCollectError(str(exc)) from None
        for theorem in theorems:
            yield TheoremItem.from_parent(self, name=theorem.id, theorem=theorem)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        if isinstance(excinfo.value, TheoremFileCollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class TheoremFailure(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TheoremItem(pytest.Item):
    def __init__(self, *, theorem: Theorem, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.theorem = theorem
        self.user_properties.append(("theorem_file", theorem.file))
        self.user_properties.append(("theorem_line", str(theorem.line or 1)))

    def runtest(self) -> None:
        from .runner import run_theorem

        outcome = run_theorem(self.theorem)
        if outcome.ok:
            return
        t = self.theorem
        lines = [f"{t.where}: theorem {t.id!r} ({t.title})",
                 f"claim: {t.expr} is {t.prop}" + (f" {dict(t.options)}" if t.options else "")]
        if outcome.errored:
            lines.append(outcome.explanation)
        else:
            lines += [f"expected {t.expect}, got {outcome.verdict}", outcome.explanation, outcome.details]
        raise TheoremFailure("\n".join(line for line in lines if line))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        from ..errors import SigsymError

        if isinstance(excinfo.value, TheoremFailure):
            return excinfo.value.message
        if isinstance(excinfo.value, SigsymError):  # the environment, e.g. a bad SIGSYM_TIME_BUDGET
            return f"sigsym: error: {excinfo.value}"
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, (self.theorem.line or 1) - 1, f"theorem {self.theorem.id}"
