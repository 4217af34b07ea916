"""One ``PropertySpec`` per property: its options (typed, validated), its decision procedure, its
refuter, what it means, and how its statement is printed.

Everything else is derived from this table: ``normalize_options`` (validation), the CLI's
property help, the theorem-file keys, the domain pre-check (properties with ``on`` are about an
interval), the cross-examination of ``proved`` verdicts (the refuter). Adding a property is one
entry here, a procedure, and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sympy as sp

from ..functions import X
from ..language.parse import parse, parse_constant, parse_interval
from . import procedures as proc
from . import refuters
from .kernel import Claim, Counterexample, Outcome
from .options import OPTION_HELP, Option, OptionKind
from .signs import SIGNS

K = OptionKind
_ON = Option("on", K.INTERVAL, metavar="I")


def _decimal_text(value: str, digits: int) -> str:
    from fractions import Fraction

    from ..engine.numeric import decimal

    v = parse_constant(value)
    return decimal(Fraction(int(v.p), int(v.q)), digits) if v.is_Rational else value


@dataclass(frozen=True)
class Subject:
    """f as the statement printers see it: its name in prose, and LaTeX printers.

    ``name`` is σ′ (a catalogue function or a derivative of one: ``symbol``) or the expression's
    text; ``expr`` is f as written (derivatives kept), ``tex`` prints an expression, and
    ``tex_at`` prints f with x replaced by the given argument (``-x`` for parity).
    """

    name: str
    symbol: str | None
    expr: sp.Expr
    source: str
    tex: Callable[[sp.Expr], str] = sp.latex
    tex_at: Callable[[sp.Expr], str] | None = None

    def f(self, arg: sp.Expr = X) -> str:
        if self.tex_at is not None:
            return self.tex_at(arg)
        return self.tex(self.expr if arg == X else self.expr.subs(X, arg))

    @property
    def compound(self) -> bool:
        """Whether −f(x) needs brackets: f is a sum (σ(x) − ½)."""
        return isinstance(self.expr, sp.Add)


@dataclass(frozen=True)
class Printed:
    """The options of a claim as the printers use them: text as written, LaTeX by option kind."""

    text: dict[str, str]
    latex: dict[str, str]

    def __contains__(self, name: str) -> bool:
        return name in self.text


@dataclass(frozen=True)
class PropertySpec:
    name: str
    options: tuple[Option, ...]
    procedure: Callable[[Claim], Outcome]
    refuter: Callable[[Claim], Counterexample | None]
    holds_when: str
    say: Callable[[Subject, Printed], str]  # the claim as an English sentence
    formula: Callable[[Subject, Printed], str]  # the claim as a LaTeX formula
    example: str = ""  # a command line that sigsym proves (shown in the help, run by the tests)
    about_constants: bool = True  # the constant-function procedure decides it when f has no x
    validate: Callable[[dict[str, object]], None] = field(default=lambda options: None)

    def __post_init__(self) -> None:
        unknown = [o.name for o in self.options if o.name not in OPTION_HELP]
        if unknown:
            raise ValueError(f"property {self.name}: options {unknown} are not declared in prover.options")

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.options if o.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.options if not o.required)

    @property
    def on_interval(self) -> bool:
        """The claim is about an interval (``on``): f must be defined on all of it."""
        return any(o.name == "on" for o in self.options)

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    @property
    def usage(self) -> str:
        """The options as the CLI's help shows them: ``--equals V [--at A] [--on I]``."""
        req = [o.usage for o in self.options if o.required]
        return " ".join(req + [o.usage for o in self.options if not o.required])


# ---------------------------------------------------------------- statements

def _where(o: Printed) -> str:
    return f" on {o.text['on']}" if o.text.get("on") not in (None, "R") else ""


def _on_tex(o: Printed) -> str:
    return o.latex.get("on", r"\mathbb{R}")


def _at_text(s: Subject, a: str) -> str:
    return f"{s.symbol}({a})" if s.symbol else f"{s.name} at x = {a}"


