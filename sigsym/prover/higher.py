"""Higher derivatives through the function itself, the Stirling form, and the Taylor series.

If f′ = F(f) for a rational F (found by eliminating t, not looked up), then by the chain rule
f^{(n+1)} = P_n′(f)·F(f), so every derivative is P_n(f). For σ, F(s) = s(1 − s) and
P_n(s) = Σ_k (−1)^k k! S(n+1, k+1) s^{k+1}; the induction step reduces to the recurrence of
the Stirling numbers of the second kind, and is checked symbolically below.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy as sp
from flint import fmpq, fmpq_poly, fmpz, fmpz_poly

from ..engine import flintpoly
from ..engine.expform import ExpForm, T, to_expform
from ..errors import OutsideClass

F = sp.Symbol("f")
G = sp.Symbol("g")
MAX_ELIMINATION_DEGREE = 16


@lru_cache(maxsize=256)
def relation(expr: sp.Expr, order: int = 1) -> sp.Expr | None:
    """g = f^{(order)} written as a rational function of f, by eliminating t; None if none exists."""
    try:
        form = to_expform(expr)
    except OutsideClass:
        return None
    d = form
    for _ in range(order):
        d = d.derivative()
    if form.num.degree() == 0 and form.den.degree() == 0:
        return sp.Integer(0) if order else F
    if max(form.num.degree(), form.den.degree(), d.num.degree(), d.den.degree()) > MAX_ELIMINATION_DEGREE:
        return None
    try:
        return _eliminate_flint(form.num, form.den, d.num, d.den)
    except (ImportError, AttributeError, TypeError, ValueError):  # pragma: no cover - old python-flint
        return _eliminate_sympy(form, d)


def _integer_pair(num: sp.Poly, den: sp.Poly) -> tuple[fmpz_poly, fmpz_poly]:
    """Integer polynomials (a, b) with a/b = num/den (one common positive scale)."""
    qn, qd = (fmpq_poly([flintpoly.as_fmpq(c) for c in p.rep.to_list()[::-1]]) for p in (num, den))
    scale = qn.denom() * qd.denom()
    return (qn * scale).numer(), (qd * scale).numer()


def _eliminate_flint(n0: sp.Poly, d0: sp.Poly, n1: sp.Poly, d1: sp.Poly) -> sp.Expr | None:
    """g as a rational function of f from f = n0/d0, g = n1/d1 (polynomials in t), on FLINT:
    the resultant in t of n0 − f·d0 and n1 − g·d1, factored; a factor c1(f)·g + c0(f) gives
    the candidate g = −c0/c1, kept only if c1(f(t))·g(t) + c0(f(t)) = 0 holds exactly."""
    from flint import fmpz_mpoly_ctx

    ctx = fmpz_mpoly_ctx.get(("t", "f", "g"), "lex")
    a, b = _integer_pair(n0, d0)
    c, e = _integer_pair(n1, d1)

    def in_t(p: fmpz_poly, var: int = 0, k: int = 0) -> object:  # p(t) · (f or g)^k
        return ctx.from_dict({(i, k if var == 1 else 0, k if var == 2 else 0): co
                              for i, co in enumerate(p.coeffs()) if co})

    res = (in_t(a) - in_t(b, 1, 1)).resultant(in_t(c) - in_t(e, 2, 1), "t")
    if res.is_zero():
        return None
    for factor, _m in res.factor()[1]:
        if factor.degrees()[2] != 1:
            continue
        c1: dict[int, int] = {}
        c0: dict[int, int] = {}
        for (_i, i_f, i_g), co in factor.to_dict().items():
            (c1 if i_g else c0)[i_f] = co
        k = max([*c1, *c0])
        # c1(a/b)·(c/e) + c0(a/b) = 0, times b^k·e: Σ c1_i a^i b^(k−i) c + Σ c0_i a^i b^(k−i) e
        total = fmpz_poly([0])
        for coeffs, other in ((c1, c), (c0, e)):
            for i, co in coeffs.items():
                total += a**i * b ** (k - i) * other * co
        if total.is_zero():
            num = sum((sp.Integer(int(co)) * F**i for i, co in c0.items()), sp.Integer(0))
            den = sum((sp.Integer(int(co)) * F**i for i, co in c1.items()), sp.Integer(0))
            return sp.cancel(-num / den)
    return None


def _eliminate_sympy(form: ExpForm, d: ExpForm) -> sp.Expr | None:
    p = form.num.as_expr() - F * form.den.as_expr()
    q = d.num.as_expr() - G * d.den.as_expr()
    res = sp.resultant(p, q, T)
    if res == 0:
        return None
    for factor, _mult in sp.factor_list(res, G, F)[1]:
        poly = sp.Poly(factor, G)
        if poly.degree() != 1:
            continue
        c1, c0 = poly.all_coeffs()
        candidate = sp.cancel(-c0 / c1)
        # verify exactly: candidate(f(t)) == f^{(order)}(t)
        back = sp.cancel(candidate.subs(F, form.rational) - d.rational)
        if back == 0:
            return candidate
    return None


def pretty_expr(rel: sp.Expr) -> sp.Expr:
    """The relation in the form a lecturer writes: f*(1 - f), 3*f*(1 - f/2), 1 - f**2."""
    rel = sp.cancel(rel)
    poly = sp.Poly(rel, F) if rel.is_polynomial(F) else None
    if poly is not None and poly.degree() == 2 and poly.eval(0) == 0:
        c2, c1, _ = poly.all_coeffs()
        big_l = -c1 / c2  # c2 f (f - L) = c1 f (1 - f/L)
        inner = sp.Add(1, -F, evaluate=False) if big_l == 1 else sp.Add(1, -F / big_l, evaluate=False)
        return sp.Mul(F, inner, evaluate=False) if c1 == 1 else sp.Mul(c1, F, inner, evaluate=False)
    expanded, factored = sp.expand(rel), sp.factor(rel)
    return factored if len(str(factored)) < len(str(expanded)) else expanded


def pretty_tex(rel: sp.Expr, name: str = "f") -> str:
    """LaTeX of ``pretty_expr`` with the function's own symbol, factors in the written order."""
    nice = pretty_expr(rel)
    arg = r"\left(x\right)" if name != "f" else ""
    fx = f"{name}{arg}"
    if nice.is_Mul and not nice.is_number:
        parts = []
        for factor in nice.args:
            if factor == F:
                parts.append(fx)
            elif factor.is_Number:
                parts.append(sp.latex(factor))
            else:
                inner = sp.latex(factor.subs(F, sp.Symbol("FUNC"))).replace("FUNC", fx)
                parts.append(rf"\left({inner}\right)")
        return r"\,".join(parts)
    return sp.latex(nice.subs(F, sp.Symbol("FUNC"))).replace("FUNC", fx)


