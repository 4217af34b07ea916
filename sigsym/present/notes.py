"""The view model of the lecture notes: every formula made (and checked) by the engine.

Templates receive only strings: LaTeX the engine made is wrapped in ``Markup`` (passed as is),
everything else is prose and gets escaped by the template environment. Sections that do not
apply to the expression are ``None`` and left out by the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from markupsafe import Markup

from ..derivation.derive import ROUTES, derive
from ..engine.exact import formal_zero
from ..errors import InternalError, OptionError, RouteError, SigsymError
from ..functions import X, lookup, sigmoid, to_exp
from ..language.notation import function_phrase, tex
from ..prover import discovery as facts
from ..prover import higher
from ..prover.claims import claim_tex
from ..prover.kernel import Proof, StepKind
from ..prover.properties import as_expr, prove
from ..theorems.files import Theorem, bundled_dir, load
from .figures import Figure, figures  # noqa: F401 - Figure stays importable from here
from .texutil import slug

M = Markup

THEOREM_FILES = {"sigmoid": ("sigmoid", "sigmoid_prime", "higher"), "tanh": ("tanh",)}
SECTION_TITLES = {
    "definition": "Definition", "self-reference": "The derivative through the function itself",
    "symmetry": "Symmetry", "range": "Range and maximum", "positivity": "Positivity",
    "monotonicity": "Monotonicity", "limits": "Limits and the vanishing gradient",
    "smoothness": "Smoothness", "higher": "Higher derivatives", "inflection": "Inflection points of the derivative",
    "examples": "Certified values", "": "Properties",
}
STEP_LABELS: dict[StepKind, str] = {
    StepKind.SUBSTITUTION: "Normal form", StepKind.ZEROS: "Zeros and poles", StepKind.SIGN_CHART: "Sign on each piece",
    StepKind.DIFFERENCE: "Difference", StepKind.DOMAIN: "Domains", StepKind.REFLECTION: "Reflection",
    StepKind.SYMMETRY: "Symmetry", StepKind.ROUNDING: "Rounding", StepKind.DECIMAL: "Decimal",
    StepKind.EXACT_VALUE: "Exact value", StepKind.VALUE: "Value", StepKind.LIMIT: "Limit",
    StepKind.CONTINUITY: "Continuity", StepKind.IMAGE: "Image", StepKind.CONCLUSION: "Conclusion",
    StepKind.DERIVATIVE: "Derivative", StepKind.MONOTONICITY: "Monotonicity", StepKind.EXTREME: "Candidates",
    StepKind.SMOOTHNESS: "Smoothness", StepKind.CONDITION: "Side condition", StepKind.CONSTANT: "Constant",
    StepKind.FORMAL: "Formal identity", StepKind.SELF_REFERENCE: "Self-referential form",
    StepKind.BASE_CASE: "Base case", StepKind.INDUCTION_STEP: "Induction step", StepKind.CHECK: "Check",
    StepKind.UNDECIDED: "Undecided",
}


def step_label(kind: StepKind) -> str:
    """The notes' label of a proof step: by its kind, never by its wording."""
    return STEP_LABELS[kind]


# ---------------------------------------------------------------- claims as formulas

@dataclass(frozen=True)
class TheoremView:
    id: str
    title: str  # prose
    claim: Markup
    verdict: str
    expect: str
    steps: tuple[tuple[str, Markup, str], ...]  # (label, latex, check)
    counterexample: Markup | None
    counter_text: str | None
    note: str


def theorem_view(t: Theorem, proof: Proof) -> TheoremView:
    if proof.verdict.value != t.expect:
        raise InternalError(f"theorem {t.id} is {proof.verdict.value}, expected {t.expect}; run sigsym check")
    steps = tuple((step_label(s.kind), M(s.latex), s.check) for s in proof.certificate if s.latex)
    ce = proof.counterexample
    return TheoremView(t.id, t.title, M(claim_tex(t.expr, t.prop, dict(t.options))), proof.verdict.value, t.expect,
                       steps, M(ce.latex) if ce else None, ce.statement if ce else None, t.note)


def _discovered(f_text: str) -> list[tuple[Theorem, Proof]]:
    """Facts about an arbitrary expression of the class, each proved by the prover."""
    return [(Theorem(tid, title, f_text, fact.prop, "proved", fact.options, "(discovered)", None, "", ""), fact.proof)
            for tid, title, fact in facts.discover(f_text)]


# ---------------------------------------------------------------- figures (present.figures)

def fname_tex_of(f: sp.Expr) -> str:
    entry = lookup(f)
    return entry.symbol if entry else "f"


# ---------------------------------------------------------------- the whole document