def _negated(s: Subject) -> str:
    body = s.f()
    return rf"-\left({body}\right)" if s.compound else f"-{body}"


def _sign_spec(name: str, example: str) -> PropertySpec:
    rule = SIGNS[name]
    return PropertySpec(
        name, (_ON,), proc.sign, refuters.sign, f"f {rule.text} on the interval",
        lambda s, o: f"{s.name} is {name}{_where(o)}",
        lambda s, o: rf"{s.f()} {rule.latex} \quad (x \in {_on_tex(o)})", example)


def _value_formula(s: Subject, o: Printed) -> str:
    at = o.latex["at"]
    if "digits" in o:
        return rf"\left.{s.f()}\right|_{{x={at}}} \approx {o.text['equals']}\ \text{{({o.text['digits']} decimals)}}"
    return rf"\left.{s.f()}\right|_{{x={at}}} = {o.latex['equals']}"


def _value_say(s: Subject, o: Printed) -> str:
    if "digits" in o:
        k = int(o.text["digits"])
        return f"{_at_text(s, o.text['at'])} ≈ {o.text['equals']} (rounded to {k} decimals)"
    return f"{_at_text(s, o.text['at'])} = {o.text['equals']}"


def _value_validate(options: dict[str, object]) -> None:
    from ..errors import OptionError

    if "digits" in options and not options["equals"].is_Rational:  # type: ignore[attr-defined]
        raise OptionError("with digits, equals must be a decimal number")


def _extreme_formula(name: str) -> Callable[[Subject, Printed], str]:
    op = r"\max" if name == "maximum" else r"\min"

    def formula(s: Subject, o: Printed) -> str:
        at = rf" = \left.{s.f()}\right|_{{x={o.latex['at']}}}" if "at" in o else ""
        if "digits" in o:
            return rf"{op}_{{x\in {_on_tex(o)}}} {s.f()} \approx {o.text['equals']}\ \text{{({o.text['digits']} decimals)}}"
        return rf"{op}_{{x\in {_on_tex(o)}}} {s.f()} = {o.latex['equals']}{at}"
    return formula


def _extreme_say(name: str) -> Callable[[Subject, Printed], str]:
    def say(s: Subject, o: Printed) -> str:
        point = f" at x = {o.text['at']}" if "at" in o else ""
        rounded = f" (rounded to {o.text['digits']} decimals)" if "digits" in o else ""
        return f"{s.name} has {name} {o.text['equals']}{rounded}{point}{_where(o)}"
    return say


def _parity_formula(name: str) -> Callable[[Subject, Printed], str]:
    def formula(s: Subject, o: Printed) -> str:  # noqa: ARG001
        rhs = s.f() if name == "even" else _negated(s)
        return rf"{s.f(-X)} = {rhs}"
    return formula


def _stirling_formula(s: Subject, o: Printed) -> str:  # noqa: ARG001
    from ..functions import sigmoid

    if s.expr == sigmoid(X):
        return r"\sigma^{(n)}(x) = \sum_{k=0}^{n} (-1)^{k}\, k!\, S(n+1, k+1)\, \sigma(x)^{k+1} \quad (n \ge 0)"
    f = s.f()
    return (rf"\frac{{d^n}}{{dx^n}} {f} = L k^{{n}} \sum_{{j=0}}^{{n}} (-1)^{{j}}\, j!\, S(n+1, j+1) "
            rf"\left(\frac{{{f}}}{{L}}\right)^{{j+1}} \quad (n \ge 0)")


