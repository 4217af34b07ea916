"""The view model of the lecture notes: sections of blocks, every formula made (and checked) by the engine.

The document is the one a lecturer writes: motivation → definition and graph → the derivative by
each route (one aligned chain each, ending at the self-referential form) → properties, each stated
once with its readable proof → higher derivatives → machine learning → misconceptions → exercises
→ solutions → an appendix with the evidence of every result ("How each result was checked").

``build`` returns plain data (dicts, lists, strings; LaTeX as ``Markup``): the templates render
exactly this tree and ``notes --format json`` writes it. Prose about σ lives in the content files
next to the templates (``templates/content/*.toml``), not here. Parts that do not apply to an
expression are left out.

The tree (``notes --format json``): ``title author date expr name symbol figures sections appendix
summary``; a section is ``{id, title, intro, slide, blocks}`` and a block has a ``kind``: ``text``,
``definition``, ``chain`` (``lines`` of ``{lhs_tex, op_tex, rhs_tex, rule, relation}``), ``hence``,
``figure``, ``table``, ``theorems`` (each theorem ``{number, id, title, statement_tex, claim,
relations, proof: [{tex, because, relations}]}``), ``induction``, ``taylor``, ``topic``,
``misconception``, ``exercises`` and ``solutions``. Every ``relation`` is ``{lhs, op, rhs, var,
where}`` in sigsym's language; a block's ``slide`` names its frame in the slides (None: not shown).
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cache
from typing import Any

import sympy as sp
from markupsafe import Markup

from ..errors import InternalError, OptionError, SigsymError
from ..functions import X, lookup, to_exp
from ..language.notation import function_phrase, tex
from ..language.parse import parse
from ..prover import discovery as facts
from ..prover import higher, human
from ..prover.claims import claim_tex
from ..prover.kernel import Proof, StepKind
from ..prover.properties import as_expr
from ..theorems.files import Theorem, bundled_dir, collect, load
from . import forked
from .chains import chains, function_content, width
from .figures import Figure, figures  # noqa: F401 - Figure stays importable from here
from .render import display
from .texutil import slug
from .viewmodel import checked, claim_relations, content, lang, marked, proved, relation, run_claim

M = Markup

THEOREM_FILES = {"sigmoid": ("sigmoid", "sigmoid_prime", "higher"), "tanh": ("tanh",)}
LEVELS = (("routine", "Routine"), ("computational", "Computational"), ("proof", "Proofs"))
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
    """The appendix's label of an evidence step: by its kind, never by its wording."""
    return STEP_LABELS[kind]


def _evidence(proof: Proof) -> list[dict[str, Any]]:
    """The engine's evidence for a proof (``proof.certificate``), for the appendix; the one place that reads it."""
    return [{"label": step_label(s.kind), "tex": M(s.latex), "check": s.check} for s in proof.certificate if s.latex]


# ---------------------------------------------------------------- figures (present.figures)

def fname_tex_of(f: sp.Expr) -> str:
    entry = lookup(f)
    return entry.symbol if entry else "f"


# ---------------------------------------------------------------- theorems

class _Numbers:
    """Theorem numbers in order of appearance; the appendix entry of theorem n is A.n."""

    def __init__(self) -> None:
        self.n = 0
        self.appendix: list[dict[str, Any]] = []

    def theorem(self, t: Theorem, proof: Proof, slide: str | None = None) -> dict[str, Any]:
        if proof.verdict.value != t.expect:
            raise InternalError(f"theorem {t.id} is {proof.verdict.value}, expected {t.expect}; run sigsym check")
        self.n += 1
        opts = dict(t.options)
        steps = human.for_proof(proof) or ()
        proof_lines = [{"tex": M(s.latex), "because": M(s.because_tex), "relations": [r.as_dict() for r in s.relations],
                        "span": round(width(s.latex) + 0.55 * len(s.because))} for s in steps]
        self.appendix.append({"number": self.n, "id": t.id, "title": t.title, "steps": _evidence(proof)})
        return {"kind": "theorem", "number": self.n, "id": t.id, "title": t.title, "slide": slide,
                "statement_tex": M(claim_tex(t.expr, t.prop, opts)),
                "claim": {"expr": t.expr, "property": t.prop, "options": {k: str(v) for k, v in opts.items()}},
                "relations": claim_relations(t.expr, t.prop, opts),
                "proof": proof_lines, "note": t.note or None}


