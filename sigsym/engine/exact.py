"""Exact tests on real constants: is this number zero?

Numbers that reach here are built from rationals, algebraic numbers (radicals, ``CRootOf``) and
powers of e with rational exponents. Since e is transcendental over the algebraic numbers, such
a number, written as a rational function of z = e^{1/M} with algebraic coefficients, is zero
exactly when every coefficient of its numerator is zero; each coefficient is decided by its
minimal polynomial. Anything else (π, logarithms) gives ``None``: not decided.
"""

from __future__ import annotations

from functools import lru_cache
from math import gcd, lcm

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from ..functions import lambertw

_Z = sp.Dummy("z")
_Y = sp.Dummy("y")


def _is_algebraic_atomfree(expr: sp.Expr) -> bool:
    for atom in expr.atoms(sp.Function, sp.NumberSymbol):
        if not isinstance(atom, sp.CRootOf):
            return False
    return not expr.free_symbols - {_Z}


@lru_cache(maxsize=4096)
def is_zero(number: sp.Expr) -> bool | None:
    """True / False when decided exactly; None when the number is outside the decidable kind."""
    number = sp.sympify(number)
    if number.is_Rational:
        return number == 0
    if number.free_symbols:
        return None
    if number.has(lambertw):  # W₀ values: by the identity W·e^W = u (engine.lambert)
        from . import lambert

        return lambert.is_zero(number)
    number = plain(number)
    if number.atoms(sp.Function) - number.atoms(sp.exp, sp.CRootOf):
        from ..functions import to_exp

        number = to_exp(number)
    number = number.xreplace({a: _exp_of_logs(a) for a in number.atoms(sp.exp)})
    if number.has(sp.log):  # logarithms left outside exp: a combination of logs, or undecided
        return _log_combination_zero(number)
    exps = list(number.atoms(sp.exp))
    args = [a.args[0] for a in exps]
    if number.has(sp.E):
        exps.append(sp.E)
        args.append(sp.Integer(1))
    if any(not arg.is_Rational for arg in args):
        return None
    # z = e^g with g the rational gcd of the exponents: every e^{c} is an integer power of z (small
    # powers even for exponents like 1.0986…/10^34), and z is transcendental (Lindemann).
    nonzero_args = [a for a in args if a != 0]
    if nonzero_args:
        g = sp.Rational(gcd(*[int(a.p) for a in nonzero_args]), lcm(*[int(a.q) for a in nonzero_args]))
        powers = [int(a / g) for a in args]
        if max(abs(k) for k in powers) > MAX_Z_DEGREE:
            return None
    else:
        powers = [0 for _ in args]
    replaced = number.xreplace({a: _Z ** k for a, k in zip(exps, powers, strict=True)})
    if not _is_algebraic_atomfree(replaced):
        return None
    numer = sp.numer(sp.together(replaced))
    try:
        coeffs = sp.Poly(sp.expand(numer), _Z).all_coeffs() if numer.has(_Z) else [numer]
    except sp.PolynomialError:
        return None
    for coeff in coeffs:
        if coeff == 0:
            continue
        if coeff.is_Rational:
            return False
        single = _single_generator_zero(coeff)
        if single is not None:
            if not single:
                return False
            continue
        if sp.count_ops(coeff) > MAX_MINPOLY_OPS:
            return None
        try:
            poly = sp.minimal_polynomial(coeff, _Y)
        except (NotImplementedError, BasePolynomialError, ValueError):  # NotAlgebraic among them
            return None
        if poly != _Y:
            return False
    return True


MAX_MINPOLY_OPS = 80
MAX_Z_DEGREE = 4000


def _log_combination_zero(number: sp.Expr) -> bool | None:
    """Zero test for c + Σ q_i·log(a_i): c, q_i rational, a_i positive algebraic numbers.

    If c ≠ 0 the sum is nonzero: otherwise e^c = Π a_i^(−q_i) would be algebraic, and e^c is
    transcendental for rational c ≠ 0 (Lindemann). If c = 0 it is zero exactly when
    Π a_i^(D·q_i) = 1 (D a common denominator), an algebraic zero test; log is injective.
    """
    const = sp.Integer(0)
    logs: dict[sp.Expr, sp.Rational] = {}
    for term in sp.Add.make_args(sp.expand(number)):
        coeff, body = term.as_coeff_Mul()
        if body == 1 and coeff.is_Rational:
            const += coeff
            continue
        if not (coeff.is_Rational and isinstance(body, sp.log)):
            return None
        arg = body.args[0]
        if not _algebraic(arg) or arg.is_positive is not True:
            return None
        logs[arg] = logs.get(arg, sp.Integer(0)) + coeff
    if const != 0:
        return False
    logs = {a: q for a, q in logs.items() if q != 0}
    if not logs:
        return True
    big_d = lcm(*[int(q.q) for q in logs.values()])
    num, den = sp.Integer(1), sp.Integer(1)
    for a, q in logs.items():
        k = int(q * big_d)
        if abs(k) > 64:
            return None
        if k > 0:
            num *= a**k
        else:
            den *= a ** (-k)
    return is_zero(num - den)


