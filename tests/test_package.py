"""The wheel: it carries templates/ and proofs/, and `sigsym` works from outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
                   check=True, capture_output=True, timeout=600)
    (whl,) = out.glob("sigsym-*.whl")
    return whl


def test_wheel_carries_templates_and_proofs(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for tpl in ("article", "beamer", "fragment", "body"):
        assert f"sigsym/_data/templates/{tpl}.tex.j2" in names
    for content in ("sigmoid", "derivatives", "tanh", "softplus", "silu"):  # the notes' prose and claims
        assert f"sigsym/_data/templates/content/{content}.toml" in names
    assert sum(n.startswith("sigsym/_data/proofs/") and n.endswith(".toml") for n in names) >= 5
    assert "sigsym/py.typed" in names  # type checkers read the package's own hints
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry).decode()
    assert "sigsym = sigsym.cli:run" in text and "sigsym.theorems.pytest_plugin" in text


def test_installed_wheel_runs_outside_the_tree(wheel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHONPATH", raising=False)  # the venv must import the wheel, not this checkout
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True, timeout=600)
    work = tmp_path / "elsewhere"
    work.mkdir()
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(venv / "bin" / "sigsym"), *args], cwd=work, capture_output=True, text=True,
                              timeout=600)
    where = subprocess.run([str(py), "-c", "import sigsym; print(sigsym.__file__)"], cwd=work, capture_output=True,
                           text=True, check=True).stdout
    assert str(venv) in where, "the wheel, not the source tree, is imported"
    proved = run("prove", "diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--at", "0")
    assert proved.returncode == 0 and proved.stdout.startswith("proved")
    refuted = run("prove", "diff(sigmoid(x), x)", "decreasing")
    assert refuted.returncode == 1 and "counterexample" in refuted.stdout
    checked = run("check")
    assert checked.returncode == 0 and checked.stdout.strip().splitlines()[-1].endswith("passed, 0 failed")
    notes = run("notes")
    assert notes.returncode == 0 and (work / "sigmoid-notes.tex").exists()
    bad = run("prove", "__import__('os')", "even")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
