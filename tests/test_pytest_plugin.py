"""The pytest plugin, tested with pytester: collection, failures, and what is never collected."""

from __future__ import annotations

import pytest
from test_theorems import GOOD, WRONG

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestAssertRewriteWarning")


def test_collects_each_theorem(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", good=GOOD)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*good.toml::prime-even PASSED*", "*good.toml::prime-max PASSED*"])


def test_wrong_theorem_fails_with_counterexample(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrong=WRONG)
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*prime-decreasing*", "*expected proved, got refuted*", "*counterexample:*"])


def test_pyproject_and_plain_toml_are_not_collected(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", pyproject='[project]\nname = "x"\n', other='[tool]\ntheorem = 1\n')
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_file_named_on_command_line(pytester: pytest.Pytester) -> None:
    p = pytester.makefile(".toml", named=GOOD)
    result = pytester.runpytest(str(p))
    result.assert_outcomes(passed=2)


def test_bad_file_is_a_clear_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", bad='[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "convex"\nexpect = "proved"\n')
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*unknown property 'convex'*"])


def test_helpers(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_math='''
from sigsym.testing import assert_identity, assert_proved, assert_refuted

def test_ok():
    assert_identity("diff(sigmoid(x), x)", "sigmoid(x)*(1 - sigmoid(x))")
    assert_proved("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0")
    assert_refuted("sigmoid", "even")

def test_wrong():
    assert_identity("diff(sigmoid(x), x)", "sigmoid(x)**2")
''')
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*expected proved, got refuted*", "*counterexample:*"])


def test_plugin_module_is_cheap_to_import() -> None:
    import subprocess
    import sys
    code = "import sys, sigsym.pytest_plugin; print('sympy' in sys.modules, 'jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