@cache
def _bundled_index() -> dict[str, Theorem]:
    out: dict[str, Theorem] = {}
    for path in sorted(bundled_dir().glob("*.toml")):
        for t in load(path):
            out[t.id] = t
    return out


def _inline_theorem(tid: str, title: str, c: dict[str, Any], expect: str) -> Theorem:
    opts = tuple(sorted((k, v) for k, v in c.items() if k not in ("expr", "property")))
    return Theorem(tid, title, c["expr"], c["property"], expect, opts, "(notes)", None, "", "")


def _discovered(f_text: str) -> list[tuple[Theorem, Proof]]:
    """Facts about an arbitrary expression of the class, each proved by the prover."""
    return [(Theorem(tid, title, f_text, fact.prop, "proved", fact.options, "(discovered)", None, "", ""), fact.proof)
            for tid, title, fact in facts.discover(f_text)]


# ---------------------------------------------------------------- the whole document

def build(expr_text: str = "sigmoid", title: str | None = None, author: str | None = None,
          fmt: str = "article", solutions: bool = True, theorems: list[str] | None = None,
          parallel: bool = False) -> dict[str, Any]:
    """The document's view model; every displayed relation checked before it is kept.

    With ``parallel`` (the ``sigsym`` command), the numbered results (properties, a lecturer's
    theorems) are decided in a forked child on a second core while the rest is checked here;
    the model is the same, byte for byte."""
    f = as_expr(expr_text)
    if not f.has(X):
        raise SigsymError("the expression does not depend on x: there is nothing to differentiate")
    entry = lookup(f)
    name = entry.name if entry else "f"
    sym = entry.symbol if entry else "f"
    fdata = function_content(f)
    data = content(fdata.get("content") or name) if entry or fdata.get("content") else {}
    default_title = fdata.get("title") or (f"The derivative of {entry.blurb}" if entry else None)
    doc: dict[str, Any] = {
        "format": fmt,
        "expr": expr_text,
        "title": title or default_title or M(f"The derivative of {function_phrase(expr_text)}"),
        "author": author or "",
        "date": M(r"\today"),
        "solutions": solutions,
        "name": name,
        "symbol": M(sym),
        "fx": M(tex(f) if entry else "f(x)"),
    }

    def numbered() -> tuple[Any, ...]:  # the sections that share the theorem numbers
        numbers = _Numbers()
        props = _properties(expr_text, f, name, data, numbers)
        return props, _lecturer(theorems, numbers), numbers

    job = forked.start(numbered, parallel)  # about half of the work, measured (σ's article)
    here = False
    try:
        figs = [asdict(g) for g in figures(f, slug(expr_text, entry.name if entry else None))]
        doc["figures"] = figs
        first = [_motivation(data), _definition(f, entry, data, figs), _derivative(f, sym, data, figs)]
        middle = [_higher(f, sym, data), _machine_learning(data), _misconceptions(data)]
        exercises, solved = _exercises(f, sym, data, solutions)
        here = True
    finally:
        if not here:  # an error, the budget, ^C: the child must not go on alone
            job.cancel()
    props, lecturer, numbers = job.result()
    sections = [*first, props, *middle, lecturer, exercises, solved if solutions else None]
    doc["sections"] = [s for s in sections if s and s["blocks"]]
    doc["appendix"] = {"id": "checks", "title": "How each result was checked", "entries": numbers.appendix} \
        if numbers.appendix else None
    doc["summary"] = _summary(f, sym, data, doc)
    return _figure_refs(doc, [g["label"] for g in figs])


FIGURE_ROLES = ("fig:f", "fig:fprime", "fig:overlay")


def _figure_refs(tree: Any, labels: list[str]) -> Any:
    """Content files and this module refer to the figures by role (``\\ref{fig:f}``, ``fig:fprime``,
    ``fig:overlay``); the figures carry labels unique per function (``fig:<slug>``, so several
    fragments can share one document). Map each role to its label once, on the finished model, and
    write the mathematics as it is printed (``render.display``), so the JSON holds what the page shows."""
    if isinstance(tree, Markup):
        out = str(tree)
        for role, label in zip(FIGURE_ROLES, labels, strict=False):
            out = out.replace("\\ref{" + role + "}", "\\ref{" + label + "}")
        return Markup(out if out.startswith("%") else display(out))
    if isinstance(tree, dict):
        return {k: _figure_refs(v, labels) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_figure_refs(v, labels) for v in tree]
    return tree


