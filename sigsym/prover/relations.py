"""Relations: the lines of a human proof, each a claim the engine checks before it is shown.

A relation is ``lhs op rhs`` for every value of ``var`` in ``where`` (op one of = < <= > >= !=),
written in sigsym's own language so that anyone can re-check it by evaluation. ``var`` is ``x``,
or ``s`` standing for σ(x), or ``u`` standing for tanh(x), or ``t`` standing for eˣ: σ is a strictly
increasing bijection ℝ → (0, 1), tanh one ℝ → (−1, 1) and exp one ℝ → (0, ∞), so a relation in s on an interval of (0, 1) holds exactly
when the relation in x, with s = σ(x), holds on the interval of x that σ maps onto it (its ends
are logits, x = ln(s/(1 − s))). Every check is therefore a claim about a function of x, decided
by the prover: ``=`` by an identity of the two sides on the interval, an inequality by the sign of
lhs − rhs there.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass

import sympy as sp

from ..errors import ParseError
from ..functions import X, sigmoid
from ..language.parse import REAL_LINE, Interval, parse, parse_interval
from .kernel import Claim, Verdict

OPS = ("=", "<", "<=", ">", ">=", "!=")
_SIGN_PROPERTY = {"<": "negative", "<=": "nonpositive", ">": "positive", ">=": "nonnegative", "!=": "nonzero"}
_TEX_OP = {"=": "=", "<": "<", "<=": r"\le", ">": ">", ">=": r"\ge", "!=": r"\ne"}

# A variable other than x, the function of x it stands for, and the inverse that maps its ends.
_CHANGES = {
    "s": (sigmoid(X), lambda s: sp.log(s / (1 - s)), Interval(sp.Integer(0), sp.Integer(1), False, False)),
    "u": (sp.tanh(X), lambda u: sp.log((1 + u) / (1 - u)) / 2,
          Interval(sp.Integer(-1), sp.Integer(1), False, False)),
    "t": (sp.exp(X), sp.log, Interval(sp.Integer(0), sp.oo, False, False)),
}


@dataclass(frozen=True)
class Relation:
    """``lhs op rhs`` for every ``var`` in ``where`` (None: wherever both sides are defined)."""

    lhs: str
    op: str
    rhs: str
    var: str = "x"
    where: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"lhs": self.lhs, "op": self.op, "rhs": self.rhs, "var": self.var, "where": self.where}

    def latex(self, lhs_tex: str, rhs_tex: str) -> str:
        return f"{lhs_tex} {_TEX_OP[self.op]} {rhs_tex}"


def _in_x(text: str, var: str) -> sp.Expr:
    """Parse a side written in ``var``: the parser knows x only, so s / u are read as x and then
    replaced by the function of x they stand for."""
    if var == "x":
        return parse(text)
    if var not in _CHANGES:
        raise ParseError(f"unknown variable {var!r} in a relation (x, s = σ(x), u = tanh(x) or t = eˣ)")
    expr = parse(_rename(text, var))
    return expr.xreplace({X: _CHANGES[var][0]})


def _rename(text: str, var: str) -> str:
    """The text with the name ``var`` (a whole token) read as x; x itself is not allowed."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return text  # the parser reports the syntax error
    out, last = [], 0
    for tok in tokens:
        if tok.type == tokenize.NAME and tok.start[0] == 1 and tok.string in (var, "x"):
            if tok.string == "x":
                raise ParseError(f"a relation in {var} must not use x: {text!r}")
            out += [text[last:tok.start[1]], "x"]
            last = tok.end[1]
    out.append(text[last:])
    return "".join(out)


def _x_interval(var: str, where: str | None) -> Interval:
    """The interval of x on which the relation is claimed."""
    if var == "x":
        return REAL_LINE if where is None else parse_interval(where)
    _fn, inverse, natural = _CHANGES[var]
    j = natural if where is None else parse_interval(where)

    def end(v: sp.Expr, low: bool) -> sp.Expr:
        if v == natural.lo or v == -sp.oo:
            return -sp.oo
        if v == natural.hi or v == sp.oo:
            return sp.oo
        return sp.simplify(inverse(v))

    return Interval(end(j.lo, True), end(j.hi, False), j.lo_closed and j.lo != natural.lo,
                    j.hi_closed and j.hi != natural.hi)


_DECIDED: dict[Relation, Verdict] = {}


def check(rel: Relation) -> Verdict:
    """Decide the relation with the prover: PROVED, REFUTED or UNKNOWN (never a guess). Decided
    relations are remembered (the same line recurs in many proofs); UNKNOWN is not."""
    if rel in _DECIDED:
        return _DECIDED[rel]
    verdict = _decide(rel)
    if verdict is not Verdict.UNKNOWN:
        if len(_DECIDED) > 4096:
            _DECIDED.clear()
        _DECIDED[rel] = verdict
    return verdict


def _verdict(expr: sp.Expr, prop: str, **options: object) -> Verdict:
    """The decision procedure's verdict on a line of a proof. The line belongs to a claim whose
    own verdict the kernel has already cross-examined, so the interval sampling of ``conclude``
    is not repeated for every line (it would double the time of a human proof); a refutation
    is still believed only with its counterexample re-checked."""
    from ..engine.budget import budget, seconds
    from .properties import decide, normalize_options
    from .values import as_function

    with budget(seconds()):
        parsed = as_function(expr)
        other = as_function(options["equals"]).domain if prop == "identity" else ()
        claim = Claim(parsed.expr, prop, normalize_options(prop, options), str(expr), parsed.domain, other)
        outcome = decide(claim)
    if outcome.verdict is Verdict.REFUTED and (outcome.counterexample is None or not outcome.counterexample.verify()):
        return Verdict.UNKNOWN
    return outcome.verdict


def _decide(rel: Relation) -> Verdict:
    if rel.op not in OPS:
        raise ParseError(f"unknown relation {rel.op!r}; one of {', '.join(OPS)}")
    lhs, rhs = _in_x(rel.lhs, rel.var), _in_x(rel.rhs, rel.var)
    interval = _x_interval(rel.var, rel.where)
    diff = lhs - rhs
    if rel.op == "=":
        if interval.is_real_line:
            return _verdict(lhs, "identity", equals=rhs)
        up = _verdict(diff, "nonnegative", on=interval)
        down = _verdict(diff, "nonpositive", on=interval)
        if Verdict.REFUTED in (up, down):
            return Verdict.REFUTED
        return Verdict.PROVED if up is down is Verdict.PROVED else Verdict.UNKNOWN
    return _verdict(diff, _SIGN_PROPERTY[rel.op], on=interval)
