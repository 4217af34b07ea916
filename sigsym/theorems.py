"""Theorem files: TOML ``[[theorem]]`` tables, validated, run, and reported.

The same loader serves ``sigsym check``, the pytest plugin and the lecture notes, so a theorem
printed in the notes is exactly a theorem that CI checks.
"""

from __future__ import annotations

import json
import re
import sys
import time
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import SigsymError, TheoremFileError

KEYS_REQUIRED = ("id", "expr", "property", "expect")
KEYS_OPTIONAL = ("title", "on", "at", "equals", "digits", "section", "note")
EXPECTS = ("proved", "refuted")
MAX_FILE_BYTES = 1_000_000
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")


@dataclass(frozen=True)
class Theorem:
    """One validated theorem: a claim and the verdict it is expected to get."""

    id: str
    title: str
    expr: str
    prop: str
    expect: str
    options: tuple[tuple[str, object], ...]
    file: str
    line: int | None
    section: str = ""
    note: str = ""

    def run(self):  # noqa: ANN201 - returns a Proof
        from .properties import prove

        return prove(self.expr, self.prop, **dict(self.options))

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


def bundled_dir() -> Path:
    """The bundled proofs/: inside the wheel, or the source tree's top-level folder."""
    packaged = resources.files("sigsym") / "_data" / "proofs"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "proofs"


def _lines_of_ids(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*id\s*=\s*["\']([^"\']*)["\']', line)
        if m and m.group(1) not in out:
            out[m.group(1)] = n
    return out


def load(path: str | Path) -> list[Theorem]:
    """Read and validate one theorem file; TheoremFileError names the file, line and id."""
    from .properties import PROPERTIES, as_expr, normalize_options

    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise TheoremFileError(f"{p}: file larger than {MAX_FILE_BYTES} bytes")
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TheoremFileError(f"{p}: cannot read ({exc.__class__.__name__}: {exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TheoremFileError(f"{p}: not valid TOML ({exc})") from None
    unknown_top = set(data) - {"theorem"}
    if unknown_top:
        raise TheoremFileError(f"{p}: unknown top-level key(s) {', '.join(sorted(unknown_top))}; expected [[theorem]] tables")
    tables = data.get("theorem")
    if not isinstance(tables, list) or not tables:
        raise TheoremFileError(f"{p}: no [[theorem]] tables")
    lines = _lines_of_ids(text)
    seen: set[str] = set()
    out: list[Theorem] = []
    for i, t in enumerate(tables, 1):
        if not isinstance(t, dict):
            raise TheoremFileError(f"{p}: theorem #{i} is not a table")
        tid = t.get("id")
        label = f"theorem {tid!r}" if isinstance(tid, str) else f"theorem #{i}"
        where = f"{p}:{lines[tid]}" if isinstance(tid, str) and tid in lines else str(p)
        for key in KEYS_REQUIRED:
            if key not in t:
                raise TheoremFileError(f"{where}: {label}: missing key {key!r}")
        for key in t:
            if key not in KEYS_REQUIRED + KEYS_OPTIONAL:
                raise TheoremFileError(f"{where}: {label}: unknown key {key!r}")
        for key in ("id", "expr", "property", "expect", "title", "section", "note"):
            if key in t and not isinstance(t[key], str):
                raise TheoremFileError(f"{where}: {label}: {key} must be a string")
        if not _ID.match(tid):
            raise TheoremFileError(f"{where}: {label}: id must be letters, digits, '-', '_' or '.'")
        if tid in seen:
            raise TheoremFileError(f"{where}: {label}: duplicate id")
        seen.add(tid)
        if t["property"] not in PROPERTIES:
            raise TheoremFileError(f"{where}: {label}: unknown property {t['property']!r}")
        if t["expect"] not in EXPECTS:
            raise TheoremFileError(f"{where}: {label}: expect must be 'proved' or 'refuted'")
        options = {k: t[k] for k in ("on", "at", "equals", "digits") if k in t}
        for k, v in options.items():
            if k == "digits" and not isinstance(v, int):
                raise TheoremFileError(f"{where}: {label}: digits must be a whole number")
            if k != "digits" and not isinstance(v, str | int):
                raise TheoremFileError(f"{where}: {label}: {k} must be a string or a whole number")
        try:
            as_expr(t["expr"])
            normalize_options(t["property"], {k: (str(v) if k != "digits" else v) for k, v in options.items()})
        except SigsymError as exc:
            raise TheoremFileError(f"{where}: {label}: {exc}") from None
        out.append(Theorem(tid, t.get("title", tid), t["expr"], t["property"], t["expect"],
                           tuple((k, str(v) if k != "digits" else v) for k, v in options.items()),
                           str(p), lines.get(tid), t.get("section", ""), t.get("note", "")))
    return out


def is_theorem_file(path: Path) -> bool:
    """A cheap test used by the pytest plugin: a .toml file with a [[theorem]] table."""
    if path.suffix != ".toml":
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(MAX_FILE_BYTES)
    except OSError:
        return False
    return re.search(rb"^\s*\[\[\s*theorem\s*\]\]", head, re.MULTILINE) is not None


def collect(paths: list[str]) -> list[Path]:
    """Theorem files named directly, or found (sorted) in folders; default: the bundled ones."""
    if not paths:
        paths = [str(bundled_dir())]
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.toml") if is_theorem_file(f))
        elif p.is_file():
            files.append(p)
        else:
            raise TheoremFileError(f"{p}: no such file or folder")
    if not files:
        raise TheoremFileError(f"no theorem files in {', '.join(paths)}")
    return files


@dataclass(frozen=True)
class Outcome:
    theorem: Theorem
    verdict: str
    seconds: float
    proof: object

    @property
    def ok(self) -> bool:
        return self.verdict == self.theorem.expect

    def explain(self) -> str:
        proof = self.proof
        if self.ok:
            return ""
        if self.verdict == "unknown":
            return f"could not be decided ({proof.method})"
        if proof.counterexample is not None:
            return f"counterexample: {proof.counterexample.statement}"
        return f"{self.verdict} by {proof.method}"


def check_paths(paths: list[str] | None = None) -> list[Outcome]:
    """Load every file first (bad files fail before anything runs), then run every theorem."""
    theorems = [t for f in collect(list(paths or [])) for t in load(f)]
    results = []
    for t in theorems:
        start = time.perf_counter()
        proof = t.run()
        results.append(Outcome(t, proof.verdict.value, time.perf_counter() - start, proof))
    return results


def run_cli(paths: list[str], as_json: bool = False) -> int:
    results = check_paths(paths)
    passed = sum(r.ok for r in results)
    failed = len(results) - passed
    if as_json:
        print(json.dumps({"passed": passed, "failed": failed, "theorems": [
            {"id": r.theorem.id, "file": r.theorem.file, "line": r.theorem.line, "expect": r.theorem.expect,
             "verdict": r.verdict, "ok": r.ok, "seconds": round(r.seconds, 4), "explanation": r.explain() or None,
             "proof": r.proof.as_dict()} for r in results]}, indent=2, ensure_ascii=False))
    else:
        for r in results:
            mark = "ok  " if r.ok else "FAIL"
            line = f"{mark} {r.theorem.id}: {r.verdict} (expected {r.theorem.expect}) {r.seconds:.3f}s"
            print(line)
            if not r.ok:
                print(f"     {r.theorem.where}: {r.theorem.title}")
                print(f"     {r.explain()}")
        print(f"{passed} passed, {failed} failed")
    sys.stdout.flush()
    return 0 if failed == 0 else 1