def _section(sid: str, title: str, blocks: list[dict[str, Any]], intro: object = None, slide: str | None = None) -> dict[str, Any]:
    return {"id": sid, "title": title, "intro": marked(intro) if intro else None, "slide": slide,
            "blocks": [b for b in blocks if b]}


def _motivation(data: dict[str, Any]) -> dict[str, Any] | None:
    text = data.get("document", {}).get("motivation")
    if not text:
        return None
    slide = data["document"].get("motivation_slide", "Motivation")
    return _section("motivation", "Motivation", [{"kind": "text", "tex": marked(text), "slide": slide}])


def _definition(f: sp.Expr, entry: object, data: dict[str, Any], figs: list[dict[str, Any]]) -> dict[str, Any]:
    d = data.get("document", {})
    if entry is not None:
        definition = M(entry.definition_tex)  # type: ignore[attr-defined]
        rels = [relation(lang(f), "=", lang(to_exp(f)))]
    else:
        definition = M(rf"f(x) = {tex(f)}")
        rels = []
    lead = d.get("definition") or (rf"We study {entry.blurb} (a definition, not a result):"  # type: ignore[attr-defined]
                                   if entry is not None else "We study the function")
    blocks: list[dict[str, Any]] = [{"kind": "definition", "lead_tex": marked(lead), "tex": definition,
                           "after_tex": marked(d.get("after_definition")) if d.get("after_definition") else
                           (M(r"Figure~\ref{fig:f} shows its graph.") if figs else None),
                           "figure": 0 if figs else None, "relations": rels, "slide": "Definition"}]
    return _section("definition", "Definition and graph", blocks)


def _derivative(f: sp.Expr, sym: str, data: dict[str, Any], figs: list[dict[str, Any]]) -> dict[str, Any]:
    d = data.get("document", {})
    routes, hence = chains(f, sym)
    blocks: list[dict[str, Any]] = []
    for i, c in enumerate(routes):
        blocks.append({"kind": "chain", "title": c["title"], "route": c["route"], "lines": c["lines"], "width": c["width"],
                       "span": c["span"],
                       "slide": f"The derivative: {c['title'].lower()}" if i < 3 else None})
    if hence:
        blocks.append({"kind": "hence", "tex": hence["tex"], "relations": [hence["relation"]], "routes": len(routes),
                       "figure": 1 if len(figs) > 1 else None, "slide": "The derivative"})
    after = d.get("after_derivative")
    if after:
        blocks.append({"kind": "text", "tex": marked(after), "slide": None})
    elif len(figs) > 1:
        blocks.append({"kind": "text", "tex": M(r"Figure~\ref{fig:fprime} shows the graph of the derivative."),
                       "slide": None})
    if len(figs) > 1:
        blocks.append({"kind": "figure", "figure": 1, "slide": None})
    if len(figs) > 2:
        blocks.append({"kind": "text", "tex": M(r"Figure~\ref{fig:overlay} shows the function and its derivative "
                                                r"in one plot: the derivative is largest where the graph is steepest."),
                       "slide": None})
        blocks.append({"kind": "figure", "figure": 2, "slide": None})
    blocks.append(_values(f, sym))
    intro = d.get("derivative_intro") or (r"Every line below was checked by the computer: each equals sign is an "
                                          r"identity for every real $x$, and the rule used is named on the right.")
    return _section("derivative", "The derivative", blocks, intro)


def _values(f: sp.Expr, sym: str) -> dict[str, Any] | None:
    if not facts.in_class(f):
        return None
    from ..derivation.examples import ARTICLE_POINTS, evaluate

    rows, rels = [], []
    d_text = lang(sp.Derivative(f, X))
    for a in ARTICLE_POINTS:
        try:
            ex = evaluate(f, sp.Integer(a), 4)
        except OptionError:  # not defined (or not certified) there: that row is left out
            continue
        rows.append([M(str(a)), M(tex(ex.exact)), M(ex.decimal)])
        rels += claim_relations(d_text, "value", {"at": str(a), "equals": ex.decimal, "digits": 4})
    if not rows:
        return None
    name = rf"{sym}'" if sym != "f" else "f'"
    return {"kind": "table", "caption": None, "lead_tex": M(rf"Some values of ${name}$, exact and rounded correctly to "
                                                            r"four decimal places:"),
            "columns_tex": [M("a"), M(rf"{name}(a)"), M(r"\text{decimal}")], "rows": rows, "relations": rels,
            "slide": None}


