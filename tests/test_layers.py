"""Imports go one way: language → engine → prover → derivation → presentation → theorems → CLI.

Every import in every module of the package (at the top or inside a function: a lazy import is
still a dependency) is read from the syntax tree and its layer compared with the importer's.
A lower layer never imports a higher one, so the engine can be used, tested and reasoned about
without anything that prints.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sigsym"

LAYERS: dict[str, float] = {  # a module path (longest prefix wins) inside sigsym -> its layer
    "errors": 0, "version": 0,
    "functions": 1, "language": 1,
    "engine": 2,
    "prover": 3,
    "derivation": 4,
    "present": 5,
    "theorems.files": 4.5,  # reading and validating theorem files: below the notes that print them
    "theorems": 6,
    "testing": 7, "cli": 7, "__init__": 7, "__main__": 7,
}

# Known exceptions, each with the reason it is still here; the list only shrinks.
ALLOWED: dict[tuple[str, str], str] = {}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts)


def _top(parts: list[str]) -> str:
    return parts[0] if parts else "__init__"


def _imports(path: Path) -> list[str]:
    """The sigsym-internal modules a file imports, as paths inside the package ('engine.numeric')."""
    rel = path.relative_to(PACKAGE).with_suffix("")
    package = list(rel.parts[:-1]) if rel.name != "__init__" else list(rel.parts[:-1])
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and (node.module == "sigsym" or node.module.startswith("sigsym.")):
                    base = node.module.split(".")[1:]
                else:
                    continue
            else:
                base = package[: len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
            if node.module is None or not base:  # from . import a, b; from sigsym import name
                for a in node.names:
                    dotted = ".".join([*base, a.name])
                    out.append(dotted if _known(dotted) else ".".join(base) or "__init__")
            else:
                for a in node.names:
                    dotted = ".".join([*base, a.name])
                    out.append(dotted if _known(dotted) else ".".join(base))
        elif isinstance(node, ast.Import):
            out += [a.name.split(".", 1)[1] for a in node.names if a.name.startswith("sigsym.")]
    return out


def _known(dotted: str) -> bool:
    """Whether a dotted path names a module or package of sigsym (not a function in one)."""
    path = PACKAGE.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _layer(dotted: str) -> float:
    parts = dotted.split(".") if dotted else ["__init__"]
    for k in range(len(parts), 0, -1):
        key = ".".join(parts[:k])
        if key in LAYERS:
            return LAYERS[key]
    raise KeyError(f"{dotted} is in no layer")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_one_way(path: Path) -> None:
    me = str(path.relative_to(PACKAGE).with_suffix("")).replace("/", ".")
    mine = _layer(me)
    wrong = [t for t in _imports(path) if _layer(t) > mine and (me, t) not in ALLOWED
             and (me, ".".join(t.split(".")[:2])) not in ALLOWED]
    assert not wrong, f"{me} (layer {mine}) imports higher layers: {wrong}"


def test_every_module_has_a_layer() -> None:
    for path in _modules():
        _layer(str(path.relative_to(PACKAGE).with_suffix("")).replace("/", "."))


def test_only_the_cli_prints() -> None:
    """print() only in cli.py (the runner streams through a callback the CLI gives it)."""
    for path in _modules():
        if path.name in ("cli.py",):
            continue
        calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "print"]
        assert not calls, f"{path.relative_to(PACKAGE)} prints (line {calls[0].lineno})"
