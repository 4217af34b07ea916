"""The pytest plugin, tested with pytester: collection, failures, and what is never collected."""

from __future__ import annotations

# In-process pytester runs drop the modules they imported afterwards; loading the engine here,
# once, keeps every run on the same SymPy classes and caches (and hypothesis, which its pytest
# plugin would otherwise import again at the end of every run).
import hypothesis  # noqa: F401
import pytest
from test_theorems import GOOD, WRONG

import sigsym.prover.properties  # noqa: F401
import sigsym.prover.text  # noqa: F401
import sigsym.theorems.runner  # noqa: F401

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
    pytester.makefile(".toml", bad='[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "periodic"\nexpect = "proved"\n')
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*unknown property 'periodic'*"])


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
    code = "import sys, sigsym.theorems.pytest_plugin; print('sympy' in sys.modules, 'jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_near_miss_is_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", good=GOOD, typo=GOOD.replace("[[theorem]]", "[[theorems]]"))
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)  # pytest stops after a collection error
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*typo.toml: top-level key 'theorems' is not 'theorem'*"])


def test_skipped_toml_files_are_listed_with_their_reason(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", good=GOOD, pyproject='[project]\nname = "x"\n', settings='[server]\nport = 1\n')
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)
    lines = result.stdout.str().splitlines()
    at = lines.index("skipped 1 .toml file that holds no [[theorem]] tables:")
    assert "= sigsym =" in "\n".join(lines[at - 2:at]) and lines[at + 1] == "  settings.toml: no [[theorem]] tables"
    assert "pyproject" not in "\n".join(lines[at:])


def test_named_non_theorem_file_is_an_error(pytester: pytest.Pytester) -> None:
    p = pytester.makefile(".toml", settings='[server]\nport = 1\n')
    result = pytester.runpytest(str(p))
    result.assert_outcomes(errors=1)
    assert f"{p}: not a theorem file: no [[theorem]] tables" in result.stdout.str()


def test_internal_error_fails_only_that_theorem(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    from sigsym.errors import InternalError
    from sigsym.theorems.files import Theorem

    original = Theorem.run

    def run(self: Theorem):  # noqa: ANN202
        if self.id == "prime-even":
            raise InternalError("the engine disagreed with itself")
        return original(self)

    monkeypatch.setattr(Theorem, "run", run)
    pytester.makefile(".toml", wrong=WRONG)
    result = pytester.runpytest()  # in this process, so the patch applies
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*internal error: the engine disagreed with itself*"])
    assert "Traceback" not in result.stdout.str()


def test_pytest_junit_report_names_file_and_line(pytester: pytest.Pytester) -> None:
    import xml.etree.ElementTree as ET

    p = pytester.makefile(".toml", wrong=WRONG)
    result = pytester.runpytest("--junitxml=report.xml")
    result.assert_outcomes(passed=2, failed=1)
    root = ET.parse(pytester.path / "report.xml").getroot()
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {"prime-even", "prime-max", "prime-decreasing"}
    props = {p.get("name"): p.get("value") for p in cases["prime-decreasing"].iter("property")}
    assert props["theorem_file"].endswith("wrong.toml")
    assert props["theorem_line"] == str(p.read_text().splitlines().index('id = "prime-decreasing"') + 1)
    assert cases["prime-decreasing"].find("failure") is not None


def test_under_xdist_the_result_is_the_serial_one(pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    pytester.makefile(".toml", wrong=WRONG, good=GOOD.replace('"prime-', '"good-'), settings='[server]\nport = 1\n')
    serial = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    serial.assert_outcomes(passed=4, failed=1)
    parallel = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")
    parallel.assert_outcomes(passed=4, failed=1)
    parallel.stdout.fnmatch_lines(["*2 workers*", "*prime-decreasing*", "*expected proved, got refuted*"])
    assert "skipped 1 .toml file that holds no [[theorem]] tables:\n  settings.toml: no [[theorem]] tables" \
        in parallel.stdout.str()


def test_no_sympy_until_a_theorem_file_is_found(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", settings='[server]\nport = 1\n')
    pytester.makeconftest("""
import sys

def pytest_sessionfinish(session):
    print("SYMPY LOADED" if "sympy" in sys.modules or "jinja2" in sys.modules else "NOTHING HEAVY")
""")
    result = pytester.runpytest_subprocess("-s", "-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.stdout.fnmatch_lines(["*NOTHING HEAVY*"])