def _properties(expr_text: str, f: sp.Expr, name: str, data: dict[str, Any], numbers: _Numbers) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    groups = data.get("property")
    if groups:
        index = _bundled_index()
        for g in groups:
            chosen = [index[tid] for tid in g.get("theorems", [])]
            chosen += [_inline_theorem(c["id"], c["title"], {k: v for k, v in c.items() if k not in ("id", "title")},
                                       "proved") for c in g.get("claims", [])]
            theorems = [numbers.theorem(t, t.run()) for t in chosen]
            rels = [checked(r) for r in g.get("relations", [])]
            blocks.append({"kind": "theorems", "heading": g["heading"], "theorems": theorems,
                           "after_tex": marked(g["text"]) if g.get("text") else None, "relations": rels,
                           "slide": g.get("slide"), "slide_proof": g.get("slide_proof")})
    else:
        decided: list[tuple[Theorem, Proof]] = []
        for stem in THEOREM_FILES.get(name, ()):
            decided += [(t, t.run()) for t in load(bundled_dir() / f"{stem}.toml")]
        if not decided:
            decided = _discovered(expr_text)
        seen: set[str] = set()
        theorems = []
        for t, proof in decided:
            if t.section == "definition" or t.title in seen:  # definitions are stated, not proved
                continue
            seen.add(t.title)
            theorems.append(numbers.theorem(t, proof))
        if theorems:
            blocks.append({"kind": "theorems", "heading": None, "theorems": theorems, "after_tex": None,
                           "relations": [], "slide": None, "slide_proof": None})
    intro = data.get("document", {}).get("properties_intro") or (
        "Each result is stated once, with a short proof; how each one was checked by the computer is "
        "recorded in the appendix.")
    return _section("properties", "Properties", blocks, intro)


def _higher(f: sp.Expr, sym: str, data: dict[str, Any]) -> dict[str, Any] | None:
    ode = higher.ode_polynomial(f)
    if ode is None:
        return None
    table: list[list] = []
    head = 2 if sym in ("f", r"\sigma") else len(sym)  # the width of a column heading such as σ^k
    for n in range(1, 8):  # up to the seventh derivative, while a row fits on a slide
        coeffs = higher.nth_in_f(ode, n)
        if table and sum(max(len(str(c)), head) + 1 for c in coeffs[1:]) > 46:
            break
        table.append(coeffs)
    orders = range(1, len(table) + 1)
    if not higher.agrees_in_t(f, ode, orders):
        raise InternalError("a higher-derivative table entry failed its check")
    width = max(len(c) for c in table)  # coefficients of f^0, f^1, ..., f^(width-1)
    low = 0 if any(c[0] for c in table) else 1  # no column of zeros for the constant term
    f_text = lang(f)
    rows, rels = [], []
    for n, coeffs in zip(orders, table, strict=True):
        padded = [*coeffs, *([0] * (width - len(coeffs)))][low:]
        rows.append([M(str(n)), *[M(_int_tex(c)) if c else M("") for c in padded]])
        rels.append(relation(f"diff({f_text}, x, {n})", "=", lang(higher.poly_expr(coeffs, f))))
    s = sym
    ode_tex = higher.pretty_tex(higher.relation(f, 1), s)
    blocks: list[dict[str, Any]] = [{
        "kind": "table", "slide": "Higher derivatives",
        "lead_tex": M(rf"Because ${s}' = {ode_tex}$, the chain rule turns every derivative into a polynomial in "
                      rf"${s}$: if ${s}^{{(n)}} = P_n({s})$ then ${s}^{{(n+1)}} = P_n'({s})\,{s}'$. The table lists "
                      rf"the coefficient of ${s}^{{k}}$ in ${s}^{{(n)}}$; for example "
                      rf"${s}'' = {higher.poly_tex(table[1], s)}$."),
        "caption": None,
        "columns_tex": [M("n"), *[M(rf"{s}^{{{k}}}" if k > 1 else (s if k else "1")) for k in range(low, width)]],
        "rows": rows, "relations": rels}]
    shape = higher.logistic_shape(ode)
    if shape == (1, 1):
        proof = higher.stirling_induction()
        if not proof.checked:
            raise InternalError("Stirling induction did not check")
        blocks.append({"kind": "induction", "slide": "The Stirling form",
                       "lead_tex": M(r"In closed form, with the Stirling numbers of the second kind $S(n,k)$ "
                                     r"(the number of ways to split $n$ objects into $k$ non-empty groups):"),
                       "tex": M(rf"{s}^{{(n)}} = \sum_{{k=0}}^{{n}} (-1)^{{k}}\, k!\, S(n+1,k+1)\, {s}^{{k+1}}"),
                       "base_tex": M(proof.base), "step_tex": [M(line) for line in proof.step]})
        if f == as_expr("sigmoid"):
            if not higher.taylor_matches(8):
                raise InternalError("Taylor coefficients disagree")
            blocks.append({"kind": "taylor", "slide": "Taylor series",
                           "series_tex": M(r"\sigma(x) = " + _series_tex(higher.taylor_sigmoid(4))),
                           "general_tex": M(r"\sigma(x) = \frac{1}{2} + \sum_{n\ge 1} \frac{B_{2n}\,(4^{n}-1)}{(2n)!}"
                                            r"\, x^{2n-1}"),
                           "after_tex": marked(data.get("document", {}).get("taylor_radius"))})
    return _section("higher", "Higher derivatives", blocks)


