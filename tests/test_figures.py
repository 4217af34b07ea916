"""Figures: what they show is what the engine proved, and nothing is cut off."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath
import pytest
from markupsafe import Markup

from sigsym.functions import X, sigmoid
from sigsym.present.figures import Figure, figures
from sigsym.present.render import environment


@pytest.fixture(scope="module")
def sigmoid_figures() -> list[Figure]:
    return figures(sigmoid(X), "sigmoid")


def _ticks(ticks: tuple) -> dict[str, str]:
    return {str(pos): str(label) for pos, label in ticks}


def _ys(fig: Figure) -> list[Fraction]:
    return [Fraction(p.split(",")[1].rstrip(")")) for p in str(fig.coords).split()]


def test_labels_are_stable(sigmoid_figures: list[Figure]) -> None:
    assert [f.label for f in sigmoid_figures] == ["fig:sigmoid", "fig:sigmoid-prime", "fig:sigmoid-overlay"]


def test_sigma_ticks_and_asymptotes(sigmoid_figures: list[Figure]) -> None:
    f = sigmoid_figures[0]
    assert _ticks(f.yticks) == {"0": "$0$", "0.5": r"$\tfrac{1}{2}$", "1": "$1$"}
    assert "0" in _ticks(f.xticks)
    assert [str(a) for a in f.asymptotes] == ["0", "1"]


def test_derivative_maximum_and_inflection_points(sigmoid_figures: list[Figure]) -> None:
    d = sigmoid_figures[1]
    assert d.mark is not None and (str(d.mark[0]), str(d.mark[1])) == ("0", "0.25")
    assert _ticks(d.yticks)["0.25"] == r"$\tfrac{1}{4}$"
    xt = _ticks(d.xticks)
    assert xt["1.31696"] == "$1.317$" and xt["-1.31696"] == "$-1.317$"
    mpmath.mp.dps = 60
    s3 = lambda x: mpmath.diff(lambda t: 1 / (1 + mpmath.exp(-t)), x, 3)  # noqa: E731
    root = mpmath.findroot(s3, 1.3)
    assert abs(root - mpmath.log(2 + mpmath.sqrt(3))) < mpmath.mpf(10) ** -40  # σ‴ vanishes there
    assert f"{float(root):.5f}" == "1.31696"
    top = mpmath.diff(lambda t: 1 / (1 + mpmath.exp(-t)), 0)
    assert top == mpmath.mpf(1) / 4


def test_nothing_is_cut_off(sigmoid_figures: list[Figure]) -> None:
    for fig in sigmoid_figures:
        lo, hi = Fraction(str(fig.ymin)), Fraction(str(fig.ymax))
        ys = _ys(fig) + [y for c in fig.curves for y in _ys(Figure("", "", Markup(""), c.coords, None))]
        assert lo < min(ys) and max(ys) < hi
        for pos, _ in fig.yticks:
            assert lo <= Fraction(str(pos)) <= hi
        if fig.mark is not None:  # room above the marked maximum for its label (a fifth of the height)
            assert hi - Fraction(str(fig.mark[1])) >= (hi - lo) / 6


def test_overlay_has_both_curves(sigmoid_figures: list[Figure]) -> None:
    o = sigmoid_figures[2]
    assert o.legend == r"$\sigma(x)$" and [str(c.legend) for c in o.curves] == [r"$\sigma'(x)$"]
    assert {"0", "0.25", "0.5", "1"} <= set(_ticks(o.yticks))


def test_rendered_with_caption_and_label(sigmoid_figures: list[Figure]) -> None:
    out = environment().get_template("figure.tex.j2").render(fig=sigmoid_figures[1], width="8cm", height="5cm",
                                                             caption=True)
    assert r"\label{fig:sigmoid-prime}" in out and "dashed" in out and "extra" not in out
    assert r"yticklabels={{$0$},{$0.1$},{$\tfrac{1}{4}$}}" in out


def test_a_figure_of_the_first_interface_still_renders() -> None:
    @dataclass(frozen=True)
    class Old:
        caption: str
        label: str
        ylabel: Markup
        coords: Markup
        mark: tuple | None

    out = environment().get_template("figure.tex.j2").render(
        fig=Old("c", "fig:f", Markup("$f$"), Markup("(0,1) (1,2)"), None), width="8cm", height="5cm")
    assert r"\addplot[thick, blue, mark=none] coordinates {(0,1) (1,2)};" in out and r"\label" not in out


@pytest.mark.parametrize(("expr", "count"), [("softplus(x)", 3), ("x*sigmoid(x)", 3), ("1/(exp(x) - 1)", 0)])
def test_other_functions(expr: str, count: int) -> None:
    from sigsym.prover.properties import as_expr

    assert len(figures(as_expr(expr), "g")) == count
