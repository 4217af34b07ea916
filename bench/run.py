"""sigsym against the tools a user would pick instead, side by side in one run.

    python bench/run.py            # prints the tables (markdown)
    python bench/run.py --quick    # fewer repetitions, n up to 200

(a) the σ′ property battery: sigsym against plain SymPy (simplify, limit, maximum, is_increasing);
(b) σ^(n) as a polynomial in σ: sigsym against SymPy diff + substitution + factor (until it passes
    30 s) and Maxima diff + ratsimp + factor (skipped, with a note, when maxima is absent);
(c) cold commands against `python -c "import sympy"`; (d) peak memory of each command;
(e) questions about σ^(n), n = 20, 40, 60, decided in one process, with the time spent in the
    FLINT root layer (sigsym.engine.algebraic / sigsym.engine.flintpoly) shown apart;
(f) isolating the real roots of the polynomial of σ^(n) in σ: sigsym (Arb balls, certified with
    exact arithmetic) against SymPy's Poly.intervals and Maxima's realroots (each until 30 s);
(g) the marginal time of a bundled theorem in a warm process: each theorem run once, after the
    imports and one unrelated proof (no result is cached between theorems: each is re-proved).
Every number is a wall time in seconds (best of the repetitions) measured in this run.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
SYMPY_LIMIT = 30.0
# every child imports sigsym from this checkout (not from wherever it happens to be installed)
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
QUESTION_BUDGET = 60  # seconds per σ^(n) question in (e); above it the verdict is unknown

BATTERY_SIGSYM = r'''
import time
import sigsym.prover.properties as P
t = time.perf_counter()
f = "diff(sigmoid(x), x)"
claims = [("identity", dict(equals="sigmoid(x)*(1 - sigmoid(x))")), ("even", {}), ("odd", {}),
          ("value", dict(at="0", equals="1/4")), ("value", dict(at="2", equals="0.1050", digits=4)),
          ("limit", dict(at="oo", equals="0")), ("limit", dict(at="-oo", equals="0")), ("positive", {}),
          ("nonzero", {}), ("increasing", dict(on="(-oo, 0]")), ("decreasing", dict(on="[0, oo)")),
          ("decreasing", {}), ("maximum", dict(equals="1/4", at="0")), ("minimum", dict(equals="0")),
          ("range", dict(equals="(0, 1/4]")), ("smooth", {})]
verdicts = [P.prove(f, p, **o).verdict.value for p, o in claims]
print(time.perf_counter() - t, len(claims), verdicts.count("unknown"))
'''

BATTERY_SYMPY = r'''
import time
import sympy as sp
from sympy.calculus.util import maximum, minimum
from sympy import is_increasing, is_decreasing, Interval, oo
t = time.perf_counter()
x = sp.Symbol("x", real=True)
s = 1 / (1 + sp.exp(-x))
d = sp.diff(s, x)
checks = [
    sp.simplify(d - s * (1 - s)) == 0,
    sp.simplify(d.subs(x, -x) - d) == 0,
    sp.limit(d, x, oo) == 0,
    sp.limit(d, x, -oo) == 0,
    maximum(d, x, sp.S.Reals) == sp.Rational(1, 4),
    is_increasing(d, Interval(-oo, 0)),
    is_decreasing(d, Interval(0, oo)),
    sp.simplify(d.subs(x, 0)) == sp.Rational(1, 4),
    minimum(d, x, sp.S.Reals) == 0,
]
print(time.perf_counter() - t, len(checks), checks.count(False))
'''

NTH_SIGSYM = r'''
import time, sys
from sigsym.prover import higher
n = int(sys.argv[1])
t = time.perf_counter()
from sigsym.language.parse import parse
ode = higher.ode_polynomial(parse("sigmoid"))
t1 = time.perf_counter()
text = higher.poly_text(higher.nth_in_f(ode, n))
t2 = time.perf_counter()
print(t2 - t, t2 - t1)
'''

QUESTIONS = r'''
import os, sys, time
from sigsym.prover import higher
from sigsym.engine import algebraic
from sigsym.functions import X, sigmoid
from sigsym.prover.properties import prove
spent = [0.0]
depth = [0]
def timed(fn):  # only the outermost timed call counts (they call each other)
    def wrapper(*a, **k):
        t = time.perf_counter()
        depth[0] += 1
        try:
            return fn(*a, **k)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[0] += time.perf_counter() - t
    return wrapper
algebraic.positive_roots = timed(algebraic.positive_roots)  # the FLINT root layer, timed apart
from sigsym.engine import signchart
signchart.positive_roots = algebraic.positive_roots
algebraic._crootof = timed(algebraic._crootof)
algebraic.value_at = signchart.value_at = timed(algebraic.value_at)  # values at roots, on FLINT
algebraic.Root.refine = timed(algebraic.Root.refine)
n = int(sys.argv[1])
prove("sigmoid", "positive")  # the process's first SymPy arithmetic, not charged to n
f = higher.poly_expr(higher.nth_in_f(higher.ode_polynomial(sigmoid(X)), n), sigmoid(X))
for prop, opts in [("nonzero", {}), ("positive", {"on": "(0, oo)"}), ("increasing", {"on": "[0, 1]"}),
                   ("maximum", {"on": "[-3, 3]", "equals": "0"})]:
    spent[0] = 0.0
    t = time.perf_counter()
    verdict = prove(f, prop, **opts).verdict.value
    print(prop, verdict, time.perf_counter() - t, spent[0])
'''

ISOLATE_SIGSYM = r'''
import sys, time
from flint import fmpz_poly
from sigsym.prover import higher
from sigsym.engine import flintpoly
n = int(sys.argv[1])
p = fmpz_poly(higher.stirling_coefficients(n))  # σ^(n) as a polynomial in σ, degree n + 1
t = time.perf_counter()
roots = flintpoly.real_roots(flintpoly.squarefree_part(p))
print(time.perf_counter() - t, len(roots))
'''

ISOLATE_SYMPY = r'''
import sys, time
import sympy as sp
from sigsym.prover import higher
n = int(sys.argv[1])
s = sp.Symbol("s")
p = sp.Poly(higher.stirling_coefficients(n)[::-1], s)
t = time.perf_counter()
roots = p.intervals()
print(time.perf_counter() - t, len(roots))
'''

MARGINAL = r'''
import statistics, time
from sigsym.prover.properties import prove
from sigsym.theorems.files import collect, load
from sigsym.theorems.runner import run_theorem
prove("sigmoid", "positive")  # the imports and SymPy's first arithmetic, not charged to a theorem
theorems = [t for f in collect().files for t in load(f)]
times = []
for theorem in theorems:
    t = time.perf_counter()
    outcome = run_theorem(theorem)
    times.append(time.perf_counter() - t)
    assert outcome.ok, theorem.id
print(statistics.median(times), len(times), sum(times))
'''

NTH_SYMPY = r'''
import time, sys
import sympy as sp
n = int(sys.argv[1])
t = time.perf_counter()
x, s = sp.symbols("x s")
d = sp.diff(1 / (1 + sp.exp(-x)), x, n)
p = sp.factor(sp.cancel(d.subs(sp.exp(-x), (1 - s) / s)))
print(time.perf_counter() - t)
'''


def _ratio(r: float) -> str:
    return f"{r:.0f}" if r >= 10 else f"{r:.2g}"


def best(cmd: list[str], reps: int, env: dict | None = None, timeout: float = 600) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=env or ENV, cwd="/tmp")
        times.append(time.perf_counter() - t)
    return min(times)


def inner(code: str, args: list[str], reps: int, timeout: float = 600) -> tuple[float, list[str]]:
    """Best in-process time printed by a fresh interpreter running ``code``."""
    runs = []
    for _ in range(reps):
        out = subprocess.run([PY, "-c", code, *args], check=True, capture_output=True, text=True,
                             timeout=timeout, cwd="/tmp", env=ENV).stdout.split()
        runs.append(out)
    runs.sort(key=lambda r: float(r[0]))
    return float(runs[0][0]), runs[0][1:]


def peak_mib(cmd: list[str]) -> float:
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True, cwd='/tmp'); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PY, "-c", code, *cmd], check=True, capture_output=True, text=True, timeout=600,
                         env=ENV).stdout
    return int(out.strip()) / 1024


def maxima_time(n: int) -> float | None:
    exe = shutil.which("maxima")
    if exe is None:
        return None
    prog = (f"t0: elapsed_real_time()$ d: diff(1/(1+exp(-x)), x, {n})$ "
            f"r: factor(ratsimp(subst((1-s)/s, exp(-x), d)))$ print(\"T=\", elapsed_real_time() - t0)$")
    return _maxima_seconds(exe, prog)


def _maxima_seconds(exe: str, prog: str) -> float | None:
    """Run a Maxima batch program that prints "T= <seconds>" (its own clock); inf on time-out."""
    try:
        out = subprocess.run([exe, "--very-quiet", f"--batch-string={prog}"], capture_output=True, text=True,
                             timeout=SYMPY_LIMIT).stdout
    except subprocess.TimeoutExpired:
        return float("inf")
    try:
        return float(out.rsplit("T=", 1)[1].split()[0])
    except (IndexError, ValueError):
        return None


def maxima_realroots(n: int) -> float | None:
    """Maxima's realroots on the polynomial of σ^(n) in σ (its own clock, start-up excluded)."""
    exe = shutil.which("maxima")
    if exe is None:
        return None
    sys.path.insert(0, str(ROOT))
    from sigsym.prover import higher

    poly = " + ".join(f"({c})*s^{j}" for j, c in enumerate(higher.stirling_coefficients(n)) if c)
    prog = f"p: {poly}$ t0: elapsed_real_time()$ r: realroots(p)$ print(\"T=\", elapsed_real_time() - t0)$"
    return _maxima_seconds(exe, prog)