def build(expr_text: str = "sigmoid", title: str | None = None, author: str | None = None,
          fmt: str = "article", solutions: bool = True) -> dict:
    """Everything the templates need, as safe LaTeX or prose."""
    f = as_expr(expr_text)
    if not f.has(X):
        raise SigsymError("the expression does not depend on x: there is nothing to differentiate")
    entry = lookup(f)
    name = entry.name if entry else "f"
    sym = entry.symbol if entry else "f"
    fx = tex(f) if entry else "f(x)"
    doc: dict = {
        "format": fmt,
        "title": title or M(f"The derivative of {function_phrase(expr_text)}"),
        "author": author or "",
        "solutions": solutions,
        "name": name,
        "symbol": M(sym),
        "fx": M(fx),
        "definition": M(entry.definition_tex if entry else rf"f(x) = {tex(f)}"),
        "blurb": entry.blurb if entry else "the function",
        "is_sigmoid": f == sigmoid(X),
    }
    doc["figures"] = figures(f, slug(expr_text, entry.name if entry else None))
    doc["derivations"] = _derivations(f, expr_text)
    doc["theorem_groups"] = _theorem_groups(expr_text, f, name)
    doc["higher"] = _higher(f, sym)
    doc["examples"] = _examples(f, sym)
    doc["misconceptions"] = _misconceptions() if doc["is_sigmoid"] else None
    doc["applications"] = _applications() if doc["is_sigmoid"] else None
    doc["exercises"] = _exercises(f, sym)
    return doc


def _derivations(f: sp.Expr, expr_text: str) -> list[dict]:
    out = []
    names = {"rules": "By the differentiation rules", "first-principles": "From first principles",
             "implicit": "By implicit differentiation"}
    for route in ROUTES:
        try:
            d = derive(f, 1, route)
        except RouteError:
            continue
        steps = [(s.rule, M(s.law), M(s.latex)) for s in d.steps]
        out.append({"route": names[route], "key": route, "steps": steps,
                    "start": M(tex(sp.Derivative(f, X))),
                    "result": M(d.result_latex),
                    "in_terms": M(d.in_terms_latex) if d.in_terms_latex else None,
                    "in_terms_named": M(higher.pretty_tex(higher.relation(f, 1), fname_tex_of(f))) if d.in_terms_latex else None})
    return out


def _theorem_groups(expr_text: str, f: sp.Expr, name: str) -> list[dict]:
    theorems: list[Theorem] = []
    for stem in THEOREM_FILES.get(name, ()):
        theorems += load(bundled_dir() / f"{stem}.toml")
    decided = [(t, t.run()) for t in theorems] if theorems else _discovered(expr_text)
    groups: dict[str, list[TheoremView]] = {}
    for t, proof in decided:
        groups.setdefault(t.section, []).append(theorem_view(t, proof))
    order = list(SECTION_TITLES)
    return [{"heading": SECTION_TITLES.get(k, k.capitalize()), "theorems": v}
            for k, v in sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)]


def _higher(f: sp.Expr, sym: str) -> dict | None:
    ode = higher.ode_polynomial(f)
    if ode is None:
        return None
    s = sym if sym != "f" else "f"
    rows = []
    for n in range(1, 6):
        coeffs = higher.nth_in_f(ode, n)
        if not higher.agrees_in_t(f, ode, range(n, n + 1)):
            raise InternalError(f"order {n} table entry failed its check")
        rows.append((M(str(n)), M(higher.poly_tex(coeffs, s))))
    out: dict = {"rows": rows, "ode": M(higher.pretty_tex(higher.relation(f, 1), s)),
                 "stirling": None, "induction": None, "taylor": None}
    shape = higher.logistic_shape(ode)
    if shape is not None and shape == (1, 1):
        proof = higher.stirling_induction()
        if not proof.checked:
            raise InternalError("Stirling induction did not check")
        out["stirling"] = M(rf"{s}^{{(n)}} = \sum_{{k=0}}^{{n}} (-1)^{{k}}\, k!\, S(n+1,k+1)\, {s}^{{k+1}}")
        out["induction"] = [M(proof.base)] + [M(line) for line in proof.step]
        if f == sigmoid(X):
            if not higher.taylor_matches(8):
                raise InternalError("Taylor coefficients disagree")
            series = higher.taylor_sigmoid(4)
            out["taylor"] = M(_series_tex(series))
            out["bernoulli"] = M(r"\sigma(x) = \frac{1}{2} + \sum_{n\ge 1} \frac{B_{2n}\,(4^{n}-1)}{(2n)!}\, x^{2n-1}")
    return out


def _series_tex(series: sp.Expr) -> str:
    poly = sp.Poly(series, X)
    terms = []
    for (k,), c in sorted(poly.terms()):
        body = tex(c * X**k)
        terms.append(body if not terms or body.startswith("-") else "+ " + body)
    return " ".join(terms).replace("+ -", "- ") + r" + O\left(x^{9}\right)"


def _examples(f: sp.Expr, sym: str) -> dict | None:
    if not facts.in_class(f):
        return None
    from ..derivation.examples import ARTICLE_POINTS, evaluate

    rows = []
    for a in ARTICLE_POINTS:
        try:
            ex = evaluate(f, sp.Integer(a), 4)
        except OptionError:  # not defined (or not certified) there: that row is left out
            continue
        rows.append((M(str(a)), M(tex(ex.exact)), M(ex.decimal)))
    if not rows:
        return None
    return {"rows": rows, "name": M(rf"{sym}'" if sym != "f" else "f'")}


