"""Theorem files: which .toml files hold ``[[theorem]]`` tables, and their validation.

The same loader serves ``sigsym check``, the pytest plugin and the lecture notes, so a theorem
printed in the notes is exactly a theorem that CI checks. Discovery never skips a file silently:
a file is a theorem file when it has ``[[theorem]]`` tables, a near-miss (``[[theorems]]``) is an
error, and every other .toml file is skipped with a reason (quietly for pyproject.toml and other
well-known configuration files). Nothing here imports SymPy until a theorem is validated.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SigsymError, TheoremFileError
from ..prover.options import OPTION_NAMES, OptionKind

if TYPE_CHECKING:
    from ..prover.kernel import Proof

KEYS_REQUIRED = ("id", "expr", "property", "expect")
KEYS_OPTIONAL = ("title", *OPTION_NAMES, "section", "note")  # a property's options: the spec names
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

    def run(self) -> Proof:
        """Decide the claim (under the prover's time budget); the verdict may differ from ``expect``."""
        from ..prover.properties import prove

        return prove(self.expr, self.prop, **dict(self.options))

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


def bundled_dir() -> Path:
    """The bundled proofs/: inside the wheel, or the source tree's top-level folder."""
    packaged = resources.files("sigsym") / "_data" / "proofs"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "proofs"


def _is_digits(spec: object, name: str) -> bool:
    opt = spec.option(name)  # type: ignore[attr-defined]
    return opt is not None and opt.kind is OptionKind.DIGITS


def _lines_of_ids(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*id\s*=\s*["\']([^"\']*)["\']', line)
        if m and m.group(1) not in out:
            out[m.group(1)] = n
    return out


def load(path: str | Path) -> list[Theorem]:
    """Read and validate one theorem file; TheoremFileError names the file, line and id."""
    from ..language.parse import parse
    from ..prover.properties import PROPERTIES, normalize_options

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
    if isinstance(tables, dict):
        raise TheoremFileError(f"{p}: [theorem] is a single table; write [[theorem]] (double brackets) for each theorem")
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
        tid = t["id"]
        if not _ID.match(tid):
            raise TheoremFileError(f"{where}: {label}: id must be letters, digits, '-', '_' or '.'")
        if tid in seen:
            raise TheoremFileError(f"{where}: {label}: duplicate id")
        seen.add(tid)
        if t["property"] not in PROPERTIES:
            raise TheoremFileError(f"{where}: {label}: unknown property {t['property']!r}")
        if t["expect"] not in EXPECTS:
            raise TheoremFileError(f"{where}: {label}: expect must be 'proved' or 'refuted'")
        options = {k: t[k] for k in OPTION_NAMES if k in t}
        spec = PROPERTIES[t["property"]]
        for k, v in options.items():
            opt = spec.option(k)
            if opt is not None and opt.kind is OptionKind.DIGITS and not isinstance(v, int):
                raise TheoremFileError(f"{where}: {label}: {k} must be a whole number")
            if (opt is None or opt.kind is not OptionKind.DIGITS) and not isinstance(v, str | int):
                raise TheoremFileError(f"{where}: {label}: {k} must be a string or a whole number")
        try:
            # validated, not built: diff(...) is expanded when the theorem runs, under its budget
            parse(t["expr"], keep_derivatives=True)
            normalize_options(t["property"], {k: (v if isinstance(v, int) and _is_digits(spec, k) else str(v))
                                              for k, v in options.items()}, expand=False)
        except SigsymError as exc:
            raise TheoremFileError(f"{where}: {label}: {exc}") from None
        out.append(Theorem(tid, t["title"] if "title" in t else tid, t["expr"], t["property"], t["expect"],
                           tuple((k, v if _is_digits(spec, k) else str(v)) for k, v in options.items()),
                           str(p), lines.get(tid), t.get("section", ""), t.get("note", "")))
    return out


# ---------------------------------------------------------------- discovery

# Configuration files that are never theorem files; skipped without a word.
WELL_KNOWN_CONFIG = frozenset({
    "pyproject.toml", "poetry.toml", "pdm.toml", "hatch.toml", "uv.toml", "pixi.toml", "ruff.toml",
    ".ruff.toml", "mypy.toml", ".mypy.toml", "pyrightconfig.toml", "towncrier.toml", ".bumpversion.toml",
    "cargo.toml", "rust-toolchain.toml", "rustfmt.toml", ".rustfmt.toml", "clippy.toml", ".clippy.toml",
    "deny.toml", "cliff.toml", "taplo.toml", ".taplo.toml", "typos.toml", "_typos.toml", ".typos.toml",
    "stylua.toml", ".stylua.toml", "netlify.toml", "wrangler.toml", "fly.toml", "samconfig.toml",
    "gitleaks.toml", ".gitleaks.toml", "hugo.toml", "book.toml", "project.toml", "manifest.toml",
    "juliaformatter.toml", ".juliaformatter.toml", "codecov.toml", "lychee.toml", ".lychee.toml",
    "dprint.toml", "starship.toml", "alacritty.toml", "config.toml", "pyodide.toml", ".markdownlint.toml",
})
# Folders a walk never enters: hidden ones (.git, .venv, .tox), caches and installed packages.
PRUNED_DIRS = frozenset({"__pycache__", "node_modules", "site-packages", "dist-packages"})
_THEOREM_KEYS = frozenset(KEYS_REQUIRED + KEYS_OPTIONAL)
_THEOREM_MARK = re.compile(r"^\s*\[+\s*[\"']?\s*theorem", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Skipped:
    """A .toml file that is not a theorem file, and why. ``quiet`` ones are not reported."""

    path: str
    reason: str
    quiet: bool = False


@dataclass(frozen=True)
class Found:
    """What a set of paths holds: theorem files (in order) and the .toml files skipped."""

    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]

    @property
    def reported(self) -> tuple[Skipped, ...]:
        return tuple(s for s in self.skipped if not s.quiet)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _looks_like_theorems(value: object) -> bool:
    """A table or array of tables whose entries carry theorem keys (expr, property, expect)."""
    items = value if isinstance(value, list) else [value]
    return any(isinstance(v, dict) and len({"expr", "property", "expect"} & set(v)) >= 2 for v in items)


def near_miss(key: str, value: object) -> bool:
    """Whether a top-level key was probably meant to be ``[[theorem]]``: a misspelt or
    differently cased name holding tables (``[[theorems]]``, ``[[Theorem]]``, ``[theorem_]``), or
    any table whose entries are evidently theorems."""
    if key == "theorem":
        return False
    tables = isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value))
    name = re.sub(r"[\s_.-]", "", key.lower())
    close = name in ("thm", "thms") or (len(name) >= 5 and min(_distance(name, "theorem"), _distance(name, "theorems")) <= 2)
    return (tables and close) or _looks_like_theorems(value)


