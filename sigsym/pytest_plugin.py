"""pytest plugin: every ``[[theorem]]`` in a TOML theorem file becomes a test item.

Registered under ``pytest11``; it imports nothing heavy until a theorem file is collected, so it
costs nothing in projects that have none. TOML files without ``[[theorem]]`` (pyproject.toml)
are never collected.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    if file_path.suffix != ".toml":
        return None
    from .theorems import is_theorem_file

    if not is_theorem_file(file_path):
        return None
    return TheoremFile.from_parent(parent, path=file_path)


class TheoremFile(pytest.File):
    def collect(self):  # noqa: ANN201 - pytest protocol
        from .errors import SigsymError
        from .theorems import load

        try:
            theorems = load(self.path)
        except SigsymError as exc:
            raise TheoremFileCollectError(str(exc)) from None
        for theorem in theorems:
            yield TheoremItem.from_parent(self, name=theorem.id, theorem=theorem)

    def repr_failure(self, excinfo, style=None):  # noqa: ANN001, ANN201
        if isinstance(excinfo.value, TheoremFileCollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)


class TheoremFileCollectError(Exception):
    """A theorem file that does not validate: reported as one clear line."""


class TheoremFailure(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TheoremItem(pytest.Item):
    def __init__(self, *, theorem, **kwargs):  # noqa: ANN001, ANN003
        super().__init__(**kwargs)
        self.theorem = theorem

    def runtest(self) -> None:
        from .render_text import proof_text

        proof = self.theorem.run()
        verdict = proof.verdict.value
        if verdict != self.theorem.expect:
            t = self.theorem
            lines = [f"{t.where}: theorem {t.id!r} ({t.title})",
                     f"claim: {t.expr} is {t.prop}" + (f" {dict(t.options)}" if t.options else ""),
                     f"expected {t.expect}, got {verdict}"]
            if proof.counterexample is not None:
                lines.append(f"counterexample: {proof.counterexample.statement}")
            elif verdict == "unknown":
                lines.append(f"could not be decided: {proof.method}")
            lines.append(proof_text(proof))
            raise TheoremFailure("\n".join(lines))

    def repr_failure(self, excinfo, style=None):  # noqa: ANN001, ANN201
        if isinstance(excinfo.value, TheoremFailure):
            return excinfo.value.message
        return super().repr_failure(excinfo, style)

    def reportinfo(self):  # noqa: ANN201
        return self.path, (self.theorem.line or 1) - 1, f"theorem {self.theorem.id}"
