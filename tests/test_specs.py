"""The property specs: one entry per property, from which options, help and statements derive."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sigsym.prover.kernel import Claim
from sigsym.prover.options import OPTION_NAMES
from sigsym.prover.properties import normalize_options, prove
from sigsym.prover.signs import SIGNS
from sigsym.prover.specs import SPECS
from sigsym.theorems.files import KEYS_OPTIONAL

PACKAGE = Path(__file__).resolve().parents[1] / "sigsym"


def test_every_option_name_is_declared_once_and_is_a_theorem_key() -> None:
    used = {o.name for spec in SPECS.values() for o in spec.options}
    assert used == set(OPTION_NAMES)
    assert set(OPTION_NAMES) <= set(KEYS_OPTIONAL)


def test_every_sign_property_has_a_spec_and_one_rule() -> None:
    assert set(SIGNS) <= set(SPECS)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_usage_lists_required_options_first(name: str) -> None:
    spec = SPECS[name]
    usage = spec.usage
    assert all(f"--{o}" in usage for o in spec.required + spec.optional)
    if spec.optional and spec.required:
        assert usage.index("[") > max(usage.index(f"--{o}") for o in spec.required)


def test_options_are_validated_by_their_kind() -> None:
    from sigsym.errors import OptionError

    with pytest.raises(OptionError, match="digits"):
        normalize_options("value", {"at": "2", "equals": "0.1", "digits": "many"})
    with pytest.raises(OptionError, match="decimal"):
        normalize_options("value", {"at": "2", "equals": "sqrt(2)", "digits": 3})
    with pytest.raises(OptionError, match="does not take"):
        normalize_options("even", {"on": "R"})
    assert dict(normalize_options("limit", {"at": "oo", "equals": "-oo"}))["equals"].is_infinite


@pytest.mark.parametrize(("expr", "prop", "options", "tex"), [
    ("sigmoid(x) - 1/2", "odd", {}, r"\sigma\left(-x\right) - \frac{1}{2} = -\left(\sigma\left(x\right) - \frac{1}{2}\right)"),
    ("diff(sigmoid(x), x)", "even", {}, r"\sigma'\left(-x\right) = \sigma'\left(x\right)"),
    ("tanh(x)", "odd", {}, r"\tanh{\left(-x \right)} = -\tanh{\left(x \right)}"),
    ("x**2", "even", {}, r"\left(-x\right)^{2} = x^{2}"),
    ("x*sigmoid(x)", "even", {}, r"-x \sigma\left(-x\right) = x \sigma\left(x\right)"),
])
def test_parity_statements_are_printed_not_patched(expr: str, prop: str, options: dict, tex: str) -> None:
    from sigsym.prover.claims import claim_tex

    assert claim_tex(expr, prop, options) == tex


def test_statements_come_from_the_spec() -> None:
    p = prove("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0")
    assert str(p).startswith("proved: σ′ has maximum 1/4 at x = 0")
    from sigsym.prover.properties import as_expr

    claim = Claim(as_expr("tanh"), "nonzero", (), "tanh(x)")
    from sigsym.prover.text import statement

    assert statement(claim) == "tanh is nonzero"


def test_no_code_reads_the_words_of_a_step_or_a_check() -> None:
    """No .startswith / .replace on a step's text or a counterexample's check or statement."""
    bad = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("startswith", "replace", "endswith"):
                target = node.func.value
                if isinstance(target, ast.Attribute) and target.attr in ("text", "check", "statement"):
                    bad.append(f"{path.name}:{node.lineno}")
    assert not bad, bad


def test_notes_catch_no_broad_exceptions() -> None:
    tree = ast.parse((PACKAGE / "present" / "notes.py").read_text(encoding="utf-8"))
    broad = [h.lineno for h in ast.walk(tree) if isinstance(h, ast.ExceptHandler)
             and (h.type is None or (isinstance(h.type, ast.Name) and h.type.id in ("Exception", "BaseException")))]
    assert not broad
