"""The normal form of the decidable class: f(x) = R(t), t = e^{(x - x0)/m} > 0, R ∈ ℚ(t).

Expressions built from x, rationals, + − × ÷, integer powers and exp(q·x + c) (q, c rational,
one common shift x0 = −c/q) land here, which covers σ, tanh, sinh, cosh, sech, the logistic
family and all their derivatives. Every division met on the way is remembered, so the points
where the *original* expression is undefined (``poles``) survive cancellation in R.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import lcm

import sympy as sp
from flint import fmpq, fmpq_poly

from ..errors import OutsideClass
from ..functions import X, to_exp
from . import flintpoly

T = sp.Symbol("t", positive=True)
MAX_T_DEGREE = 4000


@dataclass(frozen=True)
class ExpForm:
    """f(x) = num(t)/den(t) with t = e^{(x - shift)/m}; undefined where poles(t) = 0."""

    m: int
    shift: sp.Rational
    num: sp.Poly
    den: sp.Poly
    poles: sp.Poly  # squarefree, positive-root part is what matters

    @property
    def rational(self) -> sp.Expr:
        return self.num.as_expr() / self.den.as_expr()

    def t_of_x(self, x_value: sp.Expr) -> sp.Expr:
        """The t that corresponds to a point x (exact)."""
        if x_value == sp.oo:
            return sp.oo
        if x_value == -sp.oo:
            return sp.Integer(0)
        return sp.exp((x_value - self.shift) / self.m)

    def x_of_t(self, t_value: sp.Expr) -> sp.Expr:
        return self.m * sp.log(t_value) + self.shift

    def at_t(self, t_value: sp.Expr) -> sp.Expr:
        return self.num.as_expr().subs(T, t_value) / self.den.as_expr().subs(T, t_value)

    def derivative(self) -> ExpForm:
        """d/dx R(t) = (t/m)·R′(t): stays in the class, with the same poles."""
        n, d = self.num, self.den
        top = (n.diff(T) * d - n * d.diff(T)) * sp.Poly(T, T)
        bottom = d**2 * self.m
        return _reduced(self.m, self.shift, top, bottom, self.poles)

    def substitute_t(self, expr_of_t: sp.Expr) -> sp.Expr:
        return self.rational.subs(T, expr_of_t)

    def latex_t(self) -> str:
        return sp.latex(sp.factor(self.rational))

    def t_latex(self) -> str:
        inner = sp.latex((X - self.shift) / self.m)
        return rf"t = e^{{{inner}}}"


def _reduced(m: int, shift: sp.Rational, num: sp.Poly, den: sp.Poly, poles: sp.Poly) -> ExpForm:
    g = num.gcd(den)
    num, den = num.quo(g), den.quo(g)
    lc = den.LC()
    num, den = num.quo_ground(lc), den.quo_ground(lc)
    return ExpForm(m, shift, num, den, poles)


def _linear(arg: sp.Expr) -> tuple[sp.Rational, sp.Rational]:
    """(q, c) with arg = q·x + c, both rational; OutsideClass otherwise."""
    if arg.has(X) and (arg.atoms(sp.Function) or not arg.is_polynomial(X)):
        raise OutsideClass(f"exp({arg}) is not exp(q·x + c)")
    poly = sp.Poly(arg, X) if arg.has(X) else None
    if poly is None:
        if arg.is_Rational:
            return sp.Integer(0), arg
        raise OutsideClass(f"exp of the non-rational constant {arg}")
    if poly.degree() > 1 or not all(c.is_Rational for c in poly.all_coeffs()):
        raise OutsideClass(f"exp({arg}) is not exp(q·x + c) with rational q, c")
    coeffs = poly.all_coeffs()
    return (coeffs[0], coeffs[1]) if len(coeffs) == 2 else (sp.Integer(0), coeffs[0])


Frac = tuple[fmpq_poly, fmpq_poly]  # (num, den): den monic, gcd(num, den) = 1
_ONE = fmpq_poly([1])


def _frac(num: fmpq_poly, den: fmpq_poly) -> Frac:
    """num/den in lowest terms with a monic denominator (FLINT: exact, in C)."""
    if num.is_zero():
        return num, _ONE
    g = num.gcd(den)
    if g.degree() > 0:
        num, den = num / g, den / g
    lc = den.leading_coefficient()
    return (num / lc, den / lc) if lc != 1 else (num, den)


class _Converter:
    """Walks an expression of the class into a reduced fraction of polynomials in t, on FLINT."""

    def __init__(self, m: int, shift: sp.Rational):
        self.m = m
        self.shift = shift
        self.poles: list[fmpq_poly] = []

    def walk(self, expr: sp.Expr) -> Frac:
        if expr.is_Rational:
            return fmpq_poly([fmpq(int(expr.p), int(expr.q))]), _ONE
        if isinstance(expr, sp.exp):
            q, _c = _linear(expr.args[0])
            power = q * self.m
            if not power.is_Integer or abs(power) > MAX_T_DEGREE:
                raise OutsideClass("exponent too large for the normal form")
            k = int(power)
            mono = fmpq_poly([0] * abs(k) + [1])
            return (mono, _ONE) if k >= 0 else (_ONE, mono)
        if expr.is_Add:
            num, den = fmpq_poly([]), _ONE
            for a in expr.args:
                n2, d2 = self.walk(a)
                if d2 == den:
                    num, den = _frac(num + n2, den)
                else:
                    num, den = _frac(num * d2 + n2 * den, den * d2)
            return num, den
        if expr.is_Mul:
            num, den = _ONE, _ONE
            for a in expr.args:
                n2, d2 = self.walk(a)
                num, den = _frac(num * n2, den * d2)
            return num, den
        if expr.is_Pow:
            base, e = expr.args
            if base is sp.E:
                return self.walk(sp.exp(e))
            if not e.is_Integer:
                raise OutsideClass(f"the power {expr} is not an integer power")
            n, d = self.walk(base)
            k = int(e)
            if abs(k) * max(n.degree(), d.degree(), 0) > 4 * MAX_T_DEGREE:
                raise OutsideClass("exponent too large for the normal form")
            if k < 0:
                if n.is_zero():
                    raise OutsideClass("division by zero")
                self.poles.append(n)
                n, d, k = d, n, -k
                return _frac(n**k, d**k)
            return n**k, d**k  # still in lowest terms, d monic
        if expr == X:
            raise OutsideClass("x appears outside exp(...)")
        raise OutsideClass(f"{type(expr).__name__} is outside the exp-rational class")


def _poly(p: fmpq_poly) -> sp.Poly:
    return flintpoly.to_rational_poly(p, T)


@lru_cache(maxsize=512)
def to_expform(expr: sp.Expr) -> ExpForm:
    """Normal form of an expression of the decidable class; OutsideClass otherwise."""
    try:
        return _to_expform(expr)
    except (sp.PolynomialError, sp.CoercionFailed, NotImplementedError, ValueError, TypeError) as exc:
        raise OutsideClass(f"not in the normal form ({type(exc).__name__})") from None


def _to_expform(expr: sp.Expr) -> ExpForm:
    e = to_exp(expr)
    if e.free_symbols - {X}:
        raise OutsideClass("symbols other than x")
    if e.has(sp.log, sp.pi, sp.E) and any(not isinstance(a, sp.exp) for a in e.atoms(sp.Function)):
        raise OutsideClass("log or other functions")
    pairs = [_linear(a.args[0]) for a in e.atoms(sp.exp)]
    pairs += [(sp.Integer(1), sp.log(p.base)) for p in e.atoms(sp.Pow) if p.base is sp.E]
    moving = [(q, c) for q, c in pairs if q != 0]
    if any(q == 0 for q, _ in pairs):
        raise OutsideClass("a transcendental constant e^c")
    shifts = {-c / q for q, c in moving}
    if len(shifts) > 1:
        raise OutsideClass("exponentials with different shifts")
    shift = shifts.pop() if shifts else sp.Integer(0)
    m = lcm(*[int(q.q) for q, _ in moving]) if moving else 1
    conv = _Converter(m, shift)
    num, den = conv.walk(e)
    poles = _ONE
    for p in conv.poles:
        poles = poles * p
    if poles.degree() > 0:  # square-free, primitive, leading coefficient > 0
        poles = fmpq_poly(flintpoly.squarefree_part(poles.numer()))
    return ExpForm(m, shift, _poly(num), _poly(den), _poly(poles))


def in_class(expr: sp.Expr) -> bool:
    try:
        to_expform(expr)
    except OutsideClass:
        return False
    return True