def _cell(t: float | None, base: float) -> tuple[str, str]:
    if t is None:
        return "maxima not installed (apt-get install maxima)", ""
    if t == float("inf"):
        return f"> {SYMPY_LIMIT:.0f}", f"> {SYMPY_LIMIT / base:.0f}"
    if t < 0.01:  # Maxima's clock ticks in hundredths
        return "< 0.01", ""
    return f"{t:.3f}", _ratio(t / base)


def questions_table(ns: list[int]) -> list[str]:
    """(e): each question's wall time in one process, and how much of it is the root layer."""
    lines = ["", "(e) Questions about σ^(n) in one process (verdict, wall s, of which the FLINT root layer s)", "",
             "| n | nonzero on R | positive on (0, oo) | increasing on [0, 1] | maximum on [-3, 3] (claimed 0) |",
             "|---:|---|---|---|---|"]
    env = {**ENV, "SIGSYM_TIME_BUDGET": str(QUESTION_BUDGET)}
    for n in ns:
        out = subprocess.run([PY, "-c", QUESTIONS, str(n)], capture_output=True, text=True, check=True,
                             timeout=8 * QUESTION_BUDGET, cwd="/tmp", env=env).stdout.split("\n")
        cells = []
        for row in out:
            if row.strip():
                _prop, verdict, wall, layer = row.split()
                cells.append(f"{verdict} {float(wall):.2f} ({float(layer):.3f})")
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return lines


