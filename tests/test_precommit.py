"""The published pre-commit hook, run for real the way the README says to use it: a project with
a pyproject.toml and other .toml files, `repo:` this repository, `rev:` a commit (there are no
release tags). pre-commit builds the hook's own environment from the repository (PyPI is needed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow
pytest.importorskip("pre_commit", reason="pre-commit is in the test extras: pip install -e '.[test]'")

THEOREMS = '''[[theorem]]
id = "prime-even"
title = "σ′ is even"
expr = "diff(sigmoid(x), x)"
property = "even"
expect = "proved"
'''


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=test@example.org", "-c", "user.name=test", *args], cwd=cwd,
                          check=True, capture_output=True, text=True, timeout=120).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout (with its uncommitted work) as a git repository with a commit to pin."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of sigsym")
    repo = tmp_path_factory.mktemp("sigsym-repo")
    files = _git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    for name in files:
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo, _git(repo, "rev-parse", "HEAD")


def _pre_commit(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS", "SIGSYM_TIME_BUDGET")}
    env["PRE_COMMIT_HOME"] = str(home)
    _git(project, "add", "-A")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"], cwd=project,
                          env=env, capture_output=True, text=True, timeout=1200)


def test_hook_in_a_python_project(hook_repo: tuple[Path, str], tmp_path: Path) -> None:
    repo, sha = hook_repo
    project = tmp_path / "project"
    (project / "proofs").mkdir(parents=True)
    _git(project, "init", "-q")
    (project / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "0.1"\n', encoding="utf-8")
    (project / "settings.toml").write_text("[server]\nport = 8080\n", encoding="utf-8")
    (project / "proofs" / "sigmoid.toml").write_text(THEOREMS, encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_uri()}\n    rev: {sha}\n    hooks:\n      - id: sigsym-check\n", encoding="utf-8")
    home = tmp_path / "pre-commit-home"

    ok = _pre_commit(project, home)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "sigsym check" in ok.stdout and "Passed" in ok.stdout
    assert "ok   prime-even: proved" in ok.stdout and "1 passed, 0 failed" in ok.stdout
    assert "skip settings.toml: no [[theorem]] tables" in ok.stdout and "pyproject" not in ok.stdout

    (project / "typo.toml").write_text(THEOREMS.replace("[[theorem]]", "[[theorems]]"), encoding="utf-8")
    typo = _pre_commit(project, home)
    assert typo.returncode == 1 and "Failed" in typo.stdout
    assert "typo.toml: top-level key 'theorems' is not 'theorem'" in typo.stdout

    (project / "typo.toml").unlink()
    (project / "proofs" / "wrong.toml").write_text(
        THEOREMS.replace("prime-even", "prime-decreasing").replace('"even"', '"decreasing"'), encoding="utf-8")
    wrong = _pre_commit(project, home)
    assert wrong.returncode == 1 and "Failed" in wrong.stdout
    assert "FAIL prime-decreasing: refuted (expected proved)" in wrong.stdout and "1 passed, 1 failed" in wrong.stdout
