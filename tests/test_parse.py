"""The safe parser: the language of the contract, and hostile input rejected cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from sigsym.cli import main
from sigsym.errors import ParseError
from sigsym.functions import X, sigmoid
from sigsym.language.parse import parse, parse_constant, parse_interval

HOSTILE = [
    "__import__('os').system('touch /tmp/sigsym-pwned')",
    "().__class__.__bases__[0].__subclasses__()",
    "x.__class__",
    "sigmoid.__globals__",
    "lambda: 1",
    "(lambda y: y)(x)",
    "[i for i in range(10)]",
    "{i: i for i in x}",
    "(i for i in x)",
    "{1, 2}",
    "'string'",
    "b'bytes'",
    "f'{x}'",
    "x.real",
    "exp.__call__(x)",
    "eval('1')",
    "exec('1')",
    "open('/etc/passwd')",
    "getattr(x, 'y')",
    "10**10**10",
    "2**100000",
    "x**(10**6)",
    "9" * 5000,
    "1" * 45,
    "(" * 400 + "x" + ")" * 400,
    "-" * 400 + "x",
    "+".join(["x"] * 30000),
    "",
    "   ",
    "y",
    "nan",
    "inf",
    "e",
    "foo(x)",
    "exp()",
    "exp(x, x)",
    "sigmoid(x, 1)",
    "diff(x)",
    "diff(x, y)",
    "diff(sigmoid, x, -1)",
    "diff(sigmoid, x, 1000)",
    "diff(sigmoid, x, 1.5)",
    "1/0",
    "log(0)",
    "sqrt(-1)",
    "x; import os",
    "import os",
    "x = 1",
    "x if x else x",
    "x < 1",
    "x and x",
    "1j",
    "x @ x",
    "x // 2",
    "x % 2",
    "~x",
    "x[0]",
    "*x",
    "exp(x=1)",
    "oo",
    "x**x",
    "2**x",
    "\x00x",
    "sigmoid(x)(2)",
    "x ** 0.5.real",
]


def test_many_hostile_inputs_listed() -> None:
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError):
        parse(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_cli_exit_2_one_line(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["prove", text, "positive"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sigsym: error:")
    assert "Traceback" not in err


def test_nothing_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"__import__('os').system('touch {marker}')"
    proc = subprocess.run([sys.executable, "-m", "sigsym", "prove", text, "positive"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not marker.exists()


def test_errors_name_the_column() -> None:
    with pytest.raises(ParseError, match="column 14"):
        parse("sigmoid(x) + foo(x)")
    with pytest.raises(ParseError, match="unknown name 'y'"):
        parse("x + y")


def test_language() -> None:
    assert parse("sigmoid") == sigmoid(X)
    assert parse("0.25") == sp.Rational(1, 4)
    assert parse("x^2") == X**2
    assert parse("E**(-x)") == sp.exp(-X)
    assert parse("diff(sigmoid(x), x)") == sp.diff(sigmoid(X), X)
    assert parse("diff(tanh, x, 2)") == sp.diff(sp.tanh(X), X, 2)
    assert parse("logistic(x, 2, 3, 1)") == 2 * sigmoid(3 * (X - 1))
    assert parse("1e-3") == sp.Rational(1, 1000)
    assert parse_constant("-oo") == -sp.oo
    assert parse_constant("log(2 + sqrt(3))") == sp.log(2 + sp.sqrt(3))


def test_intervals() -> None:
    i = parse_interval("(-oo, 0]")
    assert (i.lo, i.hi, i.lo_closed, i.hi_closed) == (-sp.oo, 0, False, True)
    assert parse_interval("R").is_real_line
    assert parse_interval("(0, 1/4]").hi == sp.Rational(1, 4)
    for bad in ("[1, 0]", "(0, 0)", "[-oo, 0]", "0, 1", "(x, 1)", "(1, 2, 3)", "(a, b)"):
        with pytest.raises(ParseError):
            parse_interval(bad)
