"""Theorem files: validation with file, line and id; `sigsym check` output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sigsym.cli import main
from sigsym.errors import TheoremFileError
from sigsym.theorems import bundled_dir, load

GOOD = '''
[[theorem]]
id = "prime-even"
title = "σ′ is even"
expr = "diff(sigmoid(x), x)"
property = "even"
expect = "proved"

[[theorem]]
id = "prime-max"
title = "max is 1/4"
expr = "diff(sigmoid(x), x)"
property = "maximum"
equals = "1/4"
at = "0"
expect = "proved"
'''

WRONG = GOOD + '''
[[theorem]]
id = "prime-decreasing"
title = "σ′ decreases"
expr = "diff(sigmoid(x), x)"
property = "decreasing"
expect = "proved"
'''


def _write(tmp_path: Path, text: str, name: str = "t.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_suite_is_large_and_valid() -> None:
    theorems = [t for f in sorted(bundled_dir().glob("*.toml")) for t in load(f)]
    assert len(theorems) >= 30
    assert any(t.expect == "refuted" for t in theorems)
    ids = [t.id for t in theorems]
    assert len(ids) == len(set(ids))


def test_check_passes_on_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].endswith("passed, 0 failed")
    assert int(out[-1].split()[0]) >= 30


def test_one_wrong_expectation_fails_on_exactly_that(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _write(tmp_path, WRONG)
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "2 passed, 1 failed"
    fail_lines = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert len(fail_lines) == 1 and "prime-decreasing" in fail_lines[0]
    assert "counterexample:" in out and f"{p}:" in out


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _write(tmp_path, GOOD)
    assert main(["check", str(p), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] == 2 and data["failed"] == 0
    assert {t["id"] for t in data["theorems"]} == {"prime-even", "prime-max"}


BAD_FILES = {
    "not toml": ("[[theorem]\nid = ", "not valid TOML"),
    "missing key": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nexpect = "proved"\n', "missing key 'property'"),
    "unknown property": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "convex"\nexpect = "proved"\n', "unknown property"),
    "duplicate id": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "refuted"\n' * 2, "duplicate id"),
    "bad expression": ('[[theorem]]\nid = "a"\nexpr = "__import__(1)"\nproperty = "even"\nexpect = "proved"\n', "unknown function"),
    "bad expect": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "yes"\n', "expect must be"),
    "unknown key": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "proved"\nfoo = 1\n', "unknown key 'foo'"),
    "bad option": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "proved"\non = "R"\n', "does not take option"),
    "no theorems": ('title = "x"\n', "not a theorem file: no [[theorem]] tables"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_exit_2_naming_file_line_id(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, needle = BAD_FILES[case]
    p = _write(tmp_path, text)
    assert main(["check", str(p)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(p) in err and needle in err
    if case in ("unknown property", "bad expression", "bad expect", "unknown key", "bad option"):
        assert f"{p}:2" in err and "theorem 'a'" in err
    with pytest.raises(TheoremFileError):
        load(p)


def test_missing_path_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/proofs"]) == 2
    assert "no such file" in capsys.readouterr().err