def _int_tex(c: object) -> str:
    v = int(c)  # type: ignore[call-overload]
    return f"-{abs(v)}" if v < 0 else str(v)


def _series_tex(series: sp.Expr) -> str:
    poly = sp.Poly(series, X)
    terms = []
    for (k,), c in sorted(poly.terms()):
        body = tex(c * X**k)
        terms.append(body if not terms or body[0] == "-" else "+ " + body)
    return " ".join(terms) + r" + \dotsb"


def _machine_learning(data: dict[str, Any]) -> dict[str, Any] | None:
    items = data.get("ml")
    if not items:
        return None
    blocks = []
    for it in items:
        displays = []
        for d in it.get("display", []):
            rels = [checked(r, checks=d.get("checks")) for r in d.get("relations", [])]
            displays.append({"tex": marked(d["tex"]), "relations": rels})
        blocks.append({"kind": "topic", "heading": it["heading"], "text_tex": marked(it.get("text")),
                       "displays": displays, "after_tex": marked(it.get("after")) if it.get("after") else None,
                       "slide": it.get("slide")})
    return _section("ml", "The sigmoid in machine learning", blocks)


def _misconceptions(data: dict[str, Any]) -> dict[str, Any] | None:
    items = data.get("misconception")
    if not items:
        return None
    index = _bundled_index()
    blocks = []
    for i, it in enumerate(items):
        if "theorem" in it:
            t = index[it["theorem"]]
            statement = M(claim_tex(t.expr, t.prop, dict(t.options)))
        else:
            t = _inline_theorem(f"misconception-{i + 1}", it["title"], it["claim"], "refuted")
            statement = marked(it["statement"])
        proof = t.run()
        if proof.verdict.value != "refuted" or proof.counterexample is None or not proof.counterexample.verify():
            raise InternalError(f"misconception {t.id} was not refuted with a checked counterexample")
        blocks.append({"kind": "misconception", "title": t.title, "statement_tex": statement,
                       "counterexample_tex": M(proof.counterexample.latex),
                       "relations": _violated(t, proof), "explain_tex": marked(it.get("explain")),
                       "slide": "Common mistakes" if i < 3 else None})
    return _section("misconceptions", "Common misconceptions", blocks,
                    r"Each claim below is false: the computer refutes it with a counterexample that is itself "
                    r"checked. The first three appear in a popular article on the sigmoid.")


def _violated(t: Theorem, proof: Proof) -> list[dict[str, Any]]:
    """The relation that the counterexample makes true (and the claim would make false)."""
    ce = proof.counterexample
    if ce is None or ce.x is None:
        return []
    opts = dict(t.options)
    f = parse(t.expr)
    at = ce.x

    def val(e: sp.Expr, p: sp.Expr) -> str:
        return lang(e.subs(X, p))

    if t.prop == "identity":
        return [relation(val(f, at), "!=", val(parse(str(opts["equals"])), at))]
    if t.prop in ("even", "odd") and at is not None:
        other = f.subs(X, at) if t.prop == "even" else -f.subs(X, at)
        return [relation(val(f, -at), "!=", lang(other))]
    if t.prop in ("increasing", "decreasing") and ce.x2 is not None:
        op = "<=" if t.prop == "increasing" else ">="
        return [relation(val(f, ce.x2), op, val(f, at))] if ce.x < ce.x2 else []
    return []


