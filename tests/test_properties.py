"""Every property of the contract on σ, σ′, σ″, tanh, tanh′, the logistic (k = 3) and softplus′."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from claims import CLAIMS

from sigsym import prove
from sigsym.cli import main
from sigsym.errors import OptionError
from sigsym.prover.kernel import Proof, Verdict
from sigsym.prover.properties import PROPERTIES


@pytest.mark.parametrize(("expr", "prop", "options", "expected"), CLAIMS,
                         ids=[f"{e}-{p}-{'-'.join(map(str, o.values()))}" for e, p, o, _ in CLAIMS])
def test_claim(expr: str, prop: str, options: dict, expected: str) -> None:
    proof = prove(expr, prop, **options)
    assert proof.verdict.value == expected, proof.to_json()
    if proof.verdict is Verdict.REFUTED:
        assert proof.counterexample is not None and proof.counterexample.verify()
    if proof.verdict is Verdict.PROVED:
        assert proof.certificate, "a proof shows its evidence"
        assert all(s.check for s in proof.certificate)


def test_every_property_has_a_true_and_a_false_claim() -> None:
    seen = {(p, want) for _, p, _, want in CLAIMS}
    for prop in PROPERTIES:
        assert (prop, "proved") in seen, prop
        if prop != "stirling-form":  # no k, L for f outside the logistic family: unknown, not false
            assert (prop, "refuted") in seen, prop


@pytest.mark.parametrize(("prop", "options", "why"), [
    ("decreasing", {}, "σ′ is not monotone on R"),
    ("value", {"at": "2", "equals": "0.1048", "digits": 4}, "σ′(2) ≈ 0.1050"),
])
def test_article_mistakes_on_sigma_prime(prop: str, options: dict, why: str) -> None:
    proof = prove("diff(sigmoid(x), x)", prop, **options)
    assert proof.verdict is Verdict.REFUTED, why
    assert proof.counterexample.verify()


def test_article_mistake_sigma_even() -> None:
    proof = prove("sigmoid", "even")
    assert proof.verdict is Verdict.REFUTED
    ce = proof.counterexample
    assert ce.verify() and ce.x is not None
    assert prove("sigmoid(-x)", "identity", equals="1 - sigmoid(x)").proved


def test_decreasing_counterexample_is_a_pair() -> None:
    ce = prove("diff(sigmoid(x), x)", "decreasing").counterexample
    assert ce.x is not None and ce.x2 is not None and ce.x < ce.x2
    f = sp.diff(1 / (1 + sp.exp(-sp.Symbol("x"))), sp.Symbol("x"))
    assert f.subs("x", ce.x).evalf(30) < f.subs("x", ce.x2).evalf(30)


def test_api_accepts_sympy_and_numbers() -> None:
    x = sp.Symbol("x")
    assert prove(sp.exp(-x) / (1 + sp.exp(-x)) ** 2, "maximum", equals=sp.Rational(1, 4), at=0).proved
    assert prove("sigmoid", "value", at=0, equals=0.5).proved


def test_options_are_checked() -> None:
    with pytest.raises(OptionError, match="needs option 'equals'"):
        prove("sigmoid", "identity")
    with pytest.raises(OptionError, match="does not take option 'on'"):
        prove("sigmoid", "even", on="R")
    with pytest.raises(OptionError, match="unknown property"):
        prove("sigmoid", "periodic")
    with pytest.raises(OptionError, match="digits"):
        prove("sigmoid", "value", at=1, equals="0.7", digits=-1)


def test_proof_only_from_kernel() -> None:
    from sigsym.errors import InternalError
    from sigsym.prover.kernel import Claim
    with pytest.raises(InternalError):
        Proof(Claim(sp.Integer(1), "positive"), Verdict.PROVED, "forged", (), None)


def test_cli_prove_json_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prove", "diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--at", "0", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("verdict", "property", "expr", "method", "counterexample", "steps"):
        assert key in data
    assert data["verdict"] == "proved" and data["counterexample"] is None
    assert main(["prove", "diff(sigmoid(x), x)", "decreasing", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "refuted" and data["counterexample"]["x"] is not None
    assert main(["prove", "exp(exp(x)) - x", "positive"]) == 3
    assert "unknown" in capsys.readouterr().out
    assert main(["prove", "sigmoid", "positive", "--on", "(1, 0)"]) == 2
    assert main(["prove", "sigmoid", "value", "--at", "1", "--equals", "0.7311", "--digits", "four"]) == 2


def test_text_output_shows_steps(capsys: pytest.CaptureFixture[str]) -> None:
    main(["prove", "diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--at", "0"])
    out = capsys.readouterr().out
    assert out.startswith("proved:")
    assert "proof (each line checked):" in out and "because" in out and "x = 0" in out
    main(["prove", "diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--at", "0", "--certificate"])
    assert "[checked: exact" in capsys.readouterr().out  # the evidence, on request


def test_prove_does_not_load_jinja2() -> None:
    import subprocess
    import sys
    code = ("import sys; from sigsym.cli import main; main(['prove', 'sigmoid', 'positive']); "
            "print('jinja2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"