def isolation_table(ns: list[int]) -> list[str]:
    """(f): real-root isolation of P_n(σ), sigsym against SymPy and Maxima."""
    lines = ["", "(f) Isolating the real roots of σ^(n) as a polynomial in σ (degree n + 1; wall s, ratio = other / sigsym)", "",
             "| n | sigsym (continued fractions + exact certificate) | SymPy Poly.intervals | ratio | Maxima realroots | ratio |",
             "|---:|---:|---:|---:|---:|---:|"]
    env = ENV
    for n in ns:
        runs = [subprocess.run([PY, "-c", ISOLATE_SIGSYM, str(n)], capture_output=True, text=True, check=True,
                               cwd="/tmp", env=env).stdout.split() for _ in range(3)]
        t_s = min(float(r[0]) for r in runs)
        try:
            out = subprocess.run([PY, "-c", ISOLATE_SYMPY, str(n)], capture_output=True, text=True, check=True,
                                 cwd="/tmp", env=env, timeout=SYMPY_LIMIT).stdout.split()
            t_p = float(out[0])
        except subprocess.TimeoutExpired:
            t_p = float("inf")
        sp_txt, sp_ratio = _cell(t_p, t_s)
        mx_txt, mx_ratio = _cell(maxima_realroots(n), t_s)
        lines.append(f"| {n} | {t_s:.4f} | {sp_txt} | {sp_ratio} | {mx_txt} | {mx_ratio} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    reps = 2 if args.quick else 5
    ns = [10, 40, 80, 200] if args.quick else [10, 40, 80, 200, 1000]
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{platform.system()}; date {datetime.date.today().isoformat()}; `python bench/run.py`", ""]

    # (c) and (d): cold commands, each timed in alternation with `import sympy` so that a busy
    # machine slows both sides of a ratio alike
    sympy_cmd = [PY, "-c", "import sympy"]
    cmds = {
        "sigsym prove (one property)": ["-m", "sigsym", "prove", "diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--at", "0"],
        "sigsym derive sigmoid --order 200 --json": ["-m", "sigsym", "derive", "sigmoid", "--order", "200", "--json"],
        "sigsym check (bundled suite)": ["-m", "sigsym", "check"],
        "sigsym notes (.tex only)": ["-m", "sigsym", "notes", "-o", "/tmp/sigsym-bench-notes.tex", "--force"],
    }
    targets = {"sigsym prove (one property)": 1.3, "sigsym derive sigmoid --order 200 --json": 1.3,
               "sigsym check (bundled suite)": 2.0, "sigsym notes (.tex only)": 3.0}
    one: list[str] = []
    if shutil.which("taskset"):  # the same commands held to one core: check and notes use a second one
        one = ["taskset", "-c", "0"]
        cmds["sigsym check, one core (taskset -c 0)"] = ["@one", *cmds["sigsym check (bundled suite)"]]
        cmds["sigsym notes, one core (taskset -c 0)"] = ["@one", *cmds["sigsym notes (.tex only)"]]
        targets["sigsym check, one core (taskset -c 0)"] = targets["sigsym check (bundled suite)"]
        targets["sigsym notes, one core (taskset -c 0)"] = targets["sigsym notes (.tex only)"]
    rows, bases = [], []
    for label, cmd in cmds.items():
        pinned = cmd[:1] == ["@one"]
        cmd = [*one, PY, *cmd[1:]] if pinned else [PY, *cmd]
        base_t, cmd_t = [], []
        base_cmd = [*one, *sympy_cmd] if pinned else sympy_cmd
        for _ in range(reps):
            base_t.append(best(base_cmd, 1))
            cmd_t.append(best(cmd, 1))
        bases += [] if pinned else base_t
        rows.append(f"| {label} | {min(cmd_t):.2f} | {min(cmd_t) / min(base_t):.2f} | ≤ {targets[label]} | "
                    f"{peak_mib(cmd):.0f} |")
    lines += ["(c, d) Cold commands against `python -c \"import sympy\"` (ratio: best of each, timed in alternation)", "",
              "| command | wall (s) | ratio | target | peak MiB |", "|---|---:|---:|---:|---:|",
              f"| python -c \"import sympy\" | {min(bases):.2f} | 1.00 | | {peak_mib(sympy_cmd):.0f} |", *rows]

    # (a) the battery
    t_sig, (n_sig, unk) = inner(BATTERY_SIGSYM, [], reps)
    t_sp, (n_sp, wrong) = inner(BATTERY_SYMPY, [], max(1, reps // 2))
    lines += ["", "(a) The σ′ property battery, in one process after import", "",
              "| tool | claims | wall (s) | ratio |", "|---|---:|---:|---:|",
              f"| sigsym (exact, cross-checked; {unk} unknown) | {n_sig} | {t_sig:.3f} | 1.00 |",
              f"| plain SymPy (simplify, limit, maximum, is_increasing; {wrong} wrong or undecided) | {n_sp} | {t_sp:.3f} | {t_sp / t_sig:.1f} |"]

    # (b) n-th derivative
    lines += ["", "(b) σ^(n) as a polynomial in σ (wall seconds; ratio = other / sigsym)", "",
              "| n | sigsym | of which the polynomial | SymPy diff+subs+factor | ratio | Maxima diff+ratsimp+factor | ratio |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    sympy_dead = maxima_dead = False
    for n in ns:
        t_s, (poly_only,) = inner(NTH_SIGSYM, [str(n)], reps)
        if sympy_dead:
            sp_txt, sp_ratio = f"> {SYMPY_LIMIT:.0f} (skipped)", ""
        else:
            try:
                t_p, _ = inner(NTH_SYMPY, [str(n)], 1, timeout=SYMPY_LIMIT)
                sp_txt, sp_ratio = f"{t_p:.2f}", _ratio(t_p / t_s)
            except subprocess.TimeoutExpired:
                sympy_dead = True
                sp_txt, sp_ratio = f"> {SYMPY_LIMIT:.0f}", ""
        m = None if maxima_dead else maxima_time(n)
        if maxima_dead:
            mx_txt, mx_ratio = f"> {SYMPY_LIMIT:.0f} (skipped)", ""
        elif m is None:
            mx_txt, mx_ratio = "maxima not installed (apt-get install maxima)", ""
        elif m == float("inf"):
            maxima_dead = True
            mx_txt, mx_ratio = f"> {SYMPY_LIMIT:.0f}", ""
        else:
            mx_txt, mx_ratio = f"{m:.2f}", _ratio(m / t_s)
        lines.append(f"| {n} | {t_s:.4f} | {float(poly_only):.4f} | {sp_txt} | {sp_ratio} | {mx_txt} | {mx_ratio} |")

    lines += questions_table([20, 40] if args.quick else [20, 40, 60])
    lines += isolation_table([20, 40] if args.quick else [20, 40, 60])
    median, count, total = inner(MARGINAL, [], reps)[0], *inner(MARGINAL, [], 1)[1]
    lines += ["", "(g) Bundled theorems in a warm process (each re-proved; no result cached between them)", "",
              "| theorems | median per theorem (ms) | target | all of them (s) |", "|---:|---:|---:|---:|",
              f"| {count} | {1000 * median:.1f} | ≤ 5 | {float(total):.2f} |"]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