def _lecturer(paths: list[str] | None, numbers: _Numbers) -> dict[str, Any] | None:
    """The lecturer's own theorem files (``notes --theorems FILE|DIR``): statements and proofs."""
    if not paths:
        return None
    found = collect(paths)
    blocks = []
    for path in found.files:
        theorems = [numbers.theorem(t, t.run()) for t in load(path)]
        if theorems:
            blocks.append({"kind": "theorems", "heading": None, "theorems": theorems, "after_tex": None,
                           "relations": [], "slide": "Further results" if not blocks else None,
                           "slide_proof": None})
    return _section("lecturer", "Further results", blocks,
                    "These results come from the lecturer's theorem files; each one was decided by the computer.")


def _exercises(f: sp.Expr, sym: str, data: dict[str, Any], solutions: bool = True) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    items = data.get("exercise")
    if items is None:
        items = _generic_exercises(f, sym)
    if not items:
        return None, None
    numbered = []
    for n, it in enumerate(items, 1):
        for c in it.get("claims", []):
            proved(c)
        rels = [checked(r) for r in it.get("relations", [])]
        claims = [{"expr": c["expr"], "property": c["property"],
                   "options": {k: str(v) for k, v in c.items() if k not in ("expr", "property")}}
                  for c in it.get("claims", [])]
        numbered.append({"number": n, "level": it["level"], "question_tex": marked(it["question"]),
                         "answer_tex": marked(it["answer"]), "solution_tex": marked(it["solution"]),
                         "claims": claims, "relations": rels})
    groups = [{"level": key, "heading": heading, "entries": [e for e in numbered if e["level"] == key]}
              for key, heading in LEVELS]
    groups = [g for g in groups if g["entries"]]
    ex = _section("exercises", "Exercises", [{"kind": "exercises", "groups": groups, "slide": "Exercises"}],
                  "Answers are in the next section; every answer was checked by the computer." if solutions
                  else "Every answer was checked by the computer.")
    sol = _section("solutions", "Solutions", [{"kind": "solutions", "entries": [
        {"number": e["number"], "answer_tex": e["answer_tex"], "solution_tex": e["solution_tex"]} for e in numbered],
        "slide": None}])
    return ex, sol


def _generic_exercises(f: sp.Expr, sym: str) -> list[dict[str, Any]]:
    """Exercises for an expression without a content file: the value of f′ at 0 and a limit."""
    if not facts.in_class(f):
        return []
    out = []
    f_text = lang(f)
    d_text = lang(sp.Derivative(f, X))
    head = f"{sym}" if sym != "f" else "f"
    fx = f"{head}(x)" if sym != "f" else tex(f)
    d0 = sp.nsimplify(sp.simplify(sp.diff(f, X).subs(X, 0)))
    if d0.is_finite and run_claim({"expr": d_text, "property": "value", "at": "0", "equals": str(d0)}).proved:
        out.append({"level": "routine", "question": rf"Compute ${head}'(0)$.", "answer": rf"${head}'(0) = {tex(d0)}$.",
                    "solution": rf"Differentiate and substitute $x = 0$: ${head}'(0) = {tex(d0)}$.",
                    "claims": [{"expr": d_text, "property": "value", "at": "0", "equals": str(d0)}]})
    lim = facts.limit(f, "oo")
    if lim is not None:
        out.append({"level": "computational", "question": rf"Find $\lim_{{x\to\infty}} {fx}$.",
                    "answer": rf"The limit is ${tex(lim.value)}$.",
                    "solution": rf"Substitute $t = e^{{x}}$ and compare the leading terms: the limit is "
                                rf"${tex(lim.value)}$.",
                    "claims": [{"expr": f_text, "property": "limit", "at": "oo", "equals": str(lim.value)}]})
    return out


def _summary(f: sp.Expr, sym: str, data: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any] | None:
    text = data.get("document", {}).get("summary")
    if not text:
        return None
    curves = [{"figure": i, "label_tex": M(f"${sym}$" if i == 0 else f"${sym}'$")}
              for i in range(min(2, len(doc["figures"])))]
    return {"tex": marked(text), "curves": curves}