SPECS: dict[str, PropertySpec] = {spec.name: spec for spec in (
    PropertySpec("identity", (Option("equals", K.FUNCTION, True, "G"),), proc.identity, refuters.identity,
                 "f(x) = g(x) for every real x",
                 lambda s, o: f"{s.symbol + '(x)' if s.symbol else s.name} = {o.text['equals']} for every real x",
                 lambda s, o: rf"{s.f()} = {o.latex['equals']}",
                 'sigsym prove "diff(sigmoid(x), x)" identity --equals "sigmoid(x)*(1 - sigmoid(x))"',
                 about_constants=False),
    PropertySpec("even", (), proc.parity, refuters.parity, "f(−x) = f(x) for every real x",
                 lambda s, o: f"{s.name} is even", _parity_formula("even"),
                 'sigsym prove "diff(sigmoid(x), x)" even'),
    PropertySpec("odd", (), proc.parity, refuters.parity, "f(−x) = −f(x) for every real x",
                 lambda s, o: f"{s.name} is odd", _parity_formula("odd"), "sigsym prove tanh odd"),
    PropertySpec("value", (Option("at", K.CONSTANT, True, "A"), Option("equals", K.CONSTANT, True, "V"),
                           Option("digits", K.DIGITS, False, "K")),
                 proc.value, refuters.none, "f(at) = equals (rounded to digits decimals)", _value_say, _value_formula,
                 'sigsym prove "diff(sigmoid(x), x)" value --at 2 --equals 0.1050 --digits 4', about_constants=False, validate=_value_validate),
    PropertySpec("limit", (Option("at", K.CONSTANT_OR_INFINITY, True, "P"),
                           Option("equals", K.CONSTANT_OR_INFINITY, True, "V")),
                 proc.limit, refuters.none, "the limit at `at` is `equals`",
                 lambda s, o: f"the limit of {s.name} as x → {o.text['at']} is {o.text['equals']}",
                 lambda s, o: rf"\lim_{{x\to {o.latex['at']}}} {s.f()} = {o.latex['equals']}",
                 "sigsym prove sigmoid limit --at -oo --equals 0"),
    _sign_spec("positive", 'sigsym prove "diff(sigmoid(x), x)" positive'),
    _sign_spec("negative", 'sigsym prove -- "-sigmoid(x)" negative'),
    _sign_spec("nonnegative", 'sigsym prove "tanh(x)**2" nonnegative'),
    _sign_spec("nonpositive", 'sigsym prove "sigmoid(x) - 1" nonpositive'),
    _sign_spec("nonzero", 'sigsym prove tanh nonzero --on "(0, oo)"'),
    *(PropertySpec(name, (_ON,), proc.monotone, refuters.monotone, f"strictly {name} on the interval",
                   lambda s, o, name=name: f"{s.name} is strictly {name}{_where(o)}",
                   lambda s, o, name=name: rf"{s.f()} \text{{ is strictly {name} on }} {_on_tex(o)}", example)
      for name, example in (("increasing", 'sigsym prove "diff(sigmoid(x), x)" increasing --on "(-oo, 0]"'),
                            ("decreasing", 'sigsym prove "diff(sigmoid(x), x)" decreasing --on "[0, oo)"'))),
    *(PropertySpec(name, (Option("equals", K.CONSTANT, True, "V"), Option("at", K.CONSTANT, False, "A"), _ON,
                          Option("digits", K.DIGITS, False, "K")),
                   proc.maxmin, refuters.extreme,
                   f"the {'greatest' if name == 'maximum' else 'least'} value is attained and equals `equals`",
                   _extreme_say(name), _extreme_formula(name), example, validate=_value_validate)
      for name, example in (
          ("maximum", 'sigsym prove "diff(sigmoid(x), x)" maximum --equals 1/4 --at 0'),
          ("minimum", 'sigsym prove "diff(sigmoid(x), x, 2)" minimum --equals -sqrt(3)/18 --at "log(2 + sqrt(3))"'))),
    *(PropertySpec(name, (_ON,), proc.convexity, refuters.convexity,
                   f"f″ {'≥' if name == 'convex' else '≤'} 0 on the interval",
                   lambda s, o, name=name: f"{s.name} is {name}{_where(o)}",
                   lambda s, o, name=name: rf"{s.f()} \text{{ is {name} on }} {_on_tex(o)}", example)
      for name, example in (("convex", 'sigsym prove sigmoid convex --on "(-oo, 0]"'),
                            ("concave", 'sigsym prove sigmoid concave --on "[0, oo)"'))),
    PropertySpec("inflection", (Option("at", K.CONSTANT, True, "A"),), proc.inflection, refuters.inflection,
                 "f″ changes sign at `at`",
                 lambda s, o: f"{s.name} has an inflection point at x = {o.text['at']}",
                 lambda s, o: rf"{s.f()} \text{{ has an inflection point at }} x = {o.latex['at']}",
                 'sigsym prove sigmoid inflection --at 0'),
    PropertySpec("bounded", (Option("equals", K.CONSTANT, True, "B"), _ON), proc.bounded, refuters.bounded,
                 "|f| ≤ `equals` on the interval",
                 lambda s, o: f"|{s.name}| ≤ {o.text['equals']}{_where(o)}",
                 lambda s, o: rf"\left|{s.f()}\right| \le {o.latex['equals']} \quad (x \in {_on_tex(o)})",
                 'sigsym prove tanh bounded --equals 1'),
    PropertySpec("lipschitz", (Option("equals", K.CONSTANT, True, "L"), _ON), proc.lipschitz, refuters.lipschitz,
                 "sup |f′| ≤ `equals` on the interval",
                 lambda s, o: f"{s.name} is {o.text['equals']}-Lipschitz{_where(o)} (|f′| ≤ {o.text['equals']})",
                 lambda s, o: rf"\left|\frac{{d}}{{dx}} {s.f()}\right| \le {o.latex['equals']} \quad (x \in {_on_tex(o)})",
                 'sigsym prove sigmoid lipschitz --equals 1/4'),
    PropertySpec("range", (Option("equals", K.INTERVAL, True, "I"),), proc.image, refuters.image,
                 "the image of R is exactly the interval",
                 lambda s, o: f"the range of {s.name} is {o.text['equals']}",
                 lambda s, o: rf"\{{ {s.f()} : x \in \mathbb{{R}} \}} = {o.latex['equals']}",
                 'sigsym prove "diff(sigmoid(x), x)" range --equals "(0, 1/4]"'),
    PropertySpec("smooth", (_ON,), proc.smooth, refuters.none, "infinitely differentiable on the interval",
                 lambda s, o: f"{s.name} is smooth (infinitely differentiable){_where(o)}",
                 lambda s, o: rf"{s.f()} \in C^{{\infty}}\left({_on_tex(o)}\right)",
                 "sigsym prove sigmoid smooth"),
    PropertySpec("stirling-form", (), proc.stirling, refuters.none,
                 "f^(n) = L k^n Σ (−1)^j j! S(n+1,j+1) (f/L)^(j+1) for every n",
                 lambda s, o: f"every derivative of {s.name} is the Stirling closed form Lkⁿ Σ (−1)ʲ j! S(n+1, j+1) (f/L)ʲ⁺¹",
                 _stirling_formula, "sigsym prove sigmoid stirling-form", about_constants=False),
)}


def printed(spec: PropertySpec, options: dict[str, object], tex: Callable[[sp.Expr], str] = sp.latex) -> Printed:
    """Each option as text (as written, or the value's text) and as LaTeX, by its kind."""
    text = {k: str(v) for k, v in options.items()}
    latex: dict[str, str] = {}
    for k, v in text.items():
        opt = spec.option(k)
        kind = opt.kind if opt is not None else K.CONSTANT
        if kind is K.INTERVAL:
            latex[k] = parse_interval(v).latex()
        elif kind is K.FUNCTION:
            latex[k] = tex(parse(v, keep_derivatives=True))
        elif kind is K.DIGITS:
            latex[k] = v
        else:
            latex[k] = tex(parse_constant(v, allow_infinity=kind is K.CONSTANT_OR_INFINITY))
    if "digits" in text:
        text["equals"] = _decimal_text(text["equals"], int(text["digits"]))
    return Printed(text, latex)
