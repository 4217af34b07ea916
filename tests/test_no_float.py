"""No double precision on a decision path (issue 9): a static check of the decision modules.

Why: issue 9's wrong roundings and out-of-interval "counterexamples" came from numbers squeezed
through 53-bit floats. Exactness is a rule, so it is enforced by reading the source, not hoped for.

The rule. In a decision module, none of these may appear:
- a call ``float(...)``, or ``float`` handed over as a function (``map(float, ...)``,
  ``key=float``) — ``isinstance(v, float)`` is a type test and allowed;
- mpmath's double-precision context: ``fp.<anything>``, ``mpmath.fp``, ``from mpmath import fp``;
- the float functions of ``math`` (``math.exp``, ``math.log``, ``math.sqrt``, ... — see
  ``MATH_FLOAT``; integer helpers such as ``math.floor``, ``math.gcd``, ``math.lcm`` are fine).

Exception, for display only: code inside a function (at any nesting level) whose name contains
``approx`` or ``display`` (say ``_approx``, ``display_value``) may use them, because what it
makes is shown to a person and never decides anything. Keep such functions small and name them so.

Which modules: every file named in ``DECISION_MODULES`` wherever it lives under ``sigsym/`` (so a
move into ``sigsym/engine/`` or ``sigsym/prover/`` is followed), a package of that name, and every
module of the subpackages in ``DECISION_PACKAGES``. Extend either tuple as the engine grows.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "sigsym"
DECISION_MODULES = ("decide", "algebraic", "exact", "expform", "numeric", "properties", "kernel",
                    "witness")
DECISION_PACKAGES = ("engine",)
DISPLAY_MARKERS = ("approx", "display")
MATH_FLOAT = frozenset({
    "exp", "expm1", "log", "log1p", "log2", "log10", "sqrt", "cbrt", "pow", "sin", "cos", "tan",
    "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "hypot",
    "fsum", "fmod", "ldexp", "frexp", "modf", "erf", "erfc", "gamma", "lgamma", "exp2", "dist",
    "nextafter", "ulp",
})


def decision_files() -> list[Path]:
    """The decision modules that exist now (see the module docstring)."""
    found: set[Path] = set()
    for name in DECISION_MODULES:
        found.update(PKG.rglob(f"{name}.py"))
        for d in PKG.rglob(name):
            if d.is_dir():
                found.update(d.rglob("*.py"))
    for pkg in DECISION_PACKAGES:
        if (PKG / pkg).is_dir():
            found.update((PKG / pkg).rglob("*.py"))
    return sorted(found)


class _Finder(ast.NodeVisitor):
    """Collects (line, what) for each use of double precision outside display-only functions."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.found: list[tuple[int, str]] = []
        self.math_names: set[str] = set()  # names bound by `from math import exp` and the like

    def _display(self) -> bool:
        return any(m in name.lower() for name in self.stack for m in DISPLAY_MARKERS)

    def _flag(self, node: ast.AST, what: str) -> None:
        if not self._display():
            self.found.append((getattr(node, "lineno", 0), what))

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id == "float":
            self._flag(node, "float(...)")
        if isinstance(node.func, ast.Name) and node.func.id in self.math_names:
            self._flag(node, f"math.{node.func.id}(...) (from math import)")
        is_type_test = isinstance(node.func, ast.Name) and node.func.id in ("isinstance",
                                                                             "issubclass")
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            if isinstance(arg, ast.Name) and arg.id == "float" and not is_type_test:
                self._flag(arg, "float passed as a function")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        base = node.value
        if isinstance(base, ast.Name) and base.id == "fp":
            self._flag(node, f"fp.{node.attr} (mpmath double precision)")
        if node.attr == "fp" and isinstance(base, ast.Name) and base.id == "mpmath":
            self._flag(node, "mpmath.fp (double precision)")
        if isinstance(base, ast.Name) and base.id == "math" and node.attr in MATH_FLOAT:
            self._flag(node, f"math.{node.attr} (a float function)")
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            if (node.module or "").startswith("mpmath") and alias.name == "fp":
                self._flag(node, "from mpmath import fp")
            if node.module == "math" and alias.name in MATH_FLOAT:
                self.math_names.add(alias.asname or alias.name)
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.startswith("mpmath.fp"):
                self._flag(node, f"import {alias.name}")
        self.generic_visit(node)


def violations(source: str) -> list[tuple[int, str]]:
    """Every use of double precision in the source outside display-only functions."""
    finder = _Finder()
    finder.visit(ast.parse(source))
    return finder.found


def test_decision_modules_are_found() -> None:
    """Guard against a silent pass: renaming every decision module must update this test."""
    names = {p.stem for p in decision_files()}
    assert names & set(DECISION_MODULES), f"no decision module found under {PKG}"


@pytest.mark.parametrize("path", decision_files(), ids=lambda p: str(p.relative_to(PKG)))
def test_no_double_precision_on_a_decision_path(path: Path) -> None:
    """float(...), mpmath fp and math's float functions only inside display-only functions."""
    found = violations(path.read_text(encoding="utf-8"))
    listing = "\n".join(f"  {path.relative_to(PKG.parent)}:{line}: {what}" for line, what in found)
    assert not found, ("double precision on a decision path (rename a display-only helper to "
                       f"contain 'approx' or 'display', or make it exact):\n{listing}")


def test_the_checker_itself() -> None:
    """The rule catches what it should and spares display-only helpers."""
    bad = """
import mpmath
from mpmath import fp
from math import exp as e
import math
def decide(v):
    a = float(v)
    b = fp.exp(1) + mpmath.fp.log(2) + math.sqrt(2) + e(1)
    return sorted([v], key=float), math.floor(v), math.lcm(2, 3), isinstance(v, float)
"""
    lines = sorted(what for _, what in violations(bad))
    assert len(lines) == 7, lines
    good = """
import math
def _approx(v):
    def inner(w):
        return float(w)
    return f"{float(v):.6g}" + str(math.exp(1)) + inner(v)
def display_value(v):
    return float(v)
def decide(v):
    return math.floor(v) + math.gcd(4, 6)
"""
    assert violations(good) == []