def examine(path: Path) -> Skipped | None:
    """None when ``path`` is a theorem file (it has ``[[theorem]]`` tables), else why it is not.

    Raises TheoremFileError when the file was evidently meant to hold theorems but would be
    skipped: a near-miss key (``[[theorems]]``, ``[[Theorem]]``), or theorem-like text that is not
    valid TOML. Well-known configuration files (pyproject.toml, …) without theorems are skipped
    quietly. Validating the theorems themselves is ``load``'s job.
    """
    quiet = path.name.lower() in WELL_KNOWN_CONFIG
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TheoremFileError(f"{path}: cannot read ({exc.__class__.__name__}: {exc.strerror or exc})") from None
    marked = _THEOREM_MARK.search(raw.decode("utf-8", errors="replace")) is not None
    if len(raw) > MAX_FILE_BYTES:
        if marked:
            raise TheoremFileError(f"{path}: file larger than {MAX_FILE_BYTES} bytes")
        return Skipped(str(path), f"larger than {MAX_FILE_BYTES} bytes", quiet)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        what = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else f"not valid TOML ({exc})"
        if marked:
            raise TheoremFileError(f"{path}: {what}") from None
        return Skipped(str(path), what, quiet)
    if "theorem" in data:
        return None
    for key, value in data.items():
        if near_miss(key, value):
            raise TheoremFileError(
                f"{path}: top-level key {key!r} is not 'theorem'; theorem files use [[theorem]] tables "
                f"(this file would otherwise be skipped)")
    return Skipped(str(path), "a well-known configuration file" if quiet else "no [[theorem]] tables", quiet)


def _walk(folder: Path) -> list[Path]:
    """The .toml files under a folder, sorted, without entering hidden folders, caches,
    installed packages or virtual environments."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in PRUNED_DIRS
                         and not (Path(root) / d / "pyvenv.cfg").exists())
        out += [Path(root) / f for f in sorted(files) if f.lower().endswith(".toml")]
    return out


def collect(paths: list[str] | None = None, skip_other_files: bool = False) -> Found:
    """Theorem files named directly or found (sorted) in folders; default: the bundled ones.

    In folders every .toml file that is not a theorem file is skipped with its reason (quietly for
    well-known configuration files). A file named directly must be a theorem file unless
    ``skip_other_files`` (the pre-commit hook passes every changed .toml file). Near-misses and
    broken theorem files are always errors. No theorem file at all is an error unless
    ``skip_other_files``.
    """
    paths = [str(p) for p in paths or []] or [str(bundled_dir())]
    files: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in _walk(p):
                why = examine(f)
                if why is None:
                    files.append(f)
                else:
                    skipped.append(why)
        elif p.is_file():
            why = examine(p)
            if why is None:
                files.append(p)
            elif why.quiet or skip_other_files:
                skipped.append(why)
            else:
                raise TheoremFileError(f"{p}: not a theorem file: {why.reason}")
        else:
            raise TheoremFileError(f"{p}: no such file or folder")
    unique = list(dict.fromkeys(files))
    if not unique and not skip_other_files:
        raise TheoremFileError(f"no theorem files in {', '.join(paths)}")
    return Found(tuple(unique), tuple(skipped))