def pretty(rel: sp.Expr) -> str:
    """SymPy syntax of ``pretty_expr``."""
    return str(pretty_expr(rel))


@dataclass(frozen=True)
class PolyDerivatives:
    """f^{(n)} = P_n(f) for n = 0..N, with f′ = F(f) polynomial; coefficients low → high."""

    ode: tuple[Fraction, ...]
    polys: tuple[tuple[Fraction | int, ...], ...]

    def as_expr(self, n: int, symbol: sp.Expr = F) -> sp.Expr:
        coeffs = self.polys[n]
        return sp.Add(*[sp.Rational(c.numerator, c.denominator) * symbol**i if isinstance(c, Fraction)
                        else c * symbol**i for i, c in enumerate(coeffs) if c])


def ode_polynomial(expr: sp.Expr) -> tuple[Fraction, ...] | None:
    """Coefficients of F with f′ = F(f), when F is a polynomial."""
    rel = relation(expr, 1)
    if rel is None or rel == 0 or not rel.is_polynomial(F):  # constants have nothing to iterate
        return None
    coeffs = sp.Poly(rel, F).all_coeffs()[::-1]
    return tuple(Fraction(int(c.p), int(c.q)) for c in coeffs)


def _normalize(ode: tuple[Fraction, ...]) -> tuple:
    if all(c.denominator == 1 for c in ode):
        return tuple(int(c) for c in ode)
    return ode