def _algebraic(number: sp.Expr) -> bool:
    """Built from rationals, CRootOf and rational powers only: an algebraic number."""
    return (_is_algebraic_atomfree(number) and not number.free_symbols
            and all(p.exp.is_Rational for p in number.atoms(sp.Pow)))


def plain(number: sp.Expr) -> sp.Expr:
    """Every ``CRootOf`` of a subclass (``algebraic.RealRoot``: the same number, printed as a
    decimal) written as SymPy's own class, which SymPy's minimal polynomials require."""
    from sympy.polys.rootoftools import ComplexRootOf

    odd = {r for r in number.atoms(sp.CRootOf) if type(r) is not ComplexRootOf}
    return number.xreplace({r: ComplexRootOf._new(r.poly, r.index) for r in odd}) if odd else number


def _generators(number: sp.Expr) -> set[sp.Expr]:
    gens: set[sp.Expr] = set(number.atoms(sp.CRootOf))
    for p in number.atoms(sp.Pow):
        if p.base.is_Rational and p.exp.is_Rational and not p.exp.is_Integer:
            gens.add(p)
    return gens


def single_generator(number: sp.Expr) -> tuple[sp.Expr, sp.Dummy, sp.Expr] | None:
    """(g, y, number with g replaced by y) when number is a rational function of one algebraic g."""
    number = plain(number)
    gens = _generators(number)
    if len(gens) != 1:
        return None
    (g,) = gens
    y = sp.Dummy("y")
    replaced = number.xreplace({g: y})
    if replaced.free_symbols - {y} or replaced.atoms(sp.Function) or replaced.atoms(sp.NumberSymbol):
        return None
    return g, y, replaced


def _single_generator_zero(number: sp.Expr) -> bool | None:
    """Zero test for a rational function of one algebraic number g: reduce mod its minimal polynomial."""
    found = single_generator(number)
    if found is None:
        return None
    g, y, replaced = found
    num = sp.numer(sp.together(replaced))
    try:
        poly = sp.Poly(sp.expand(num), y, domain=sp.QQ)
        if isinstance(g, sp.CRootOf):
            # its own polynomial: SymPy's minimal_polynomial does not know algebraic.RealRoot (the
            # same number, printed as a decimal), and SymPy's cache can hand back a RealRoot for
            # the plain CRootOf it equals; a zero remainder proves zero for any multiple of the
            # minimal polynomial, a nonzero one only for an irreducible polynomial
            mp = sp.Poly(g.poly.all_coeffs(), y, domain=sp.QQ)
            if not poly.rem(mp).is_zero and not mp.is_irreducible:
                return None
        else:
            mp = sp.Poly(sp.minimal_polynomial(g, y), y, domain=sp.QQ)
    except (BasePolynomialError, NotImplementedError, ValueError):
        return None
    return poly.rem(mp).is_zero


def _exp_of_logs(a: sp.exp) -> sp.Expr:
    """e^{c·log b + r} = b^c·e^r for rational c: points x = m·log(t) give back powers of t."""
    out, rest = sp.Integer(1), sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(a.args[0])):
        coeff, body = term.as_coeff_Mul()
        if isinstance(body, sp.log) and coeff.is_Rational:
            out *= body.args[0] ** coeff
        else:
            rest += term
    return out * sp.exp(rest) if out != 1 else a


def is_decidable(number: sp.Expr) -> bool:
    """Whether ``is_zero`` can decide this number."""
    return is_zero(number) is not None


