"""mypy --strict on the public API: the package's own modules (configured in pyproject.toml) and
code that uses sigsym as a typed library would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")

USER_CODE = '''
from pathlib import Path

import sigsym
from sigsym.testing import assert_identity, assert_proved

proof: sigsym.Proof = sigsym.prove("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0")
verdict: str = proof.verdict.value
proved: bool = proof.proved
summary: str = str(proof)
latex: str = proof._repr_latex_()
derivation: sigsym.Derivation = sigsym.derive("sigmoid", order=2, route="rules")
text: str | None = derivation.in_terms_of_f_text
outcomes: list[sigsym.Outcome] = sigsym.check(Path("proofs"), jobs=2)
passed: int = sum(o.ok for o in outcomes)
notes: str = sigsym.notes("tanh", format="fragment", title="T")
interval: sigsym.Interval = sigsym.parse_interval("(0, oo)")
assert_identity("sigmoid", "1 - sigmoid(-x)")
assert_proved("sigmoid", "positive", on="(0, oo)")
'''

WRONG_CODE = '''
import sigsym

sigsym.prove("sigmoid", "value", at="1", equals="0.7311", digits="4")
sigsym.derive("sigmoid", order="2")
sigsym.not_there()
'''


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MYPYPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", os.devnull, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_public_modules_are_strict_clean() -> None:
    result = _mypy()  # files and --strict come from [tool.mypy] in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_using_sigsym_type_checks(tmp_path: Path) -> None:
    good = tmp_path / "uses_sigsym.py"
    good.write_text(USER_CODE, encoding="utf-8")
    result = _mypy("--strict", str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    wrong = tmp_path / "misuses_sigsym.py"
    wrong.write_text(WRONG_CODE, encoding="utf-8")
    result = _mypy("--strict", str(wrong))
    assert result.returncode == 1
    assert 'Argument "digits" to "prove" has incompatible type "str"' in result.stdout
    assert 'Argument "order" to "derive" has incompatible type "str"' in result.stdout
    assert 'Module has no attribute "not_there"' in result.stdout