def iterate(ode: tuple[Fraction, ...], order: int) -> PolyDerivatives:
    """P_0 = f, P_{k+1} = P_k′·F: coefficient lists, pure integer arithmetic where possible."""
    fcoeffs = _normalize(ode)
    zero = 0 if isinstance(fcoeffs[0], int) else Fraction(0)
    polys = [(zero, zero + 1)]
    terms = [(j, fc) for j, fc in enumerate(fcoeffs) if fc]
    for _ in range(order):
        p = polys[-1]
        dp = [i * c for i, c in enumerate(p)][1:]
        size = len(dp) + len(fcoeffs) - 1
        out = [zero] * size
        for j, fc in terms:
            scaled = dp if fc == 1 else ([-c for c in dp] if fc == -1 else [fc * c for c in dp])
            out[j:j + len(dp)] = [a + b for a, b in zip(out[j:j + len(dp)], scaled, strict=True)]
        while len(out) > 1 and not out[-1]:
            out.pop()
        polys.append(tuple(out))
    return PolyDerivatives(ode, tuple(polys))


@lru_cache(maxsize=8)
def sigmoid_polys(order: int) -> PolyDerivatives:
    return iterate((Fraction(0), Fraction(1), Fraction(-1)), order)


def logistic_shape(ode: tuple[Fraction, ...]) -> tuple[Fraction, Fraction] | None:
    """(k, L) when f′ = k f (1 − f/L): the logistic family, whose derivatives have a closed form."""
    if len(ode) == 3 and ode[0] == 0 and ode[1] != 0 and ode[2] != 0:
        k = ode[1]
        return k, -k / ode[2]
    return None


def nth_in_f(ode: tuple[Fraction, ...], order: int) -> list[Fraction]:
    """Coefficients (low → high) of f^{(order)} as a polynomial in f: the Stirling closed form
    for the logistic family (proved for every n by ``stirling_induction``), the chain-rule
    recurrence otherwise."""
    shape = logistic_shape(ode)
    if shape is None:
        return [Fraction(c) for c in iterate(ode, order).polys[order]]
    k, big_l = shape
    coeffs = stirling_coefficients(order) if order else [0, 1]
    if k == 1 and big_l == 1:
        return coeffs  # type: ignore[return-value]
    scale = big_l * k**order
    return [scale * c / big_l**j for j, c in enumerate(coeffs)]


def _terms(coeffs: list):  # noqa: ANN202 - yields (negative, magnitude, power), highest power first
    for j in range(len(coeffs) - 1, -1, -1):
        c = coeffs[j]
        c = c if type(c) is int else Fraction(c)  # ints (the common case) carry numerator/denominator
        if c:
            yield c < 0, abs(c), j


def _digits(n: int) -> str:
    """Decimal digits of a (large) integer: FLINT's conversion is subquadratic and has no limit
    on the number of digits (Python's ``str`` refuses beyond 4300 digits)."""
    return str(n) if n < 1 << 64 else str(fmpz(n))


def _join(parts: list[tuple[bool, str]]) -> str:
    if not parts:
        return "0"
    pieces = ["-" if parts[0][0] else "", parts[0][1]]
    for negative, body in parts[1:]:
        pieces += (" - " if negative else " + ", body)
    return "".join(pieces)  # one copy: += on a growing string is quadratic (megabytes at n = 1000)


def poly_text(coeffs: list, name: str = "f") -> str:
    """SymPy syntax for Σ c_j name^j, highest power first, without building SymPy objects."""
    parts = []
    for negative, mag, j in _terms(coeffs):
        power = "" if j == 0 else (name if j == 1 else f"{name}**{j}")
        num = _digits(mag.numerator)
        if not power:
            body = num if mag.denominator == 1 else f"{num}/{_digits(mag.denominator)}"
        elif mag == 1:
            body = power
        else:
            body = f"{num}*{power}" + ("" if mag.denominator == 1 else f"/{_digits(mag.denominator)}")
        parts.append((negative, body))
    return _join(parts)


def poly_tex(coeffs: list, name: str) -> str:
    """LaTeX for Σ c_j name^j, highest power first."""
    parts = []
    for negative, mag, j in _terms(coeffs):
        num = "" if mag == 1 and j else (_digits(mag.numerator) if mag.denominator == 1
                                         else rf"\frac{{{_digits(mag.numerator)}}}{{{_digits(mag.denominator)}}}")
        power = "" if j == 0 else (name if j == 1 else rf"{name}^{{{j}}}")
        parts.append((negative, (num + ("\\," if num and power else "") + power) or "1"))
    return _join(parts)


def poly_expr(coeffs: list, symbol: sp.Expr = F) -> sp.Expr:
    return sp.Add(*[sp.Rational(Fraction(c).numerator, Fraction(c).denominator) * symbol**j
                    for j, c in enumerate(coeffs) if c])