def _misconceptions() -> list[TheoremView]:
    return [theorem_view(t, t.run()) for t in load(bundled_dir() / "misconceptions.toml")]


def _applications() -> list[dict]:
    z, y, w, xx = sp.symbols("z y w x_1", real=True)
    s = 1 / (1 + sp.exp(-z))
    loss = -y * sp.log(s) - (1 - y) * sp.log(1 - s)
    if not formal_zero(sp.diff(loss, z) - (s - y)):
        raise InternalError("logistic-regression gradient failed its check")
    big_k, a, r, t = sp.symbols("K A r t", positive=True)
    p = big_k / (1 + a * sp.exp(-r * t))
    if not formal_zero(sp.diff(p, t) - r * p * (1 - p / big_k)):
        raise InternalError("logistic growth equation failed its check")
    return [
        {"heading": "Backpropagation through a sigmoid unit",
         "text": M(r"In the forward pass a unit computes $a = \sigma(z)$. In the backward pass the chain rule needs "
                   r"$\sigma'(z)$, and by the self-referential form it costs one multiplication, reusing the stored "
                   r"forward value:"),
         "formula": M(r"\frac{\partial L}{\partial z} = \frac{\partial L}{\partial a}\, \sigma'(z) = \frac{\partial L}{\partial a}\, a\,(1-a)")},
        {"heading": "The logistic-regression gradient",
         "text": M(r"For the cross-entropy loss of one example with label $y$ and prediction $\sigma(w\cdot x)$, the "
                   r"$\sigma'$ factors cancel and the gradient is the error times the input (checked by "
                   r"differentiating the loss):"),
         "formula": M(r"\frac{\partial}{\partial z}\Bigl[-y\ln\sigma(z) - (1-y)\ln\bigl(1-\sigma(z)\bigr)\Bigr] = \sigma(z) - y,"
                      r"\qquad \nabla_{w} L = \bigl(\sigma(w\cdot x) - y\bigr)\, x")},
        {"heading": "Logistic growth",
         "text": M(r"The logistic family $P(t) = K/(1 + A e^{-rt})$ is the self-referential form again: it solves "
                   r"the logistic growth equation (checked by differentiating $P$):"),
         "formula": M(r"P'(t) = r\,P(t)\left(1 - \frac{P(t)}{K}\right)")},
    ]


def _exercises(f: sp.Expr, sym: str) -> list[dict]:
    out = []
    if f == sigmoid(X):
        v = prove("diff(sigmoid(x), x)", "value", at="log(3)", equals="3/16")
        if not v.proved:
            raise InternalError("exercise value failed")
        out.append({"question": M(r"Compute $\sigma'(\ln 3)$ exactly."),
                    "solution": M(r"$\sigma(\ln 3) = \frac{1}{1 + 1/3} = \frac{3}{4}$, so "
                                  r"$\sigma'(\ln 3) = \sigma(1-\sigma) = \frac{3}{4}\cdot\frac{1}{4} = \frac{3}{16}$.")})
        v2 = prove("diff(sigmoid(x), x, 2)", "value", at="0", equals="0")
        if not v2.proved:
            raise InternalError("exercise value failed")
        out.append({"question": M(r"Show that $\sigma''(0) = 0$ and decide whether $x = 0$ is an inflection point of $\sigma$."),
                    "solution": M(r"$\sigma'' = \sigma(1-\sigma)(1-2\sigma)$ and $\sigma(0) = \tfrac12$, so $\sigma''(0) = 0$; "
                                  r"$\sigma''>0$ on $(-\infty,0)$ and $\sigma''<0$ on $(0,\infty)$, so the concavity changes: "
                                  r"$x=0$ is an inflection point.")})
        out.append({"question": M(r"Using $\sigma(-x) = 1 - \sigma(x)$, show that $\sigma'$ is even."),
                    "solution": M(r"Differentiate both sides: $-\sigma'(-x) = -\sigma'(x)$, hence $\sigma'(-x) = \sigma'(x)$.")})
        return out
    if not facts.in_class(f):
        return out
    d0 = sp.simplify(sp.diff(to_exp(f), X).subs(X, 0))
    if prove(sp.diff(to_exp(f), X), "value", at=0, equals=d0).proved:
        out.append({"question": M(rf"Compute ${sym}'(0)$."), "solution": M(rf"${sym}'(0) = {tex(d0)}$.")})
    lim_fact = facts.limit(f, "oo")
    if lim_fact is not None:
        lim = lim_fact.value
        out.append({"question": M(rf"Find $\lim_{{x\to\infty}} {tex(f) if sym == 'f' else sym + '(x)'}$."),
                    "solution": M(rf"Substitute $t = e^{{x}}$ and compare leading terms: the limit is ${tex(lim)}$.")})
    return out