def formal_zero(expr: sp.Expr) -> bool:
    """True when expr is zero as a rational function of its variables and e^{variable/M}.

    Each exponential of a rational-linear argument becomes a monomial in new generators; other
    functions are kept as opaque atoms. A formal zero is a real zero; anything else is reported
    as "not shown" (False), never as "nonzero".
    """
    from ..functions import to_exp

    e = to_exp(sp.sympify(expr)).subs(sp.E, sp.exp(1))
    symbols = sorted(e.free_symbols, key=lambda s: s.name)
    exps = list(e.atoms(sp.exp))
    denominators: dict[sp.Symbol, int] = {s: 1 for s in symbols}
    linear: dict[sp.Expr, tuple[dict, sp.Expr]] = {}
    for a in exps:
        arg = sp.expand(a.args[0])
        coeffs = {s: arg.coeff(s) for s in symbols}
        rest = sp.expand(arg - sum(c * s for s, c in coeffs.items()))
        if rest.free_symbols or any(not c.is_Rational for c in coeffs.values()):
            continue
        linear[a] = (coeffs, rest)
        for s, c in coeffs.items():
            denominators[s] = lcm(denominators[s], int(c.q))
    gens = {s: sp.Dummy(f"e_{s.name}") for s in symbols}
    mapping = {}
    for a, (coeffs, rest) in linear.items():
        term = sp.exp(rest) if rest != 0 else sp.Integer(1)
        for s, c in coeffs.items():
            term *= gens[s] ** int(c * denominators[s])
        mapping[a] = term
    replaced = e.xreplace(mapping)
    if not tame_exponentials(replaced):
        return False  # not shown (SymPy would expand e^{p/q} with a huge p as a power)
    if _zero_on_flint(replaced):
        return True
    return sp.cancel(sp.together(replaced)) == 0


def _zero_on_flint(e: sp.Expr) -> bool:
    """True when e is zero as a rational function of its atoms (the generators, and every
    subexpression that is not +, ×, an integer power or a rational), computed with FLINT's
    multivariate polynomials over ℚ: the numerator of the sum over a common denominator is the
    zero polynomial. False means "not shown here"; SymPy's ``cancel`` then decides, as before
    (together and cancel were most of the time of checking a derivation step)."""
    try:
        from flint import fmpq, fmpq_mpoly_ctx
    except ImportError:  # pragma: no cover - python-flint < 0.7 has no multivariate polynomials
        return False
    atoms: dict[sp.Expr, int] = {}

    def scan(node: sp.Expr) -> None:
        if node.is_Rational:
            return
        if node.is_Add or node.is_Mul:
            for a in node.args:
                scan(a)
        elif node.is_Pow and node.exp.is_Integer and abs(int(node.exp)) <= 4096:
            scan(node.base)
        else:
            atoms.setdefault(node, len(atoms))

    scan(e)
    if not atoms:
        return bool(e == 0)
    try:
        names = tuple(f"g{i}" for i in range(len(atoms)))
        get = getattr(fmpq_mpoly_ctx, "get", None)
        ctx = get(names, "lex") if get is not None else fmpq_mpoly_ctx.get_context(len(names), "lex", names)
        gens, one = ctx.gens(), ctx.constant(1)

        def conv(node: sp.Expr) -> tuple[object, object]:
            if node.is_Rational:
                return ctx.constant(fmpq(int(node.p), int(node.q))), one
            if node.is_Add:
                num, den = conv(node.args[0])
                for a in node.args[1:]:
                    n2, d2 = conv(a)
                    num, den = (num + n2, den) if d2 == den else (num * d2 + n2 * den, den * d2)
                return num, den
            if node.is_Mul:
                num, den = one, one
                for a in node.args:
                    n2, d2 = conv(a)
                    num, den = num * n2, den * d2
                return num, den
            if node in atoms:
                return gens[atoms[node]], one
            n, d = conv(node.base)  # an integer power, by scan
            k = int(node.exp)
            if k >= 0:
                return n**k, d**k
            if n == 0:
                raise ZeroDivisionError
            return d**-k, n**-k

        num, _den = conv(e)
        return bool(num == 0)
    except (ZeroDivisionError, AttributeError, TypeError, ValueError):  # not read here: SymPy decides
        return False


MAX_EXP_SIZE = 10**4


def tame_exponentials(v: sp.Expr) -> bool:
    """Whether SymPy's polynomial algebra may see v's exponentials: e^{p/q} is treated as
    (e^{1/q})^p, so a point like x = 1.0986122886681096914 would build a polynomial of degree
    10^19 (and eat all memory). Arguments with numerator and denominator below 10^4 are fine."""
    for a in v.atoms(sp.exp):
        arg = a.args[0]
        for term in sp.Add.make_args(arg):
            c = term.as_coeff_Mul()[0]
            if c.is_Rational and (abs(c.p) > MAX_EXP_SIZE or c.q > MAX_EXP_SIZE):
                return False
    return True