def agrees_in_t(expr: sp.Expr, ode: tuple[Fraction, ...], orders: range) -> bool:
    """P_n(f) equals f^{(n)} for each n, compared exactly as rational functions of t (on FLINT).

    f = N/D in t = e^{(x−x0)/m}; d/dx R(t) = (t/m)·R′(t), so f^{(n)} = N_n/D_n with
    N_{n+1} = t(N_n′D_n − N_n D_n′), D_{n+1} = m·D_n² (no cancelling needed for an equality
    test); then Σ c_j N^j D^(top−j) · D_n = N_n · D^top is one polynomial identity over ℚ.
    """
    form = to_expform(expr)
    big_n, big_d = flintpoly.rational(form.num), flintpoly.rational(form.den)
    t = fmpq_poly([0, 1])
    num, den, n = big_n, big_d, 0
    for target in orders:
        while n < target:
            num, den, n = t * (num.derivative() * den - num * den.derivative()), den * den * form.m, n + 1
            g = num.gcd(den)
            if g.degree() > 0:
                num, den = num / g, den / g
        coeffs = [fmpq(Fraction(c).numerator, Fraction(c).denominator) for c in nth_in_f(ode, target)]
        top = len(coeffs) - 1
        lhs, npow = fmpq_poly([]), fmpq_poly([1])
        for j, c in enumerate(coeffs):
            if c:
                lhs += npow * big_d ** (top - j) * c
            npow = npow * big_n
        if lhs * den != num * big_d**top:
            return False
    return True


def stirling2_row(n: int) -> list[int]:
    """S(n, k) for k = 0..n, by the recurrence S(n,k) = k S(n-1,k) + S(n-1,k-1)."""
    row = [1]
    for m in range(1, n + 1):
        new = [0] * (m + 1)
        for k in range(1, m + 1):
            new[k] = k * (row[k] if k < len(row) else 0) + row[k - 1]
        row = new
    return row


