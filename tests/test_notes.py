"""The lecture notes' view model: structure, the JSON form, every relation re-checked numerically."""

from __future__ import annotations

import io
import json
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import mpmath
import pytest
import sympy as sp

from sigsym.cli import main
from sigsym.functions import X, to_exp
from sigsym.language.parse import parse, parse_interval
from sigsym.present.chains import width
from sigsym.present.notes import build
from sigsym.present.render import render

SEED_MISTAKES = ("σ′ is monotonically decreasing on ℝ", "σ is symmetric about the line x = 0", "σ′(2) ≈ 0.1048")
ORDER = ["motivation", "definition", "derivative", "properties", "higher", "ml", "misconceptions", "exercises",
         "solutions"]


@pytest.fixture(scope="module")
def sigma() -> dict:
    return build("sigmoid")


@pytest.fixture(scope="module")
def sigma_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("json") / "notes.json"
    assert main(["notes", "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _relations(node: object) -> Iterator[dict]:
    if isinstance(node, dict):
        if {"lhs", "op", "rhs"} <= node.keys():
            yield node
        for value in node.values():
            yield from _relations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _relations(value)


# ---------------------------------------------------------------- numeric re-check, independent of the prover

_RANGES = {"x": "R", "s": "(0, 1)", "u": "(-1, 1)", "t": "(0, oo)"}


def _side(text: str, var: str) -> sp.Expr:
    """Parse a side written in ``var`` as an expression of x (the parser knows x only)."""
    if var != "x":
        toks = [(t.type, "x" if t.type == tokenize.NAME and t.string == var else t.string)
                for t in tokenize.generate_tokens(io.StringIO(text).readline)]
        text = tokenize.untokenize(toks)
    return to_exp(parse(text))


def _points(where: str | None, var: str) -> list[mpmath.mpf]:
    iv = parse_interval(where or _RANGES[var])
    lo = mpmath.mpf(-25) if iv.lo == -sp.oo else mpmath.mpf(sp.Float(iv.lo, 60))
    hi = mpmath.mpf(25) if iv.hi == sp.oo else mpmath.mpf(sp.Float(iv.hi, 60))
    n = 97
    pts = [lo + (hi - lo) * (k + mpmath.mpf(1) / 3) / n for k in range(n)]
    if iv.lo_closed and iv.lo.is_finite:
        pts.append(lo)
    if iv.hi_closed and iv.hi.is_finite:
        pts.append(hi)
    return pts


def _holds(rel: dict) -> None:
    var = rel.get("var") or "x"
    lhs, rhs = _side(rel["lhs"], var), _side(rel["rhs"], var)
    f = sp.lambdify(X, lhs - rhs, "mpmath")
    tol = mpmath.mpf(10) ** -40
    with mpmath.workdps(50):
        for p in _points(rel.get("where"), var):
            d = f(p)
            scale = max(1, abs(sp.lambdify(X, lhs, "mpmath")(p)))
            ok = {"=": abs(d) <= tol * scale, "!=": abs(d) > tol * scale, "<": d < tol * scale,
                  "<=": d <= tol * scale, ">": d > -tol * scale, ">=": d >= -tol * scale}[rel["op"]]
            assert ok, f"{rel} fails at {var} = {mpmath.nstr(p, 12)}: lhs - rhs = {mpmath.nstr(d, 12)}"


def test_every_relation_in_the_json_holds_numerically(sigma_json: dict) -> None:
    rels = list(_relations(sigma_json))
    assert len(rels) > 60
    for rel in rels:
        _holds(rel)


@pytest.mark.parametrize("expr", ["tanh", "softplus", "x*sigmoid(x)", "sigmoid(3*x)"])
def test_relations_of_other_expressions_hold(expr: str) -> None:
    rels = list(_relations(json.loads(json.dumps(build(expr)))))
    assert rels
    for rel in rels:
        _holds(rel)


def test_json_is_the_model_the_templates_render(sigma: dict, sigma_json: dict) -> None:
    again = json.loads(json.dumps(sigma))
    again["format"] = "json"
    assert again == sigma_json
    tex = render(sigma, "article")
    for rel_block in (b for s in sigma["sections"] for b in s["blocks"] if b["kind"] == "chain"):
        for line in rel_block["lines"]:
            assert str(line["rhs_tex"]) in tex


def test_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "softplus", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["expr"] == "softplus" and doc["sections"]


# ---------------------------------------------------------------- structure of the article

def test_sections_in_the_order_of_a_lecture(sigma: dict) -> None:
    assert [s["id"] for s in sigma["sections"]] == ORDER
    assert sigma["appendix"]["title"] == "How each result was checked"


def test_each_route_is_one_chain_ending_at_the_self_referential_form(sigma: dict) -> None:
    deriv = next(s for s in sigma["sections"] if s["id"] == "derivative")
    chains = [b for b in deriv["blocks"] if b["kind"] == "chain"]
    assert [c["route"] for c in chains] == ["rules", "first-principles", "implicit"]
    for c in chains:
        assert c["lines"][-1]["relation"]["rhs"].replace(" ", "") in ("sigmoid(x)*(1-sigmoid(x))",
                                                                      "(1-sigmoid(x))*sigmoid(x)")
    hence = next(b for b in deriv["blocks"] if b["kind"] == "hence")
    assert hence["tex"] == r"\sigma' = \sigma(1-\sigma)"
    tex = render(sigma, "article")
    assert tex.count(r"\begin{align*}") >= 3 and "eliminate" not in tex


@pytest.mark.parametrize(("expr", "final"), [
    ("tanh", "1 - tanh(x)**2"), ("softplus", "sigmoid(x)"),
    ("x*sigmoid(x)", "sigmoid(x)*(1 + x*(1 - sigmoid(x)))"), ("sigmoid(3*x)", "3*sigmoid(3*x)*(1 - sigmoid(3*x))")])
def test_other_functions_reach_their_self_referential_form(expr: str, final: str) -> None:
    doc = build(expr)
    deriv = next(s for s in doc["sections"] if s["id"] == "derivative")
    chains = [b for b in deriv["blocks"] if b["kind"] == "chain"]
    assert chains
    for c in chains:
        assert c["lines"][-1]["relation"]["rhs"] == final or c["route"] == "first-principles"
    assert next(b for b in deriv["blocks"] if b["kind"] == "hence")["relations"][0]["rhs"] == final
    assert "eliminate" not in render(doc, "article")


def test_each_result_is_stated_once_and_definitions_are_not_proved(sigma: dict) -> None:
    theorems = [t for s in sigma["sections"] for b in s["blocks"] if b["kind"] == "theorems" for t in b["theorems"]]
    ids = [t["id"] for t in theorems]
    assert len(ids) == len(set(ids))
    statements = [t["statement_tex"] for t in theorems]
    assert len(statements) == len(set(statements))
    assert "sigmoid-definition" not in ids
    assert [a["number"] for a in sigma["appendix"]["entries"]] == [t["number"] for t in theorems]
    maxima = [t for t in theorems if "1/4" in t["title"] or "¼" in t["title"]]
    assert len(maxima) <= 2  # "σ′ ≤ 1/4 with its maximum" once, "range (0, 1/4]" once
    tex = render(sigma, "article")
    assert tex.count("Stirling numbers of the second kind") == 1


def test_readable_proofs_in_the_text_evidence_in_the_appendix(sigma: dict) -> None:
    tex = render(sigma, "article")
    body, appendix = tex.split(r"\appendix", 1)
    for word in ("Sturm", "Vincent", "interval arithmetic", "normal form", "over Q", "resultant", "sample point"):
        assert word not in body, word
    assert "(Checked: A." in body and "A.1 " in appendix


def test_misconceptions_start_with_the_seed_articles_three(sigma: dict) -> None:
    section = next(s for s in sigma["sections"] if s["id"] == "misconceptions")
    titles = [b["title"] for b in section["blocks"]]
    assert tuple(titles[:3]) == SEED_MISTAKES and len(titles) >= 4
    assert all(b["counterexample_tex"] for b in section["blocks"])


def test_at_least_ten_checked_exercises_in_three_levels_solutions_at_the_end(sigma: dict) -> None:
    ex = next(s for s in sigma["sections"] if s["id"] == "exercises")["blocks"][0]
    assert [g["level"] for g in ex["groups"]] == ["routine", "computational", "proof"]
    items = [e for g in ex["groups"] for e in g["entries"]]
    assert len(items) >= 10 and all(e["claims"] for e in items)
    assert sigma["sections"][-1]["id"] == "solutions"
    tex = render(sigma, "article")
    assert tex.index(r"\section{Solutions}") > tex.index(r"\section{Common misconceptions}")
    no_solutions = build("sigmoid", solutions=False)
    assert "solutions" not in [s["id"] for s in no_solutions["sections"]]


def test_machine_learning_section_covers_the_standard_texts(sigma: dict) -> None:
    ml = next(s for s in sigma["sections"] if s["id"] == "ml")
    text = " ".join(b["heading"] + str(b["text_tex"]) + " ".join(str(d["tex"]) for d in b["displays"]) for b in ml["blocks"])
    for needle in ("logit", r"\sigma(x)\,\sigma(-x)", "softplus", "4^{-L}", "zero-centred", "overflows", "wx+b",
                   r"\sigma(z) - y", "P'(t)"):
        assert needle in text, needle


def test_higher_derivatives_table_stirling_induction_taylor_radius(sigma: dict) -> None:
    higher = next(s for s in sigma["sections"] if s["id"] == "higher")
    kinds = [b["kind"] for b in higher["blocks"]]
    assert kinds == ["table", "induction", "taylor"]
    table = higher["blocks"][0]
    assert len(table["rows"]) == 7 and str(table["rows"][-1][-1]) == "-5040"
    assert r"\pi" in str(higher["blocks"][2]["after_tex"])


# ---------------------------------------------------------------- slides

def test_slides_for_sigma_have_at_most_25_frames_and_never_scale(sigma: dict) -> None:
    tex = render(build("sigmoid", fmt="beamer"), "beamer")
    frames = tex.count(r"\begin{frame}")
    assert 15 <= frames <= 25
    body = tex.split(r"\begin{document}")[1]
    assert r"\resizebox" not in body and r"\fitmath{" not in body and r"\scalebox" not in body
    assert r"\only<" in tex and r"\uncover<2->" in tex and r"\pause" in tex
    assert r"\date{\today}" in tex and "{Summary}" in tex


def test_width_estimate_is_monotone() -> None:
    assert width(r"\frac{1}{1 + e^{-x}}") < width(r"\frac{1}{1 + e^{-x}} + \frac{1}{1 + e^{-x}}")
    assert width(r"\sigma(x)") == pytest.approx(4)


# ---------------------------------------------------------------- the lecturer's theorem files

def test_lecturer_theorem_files_are_added(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[[theorem]]\nid = "my-one"\ntitle = "σ′ is even (mine)"\nexpr = "diff(sigmoid(x), x)"\n'
                    'property = "even"\nexpect = "proved"\n', encoding="utf-8")
    doc = build("sigmoid", theorems=[str(tmp_path)])
    section = next(s for s in doc["sections"] if s["id"] == "lecturer")
    t = section["blocks"][0]["theorems"][0]
    assert t["id"] == "my-one" and t["proof"]
    out = tmp_path / "n.tex"
    assert main(["notes", "-o", str(out), "--theorems", str(mine)]) == 0
    assert "σ′ is even (mine)" not in out.read_text() and re.search(r"Theorem \d+ \(.*even \(mine\)", out.read_text())


def test_missing_theorem_file_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "-o", str(tmp_path / "n.tex"), "--theorems", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.toml" in err
    assert not (tmp_path / "n.tex").exists()


def test_json_output_must_be_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "--format", "json", "-o", str(tmp_path / "n.tex")]) == 2
    assert ".json" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["beamer", "json"])
def test_slides_and_json_are_byte_identical_across_hash_seeds(tmp_path: Path, fmt: str) -> None:
    import os
    import subprocess
    import sys

    outs = []
    suffix = ".json" if fmt == "json" else ".tex"
    for seed in ("0", "4242"):
        out = tmp_path / f"s{seed}{suffix}"
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        subprocess.run([sys.executable, "-m", "sigsym", "notes", "--format", fmt, "-o", str(out)], env=env,
                       check=True, capture_output=True, timeout=300)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
