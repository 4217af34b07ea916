"""Theorem files: validation with file, line and id; `sigsym check` output and exit codes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from sigsym.cli import main
from sigsym.errors import TheoremFileError
from sigsym.theorems.files import bundled_dir, load

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
    "unknown property": ('[[theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "periodic"\nexpect = "proved"\n', "unknown property"),
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


# ---------------------------------------------------------------- discovery

def _exit_2_one_line(capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    for needle in needles:
        assert needle in err
    return err


NEAR_MISSES = {
    "plural": '[[theorems]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "refuted"\n',
    "capital": '[[Theorem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "refuted"\n',
    "misspelt": '[[theroem]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "refuted"\n',
    "other name, theorem content": '[[claims]]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "refuted"\n',
}


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_near_miss_key_in_a_folder_is_an_error(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, GOOD, "good.toml")
    bad = _write(tmp_path, NEAR_MISSES[case], "typo.toml")
    assert main(["check", str(tmp_path)]) == 2
    _exit_2_one_line(capsys, str(bad), "[[theorem]]")


def test_single_table_and_broken_theorem_toml_are_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    single = _write(tmp_path, '[theorem]\nid = "a"\nexpr = "sigmoid"\nproperty = "even"\nexpect = "refuted"\n', "one.toml")
    assert main(["check", str(tmp_path)]) == 2
    _exit_2_one_line(capsys, str(single), "double brackets")
    single.unlink()
    broken = _write(tmp_path, '[[theorem]\nid = "a"\n', "broken.toml")
    assert main(["check", str(tmp_path)]) == 2
    _exit_2_one_line(capsys, str(broken), "not valid TOML")


def test_near_miss_rule_spares_ordinary_configuration() -> None:
    from sigsym.theorems.files import near_miss

    assert not near_miss("theme", "hugo-book")
    assert not near_miss("theory", "string value")
    assert not near_miss("tool", {"theorem": 1})
    assert not near_miss("theme", {"name": "x"})
    assert near_miss("Theorem", [{}])
    assert near_miss("theorems", [{"id": "a"}])
    assert near_miss("tests", [{"expr": "sigmoid", "property": "even"}])


def test_folder_reports_what_it_skips_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, GOOD, "good.toml")
    _write(tmp_path, '[project]\nname = "x"\n', "pyproject.toml")
    _write(tmp_path, '[server]\nport = 1\n', "settings.toml")
    _write(tmp_path, "this = is = not toml", "template.toml")
    for hidden in (".venv", "node_modules", "env"):
        (tmp_path / hidden).mkdir()
        _write(tmp_path / hidden, NEAR_MISSES["plural"], "bad.toml")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    skips = [line for line in out.splitlines() if line.startswith("skip ")]
    assert len(skips) == 2
    assert skips[0] == f"skip {tmp_path / 'settings.toml'}: no [[theorem]] tables"
    assert skips[1].startswith(f"skip {tmp_path / 'template.toml'}: not valid TOML (")
    assert "pyproject" not in out
    assert out.strip().splitlines()[-1] == "2 passed, 0 failed"
    assert main(["check", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["file"] for s in data["skipped"]] == [str(tmp_path / "settings.toml"), str(tmp_path / "template.toml")]


def test_named_file_without_theorems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = _write(tmp_path, '[server]\nport = 1\n', "settings.toml")
    py = _write(tmp_path, '[project]\nname = "x"\n', "pyproject.toml")
    good = _write(tmp_path, GOOD, "good.toml")
    assert main(["check", str(cfg)]) == 2
    _exit_2_one_line(capsys, str(cfg), "not a theorem file")
    assert main(["check", str(py)]) == 2
    _exit_2_one_line(capsys, "no theorem files")
    # what the pre-commit hook passes: every changed .toml file
    assert main(["check", "--skip-non-theorem-files", str(py), str(cfg), str(good)]) == 0
    out = capsys.readouterr().out
    assert f"skip {cfg}: no [[theorem]] tables" in out and "pyproject" not in out
    assert out.strip().splitlines()[-1] == "2 passed, 0 failed"
    assert main(["check", "--skip-non-theorem-files", str(py), str(cfg)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "0 passed, 0 failed"
    assert main(["check", "--skip-non-theorem-files", str(_write(tmp_path, NEAR_MISSES["plural"], "t.toml"))]) == 2
    _exit_2_one_line(capsys, "'theorems'")


# ---------------------------------------------------------------- robust runs

def _break(monkeypatch: pytest.MonkeyPatch, ids: dict[str, BaseException | float]) -> None:
    """Make the named theorems raise (an internal error, a crash) or sleep, as real bugs would."""
    from sigsym.theorems.files import Theorem

    original = Theorem.run

    def run(self: Theorem):  # noqa: ANN202
        effect = ids.get(self.id)
        if isinstance(effect, BaseException):
            raise effect
        if isinstance(effect, float):
            time.sleep(effect)
        return original(self)

    monkeypatch.setattr(Theorem, "run", run)


def test_internal_error_is_that_theorems_line_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from sigsym.errors import InternalError

    _break(monkeypatch, {"prime-even": InternalError("the engine disagreed with itself"),
                         "prime-max": ZeroDivisionError("division by zero")})
    p = _write(tmp_path, WRONG)
    assert main(["check", str(p)]) == 4
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("ERROR prime-even: internal error: the engine disagreed with itself ")
    assert lines[1] == f"     {p}:3: σ′ is even"
    assert lines[2].startswith("ERROR prime-max: internal error: ZeroDivisionError: division by zero ")
    assert any(line.startswith("FAIL prime-decreasing: refuted (expected proved)") for line in lines)
    assert lines[-2:] == ["2 errors (internal errors, counted as failed)", "0 passed, 3 failed"]
    assert main(["check", str(p), "--json"]) == 4
    data = json.loads(capsys.readouterr().out)
    assert (data["passed"], data["failed"], data["errors"]) == (0, 3, 2)
    assert data["theorems"][0]["verdict"] == "error" and data["theorems"][0]["proof"] is None


def test_exit_codes_fail_without_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, WRONG))]) == 1
    assert "error" not in capsys.readouterr().out


def test_each_theorem_has_its_own_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:

    monkeypatch.setenv("SIGSYM_TIME_BUDGET", "0.2")
    _break(monkeypatch, {"prime-even": 30.0})
    start = time.perf_counter()
    assert main(["check", str(_write(tmp_path, GOOD))]) == 1
    assert time.perf_counter() - start < 10
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("FAIL prime-even: unknown (expected proved)")
    assert "time budget of 0.2 s exhausted" in lines[2]
    assert lines[3].startswith("ok   prime-max: proved")
    assert lines[-1] == "1 passed, 1 failed"


class _Clock:
    """A stdout that notes when each line was written."""

    def __init__(self) -> None:
        self.lines: list[tuple[float, str]] = []

    def write(self, text: str) -> int:
        for line in text.splitlines():
            self.lines.append((time.perf_counter(), line))
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def test_lines_stream_as_each_theorem_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break(monkeypatch, {"prime-max": 1.5})
    clock = _Clock()
    monkeypatch.setattr("sys.stdout", clock)
    start = time.perf_counter()
    assert main(["check", str(_write(tmp_path, GOOD))]) == 0
    (t_even, even), = [(t, line) for t, line in clock.lines if "prime-even" in line]
    (t_max, _), = [(t, line) for t, line in clock.lines if "prime-max" in line]
    assert even.startswith("ok   prime-even")
    assert t_even - start < 1.2 and t_max - t_even > 1.0


def test_progress_counter_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    p = _write(tmp_path, GOOD)
    primary, secondary = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "sigsym", "check", str(p)], stdout=subprocess.PIPE,
                          stderr=secondary, text=True, timeout=120)
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    assert proc.returncode == 0
    assert b"[0/2] running prime-even" in seen and b"[1/2] running prime-max" in seen
    assert seen.endswith(b"\r\x1b[K")  # cleared: nothing is left on the terminal
    assert "[" not in proc.stdout.split("\n")[0]  # results on stdout are plain lines


# ---------------------------------------------------------------- CI formats

def test_junit_xml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    from sigsym.errors import InternalError

    _break(monkeypatch, {"prime-max": InternalError("bug")})
    hostile = WRONG.replace('title = "σ′ decreases"', 'title = "σ′ <decreases> & \\u0001 \\"quoted\\""')
    p = _write(tmp_path, hostile)
    _write(tmp_path, '[server]\nport = 1\n', "settings.toml")
    report = tmp_path / "report.xml"
    assert main(["check", str(tmp_path), "--junit-xml", str(report)]) == 4
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "1 passed, 2 failed"
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites" and root.get("tests") == "3"
    assert (root.get("failures"), root.get("errors")) == ("1", "1")
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == str(p)
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"prime-even", "prime-max", "prime-decreasing"}
    for case in cases.values():
        assert case.get("file") == str(p) and int(case.get("line", "0")) > 0 and float(case.get("time", "-1")) >= 0
    assert cases["prime-even"].find("failure") is None and cases["prime-even"].find("error") is None
    assert cases["prime-max"].find("error") is not None
    failure = cases["prime-decreasing"].find("failure")
    assert failure is not None and failure.get("type") == "refuted"
    assert "counterexample" in (failure.get("message") or "") and "<decreases> &" in (failure.text or "")
    assert cases["prime-decreasing"].get("line") == str(WRONG.splitlines().index('id = "prime-decreasing"') + 1)
    (prop,) = suite.iter("property")
    assert prop.get("name") == "skipped" and "settings.toml" in (prop.get("value") or "")


def test_junit_xml_target_checked_before_running(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _write(tmp_path, GOOD)
    assert main(["check", str(p), "--junit-xml", str(tmp_path / "missing" / "r.xml")]) == 2
    _exit_2_one_line(capsys, "no such folder")
    assert main(["check", str(p), "--junit-xml", str(tmp_path)]) == 2
    _exit_2_one_line(capsys, "is a folder")


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    p = _write(tmp_path, WRONG.replace('title = "σ′ decreases"', 'title = "σ′ decreases, 100%: no\\nreally"'))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["check", str(p)]) == 1
    assert "::error" not in capsys.readouterr().out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr().out
    (note,) = [line for line in out.splitlines() if line.startswith("::")]
    line = WRONG.splitlines().index('id = "prime-decreasing"') + 1
    assert note.startswith(f"::error file=t.toml,line={line},title=sigsym%3A theorem prime-decreasing::")
    assert "σ′ decreases, 100%25: no%0Areally: expected proved, got refuted — counterexample: " in note
    assert out.strip().splitlines()[-1] == "2 passed, 1 failed"
    assert main(["check", str(p), "--json"]) == 1  # annotations go to stderr, the JSON stays valid
    out, err = capsys.readouterr()
    assert json.loads(out)["failed"] == 1 and err.startswith("::error file=t.toml")


# ---------------------------------------------------------------- parallel runs

def _verdicts(out: str) -> tuple[set[str], str]:
    lines = out.strip().splitlines()
    return {" ".join(line.split()[:4]) for line in lines if line.startswith(("ok", "FAIL", "ERROR"))}, lines[-1]


def test_parallel_check_gives_the_serial_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = _write(tmp_path, WRONG)
    args = ["check", str(bundled_dir()), str(wrong)]
    assert main(args) == 1
    serial = _verdicts(capsys.readouterr().out)
    for jobs in ("2", "0"):
        assert main([*args, "-j", jobs]) == 1
        assert _verdicts(capsys.readouterr().out) == serial
    assert serial[1].endswith("passed, 1 failed")


def test_parallel_check_isolates_internal_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from sigsym.errors import InternalError

    _break(monkeypatch, {"prime-even": InternalError("bug")})  # the worker processes are forked from this one
    assert main(["check", str(_write(tmp_path, WRONG)), "-j", "2", "--json"]) == 4
    data = json.loads(capsys.readouterr().out)
    assert [t["verdict"] for t in data["theorems"]] == ["error", "proved", "refuted"]


@pytest.mark.parametrize("jobs", ["-1", "two", ""])
def test_bad_jobs(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-j", jobs]) == 2
    _exit_2_one_line(capsys)


def test_python_check_api(tmp_path: Path) -> None:
    import sigsym

    outcomes = sigsym.check(_write(tmp_path, WRONG), jobs=2)
    assert [(o.theorem.id, o.ok) for o in outcomes] == [("prime-even", True), ("prime-max", True),
                                                        ("prime-decreasing", False)]
    assert outcomes[2].explanation.startswith("counterexample:")
    serial = sigsym.check([str(tmp_path / "t.toml")])
    assert serial[0].proof is not None and serial[0].proof.proved


def test_a_crashing_worker_costs_only_its_theorem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from sigsym.theorems.files import Theorem

    original = Theorem.run

    def run(self: Theorem):  # noqa: ANN202
        if self.id == "prime-max":
            os._exit(3)  # as a segfault or the OOM killer would end the worker
        return original(self)

    monkeypatch.setattr(Theorem, "run", run)
    assert main(["check", str(_write(tmp_path, WRONG)), "-j", "2", "--json"]) == 4
    data = json.loads(capsys.readouterr().out)
    verdicts = {t["id"]: (t["verdict"], t["explanation"]) for t in data["theorems"]}
    assert verdicts["prime-even"] == ("proved", None) and verdicts["prime-decreasing"][0] == "refuted"
    assert verdicts["prime-max"] == ("error", "internal error: the process running it died")