def stirling_coefficients(n: int) -> list[int]:
    """Coefficients of σ^{j}, j = 0..n+1, in σ^{(n)} by the closed form: (−1)^k k! S(n+1, k+1).

    Computed exactly on FLINT through the Eulerian numbers, whose integers are far smaller than
    the Stirling recurrence's intermediate rows: with m = n + 1,
    A(m, k) = Σ_j (−1)^j C(m+1, j) (k+1−j)^m (one polynomial product), and Frobenius' identity
    Σ_k k! S(m, k) x^k = Σ_k A(m, k) x^{k+1} (1+x)^{m−1−k} (one Taylor shift).
    ``stirling2_row`` and the chain-rule recurrence ``iterate`` check it in the tests.
    """
    if n == 0:
        return [0, 1]
    m = n + 1
    half = (m + 1) // 2  # A(m, k) = A(m, m−1−k): compute the first half, mirror the rest
    binom = [fmpz(1)]
    for j in range(1, half + 1):
        binom.append(binom[-1] * (m + 2 - j) // j)
    powers = fmpz_poly([fmpz(i) ** m for i in range(1, half + 1)])  # (k+1)^m at index k
    signed = fmpz_poly([b if j % 2 == 0 else -b for j, b in enumerate(binom)])
    first = powers.mul_low(signed, half).coeffs()
    first += [fmpz(0)] * (half - len(first))
    eulerian = first + first[: m - half][::-1]
    # Σ_k A_k x^k (1+x)^{m−1−k} = x^{m−1} R(1 + 1/x) with R(y) = Σ_k A_k y^{m−1−k}
    shifted = fmpz_poly(eulerian[::-1])(fmpz_poly([1, 1])).coeffs()[::-1]  # k! S(m, k+1) · (k+1)
    shifted += [fmpz(0)] * (m - len(shifted))
    out = [0] * (n + 2)
    for k in range(n + 1):
        v, r = divmod(shifted[k], k + 1)
        if r:  # pragma: no cover - an exact identity; a remainder means a broken FLINT
            raise ArithmeticError("Frobenius identity failed")
        out[k + 1] = int(-v if k % 2 else v)
    return out


def stirling_matches(n: int) -> bool:
    """The recurrence's σ^{(n)} equals the closed form, coefficient by coefficient (exact)."""
    mine = list(sigmoid_polys(n).polys[n])
    closed = stirling_coefficients(n)
    mine += [0] * (len(closed) - len(mine))
    return [int(c) for c in mine] == closed


@dataclass(frozen=True)
class InductionProof:
    """The induction for the Stirling form: every equality here was checked by SymPy algebra."""

    base: str
    step: tuple[str, ...]
    checked: bool


@lru_cache(maxsize=1)
def stirling_induction() -> InductionProof:
    """Reduce the induction step to S(n+2, j+1) = (j+1) S(n+1, j+1) + S(n+1, j) and check it.

    Differentiating Σ_k c_k σ^{k+1} with c_k = (−1)^k k! S(n+1,k+1) and σ′ = σ(1−σ) gives
    Σ_k c_k (k+1)(σ^{k+1} − σ^{k+2}); the coefficient of σ^{j+1} is c_j (j+1) − c_{j−1} j.
    """
    n, j = sp.symbols("n j", integer=True, nonnegative=True)
    a, b = sp.symbols("A B")  # A = S(n+1, j+1), B = S(n+1, j)
    c_j = (-1) ** j * sp.factorial(j) * a
    c_jm1 = (-1) ** (j - 1) * sp.factorial(j - 1) * b
    coefficient = c_j * (j + 1) - c_jm1 * j
    target = (-1) ** j * sp.factorial(j) * ((j + 1) * a + b)  # = (−1)^j j! S(n+2, j+1)
    diff = sp.expand(sp.combsimp(sp.powsimp(sp.expand_power_base((coefficient - target) / ((-1) ** j * sp.factorial(j - 1))))))
    step_ok = sp.expand(diff) == 0  # identically 0 after expansion: the step holds for all n, j
    # base case: σ^{(0)} = σ = S(1,1)·σ
    base_ok = stirling_coefficients(0) == [0, 1]
    # the Stirling recurrence itself, checked against SymPy's independent implementation
    from sympy.functions.combinatorial.numbers import stirling
    rec_ok = all(stirling(m + 1, k, kind=2) == k * stirling(m, k, kind=2) + stirling(m, k - 1, kind=2)
                 for m in range(1, 12) for k in range(1, m + 2))
    ends_ok = all(stirling(m, 0, kind=2) == 0 and stirling(m, m + 1, kind=2) == 0 for m in range(1, 12))
    return InductionProof(
        base=r"n = 0:\ \sigma = S(1,1)\,\sigma",
        step=(
            r"\frac{d}{dx}\sum_{k=0}^{n} c_k\,\sigma^{k+1} = \sum_{k=0}^{n} c_k (k+1)\,\sigma^{k+1}(1-\sigma),"
            r"\quad c_k = (-1)^k k!\,S(n+1,k+1)",
            r"[\sigma^{j+1}]:\ c_j (j+1) - c_{j-1}\, j = (-1)^j j!\,\bigl((j+1) S(n+1,j+1) + S(n+1,j)\bigr)",
            r"= (-1)^j j!\,S(n+2,j+1) \quad\text{(Stirling recurrence; } S(n+1,0)=S(n+1,n+2)=0\text{)}",
        ),
        checked=bool(step_ok and base_ok and rec_ok and ends_ok),
    )


def taylor_sigmoid(terms: int) -> sp.Expr:
    """σ(x) = 1/2 + Σ_{n≥1} B_{2n}(4^n − 1) x^{2n−1}/(2n)!, truncated (exact coefficients)."""
    x = sp.Symbol("x", real=True)
    return sp.Rational(1, 2) + sum(sp.bernoulli(2 * n) * (4**n - 1) * x ** (2 * n - 1) / sp.factorial(2 * n)
                                   for n in range(1, terms + 1))


def taylor_matches(terms: int) -> bool:
    """The Bernoulli form against σ^{(k)}(0) = P_k(1/2) from the recurrence (exact)."""
    x = sp.Symbol("x", real=True)
    series = sp.Poly(taylor_sigmoid(terms), x)
    top = 2 * terms - 1
    polys = sigmoid_polys(top)
    half = Fraction(1, 2)
    for k in range(top + 1):  # P_k(1/2) in exact rationals: no SymPy expression per k
        v = sum((Fraction(c) * half**i for i, c in enumerate(polys.polys[k]) if c), Fraction(0))
        if series.coeff_monomial(x**k) != sp.Rational(v.numerator, v.denominator) / sp.factorial(k):
            return False
    return True
