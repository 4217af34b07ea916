"""The command line: help that teaches, English verdict lines, values and expressions that start
with '-', and one-line errors with exit code 2 for every bad input."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from sigsym.cli import PROPERTY_HELP, main
from sigsym.prover.properties import PROPERTIES


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- help

def test_prove_help_lists_every_property_with_options_and_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["prove", "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for name, spec in PROPERTIES.items():
        options, example = PROPERTY_HELP[name]
        assert f"  {name:<14}{options or '(no options)'}" in text
        assert spec.holds_when in text and f"$ {example}" in text
    for option in ("--on I", "--at P", "--equals V", "--digits K"):
        assert option in text
    assert "'(-oo, 0]'" in text and "default: R" in text


@pytest.mark.parametrize("name", sorted(PROPERTY_HELP))
def test_help_table_matches_the_properties(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The table's options are the property's options, and its example is proved."""
    spec = PROPERTIES[name]
    options, example = PROPERTY_HELP[name]
    words = options.replace("[", " ").replace("]", " ").split()
    required = {w[2:] for w in options.split("[")[0].split() if w.startswith("--")}
    assert {w[2:] for w in words if w.startswith("--")} == set(spec.required) | set(spec.optional)
    assert required == set(spec.required)
    argv = shlex.split(example)
    assert argv[:2] == ["sigsym", "prove"]
    code, out, _ = _run(capsys, *argv[1:])
    assert code == 0 and out.startswith("proved: ")


# ---------------------------------------------------------------- verdict lines

@pytest.mark.parametrize(("args", "line"), [
    (["diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--at", "0"], "proved: σ′ has maximum 1/4 at x = 0"),
    (["diff(sigmoid(x), x)", "range", "--equals", "(0, 1/4]"], "proved: the range of σ′ is (0, 1/4]"),
    (["diff(sigmoid(x), x)", "decreasing"], "refuted: σ′ is strictly decreasing"),
    (["diff(sigmoid(x), x)", "decreasing", "--on", "[0, oo)"], "proved: σ′ is strictly decreasing on [0, oo)"),
    (["sigmoid", "limit", "--at", "-oo", "--equals", "0"], "proved: the limit of σ as x → -oo is 0"),
    (["diff(sigmoid(x), x)", "value", "--at", "2", "--equals", "0.1050", "--digits", "4"],
     "proved: σ′(2) ≈ 0.1050 (rounded to 4 decimals)"),
    (["diff(tanh(x), x, 2)", "odd"], "proved: tanh″ is odd"),
    (["tanh(x)**2 + 1", "minimum", "--equals", "1"], "proved: tanh(x)**2 + 1 has minimum 1"),
    (["sigmoid", "identity", "--equals", "1 - sigmoid(-x)"], "proved: σ(x) = 1 - sigmoid(-x) for every real x"),
])
def test_verdict_lines_read_as_english(args: list[str], line: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "prove", *args)
    assert out.splitlines()[0] == line


# ---------------------------------------------------------------- values that start with '-'

S2_MIN = ["diff(sigmoid(x), x, 2)", "minimum"]


@pytest.mark.parametrize("args", [
    [*S2_MIN, "--equals", "-sqrt(3)/18", "--at", "log(2+sqrt(3))"],
    [*S2_MIN, "--equals=-sqrt(3)/18", "--at=log(2+sqrt(3))"],
    ["diff(sigmoid(x), x, 2)", "maximum", "--equals", "sqrt(3)/18", "--at", "-log(2+sqrt(3))"],
    ["diff(sigmoid(x), x, 2)", "maximum", "--at", "-log(2 + sqrt(3))", "--equals", "sqrt(3)/18", "--on", "(-oo, 0]"],
    ["sigmoid", "limit", "--at", "-oo", "--equals", "0"],
    ["--on", "[-1, 1]", "diff(sigmoid(x), x)", "positive"],
])
def test_negative_option_values(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "prove", *args)
    assert (code, err) == (0, "") and out.startswith("proved: ")


@pytest.mark.parametrize("args", [
    ["--", "-sigmoid(x)", "negative"],
    ["--", "-sigmoid(x)", "negative", "--on", "(0, oo)"],
    ["--on", "(0, oo)", "--", "-sigmoid(x)", "negative"],
    ["--", "-diff(sigmoid(x), x)", "minimum", "--equals", "-1/4", "--at", "-0"],
    ["--", "-sigmoid(x)", "identity", "--equals", "-1 + sigmoid(-x)"],
])
def test_expression_starting_with_minus_after_double_dash(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "prove", *args)
    assert (code, err) == (0, "") and out.startswith("proved: ")
    assert out.splitlines()[0].startswith(("proved: -sigmoid(x)", "proved: -diff(sigmoid(x), x)"))


def test_expression_starting_with_minus_without_double_dash_explains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "prove", "-sigmoid(x)", "negative")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "'-sigmoid(x)' was read as an option" in err and "sigsym prove -- " in err


def test_derive_and_notes_take_double_dash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "derive", "--", "-sigmoid(x)")
    assert code == 0 and out.startswith("d/dx -sigmoid(x)")
    code, out, _ = _run(capsys, "derive", "--at", "-2", "sigmoid")
    assert code == 0 and "at x = -2:" in out


def test_a_missing_value_is_not_taken_from_the_next_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "prove", "sigmoid", "maximum", "--equals", "--json")
    assert code == 2 and "--equals" in err and "expected one argument" in err


# ---------------------------------------------------------------- errors: one line, exit 2

@pytest.mark.parametrize("args", [
    ["prove", "", "even"],
    ["prove", "sigmoid", ""],
    ["prove", "sigmoid", "positive", "--on", ""],
    ["prove", "sigmoid", "positive", "--on", "  "],
    ["prove", "sigmoid", "value", "--at", "", "--equals", "1"],
    ["prove", "sigmoid", "value", "--at", "1", "--equals", ""],
    ["prove", "sigmoid", "value", "--at", "1", "--equals", "1", "--digits", ""],
    ["derive", "sigmoid", "--order", ""],
    ["derive", "sigmoid", "--route", ""],
    ["notes", "-o", ""],
    ["notes", "--title", ""],
    ["notes", "--author", ""],
    ["notes", "--format", ""],
    ["notes", "--templates", ""],
    ["check", "--junit-xml", ""],
    ["check", ""],
    ["check", "-j", ""],
    ["templates", "export", ""],
    ["prove", "sigmoid", "periodic"],
    ["prove", "sigmoid", "even", "--on", "R"],
    ["prove", "sigmoid", "value", "--at", "1"],
    ["prove", "__import__('os')", "even"],
    ["prove", "sigmoid", "range", "--equals", "(1, 0)"],
    ["derive", "sigmoid", "--order", "two"],
    ["derive", "sigmoid", "--route", "magic"],
    ["notes", "--format", "poster"],
    ["check", "/nonexistent"],
    ["frobnicate"],
    [],
])
def test_every_bad_input_is_one_line_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("sigsym: error: ")


def test_empty_value_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "notes", "-o", "")[2] == "sigsym: error: --output must not be empty\n"
    assert _run(capsys, "prove", "sigmoid", "positive", "--on", "")[2] == "sigsym: error: --on must not be empty\n"


def test_no_traceback_from_a_real_process() -> None:
    proc = subprocess.run([sys.executable, "-m", "sigsym", "prove", "-x", "odd"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_a_real_process_skips_teardown_but_loses_no_output(tmp_path: Path) -> None:
    """``run`` leaves by os._exit: a large piped output, a written file and the exit code must
    all be complete (the streams are flushed, the file renamed into place before)."""
    import json

    proc = subprocess.run([sys.executable, "-m", "sigsym", "derive", "sigmoid", "--order", "60", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # the whole document, up to its last brace
    assert len(proc.stdout) > 10_000 and data
    out = tmp_path / "n.tex"
    proc = subprocess.run([sys.executable, "-m", "sigsym", "notes", "tanh(x)", "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").rstrip().endswith(r"\end{document}")
    proc = subprocess.run([sys.executable, "-m", "sigsym", "prove", "sigmoid(x)", "negative"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stdout.startswith("refuted")


# ---------------------------------------------------------------- notes --pdf

@pytest.mark.pdflatex
def test_failed_pdf_keeps_the_tex_it_compiled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "fragment.tex.j2").write_text("\\VAR{header}\n\\undefinedcommandforthetest\n", encoding="utf-8")
    out = tmp_path / "broken.tex"
    code, stdout, err = _run(capsys, "notes", "tanh", "--format", "fragment", "--templates", str(templates),
                             "-o", str(out), "--pdf")
    assert code == 2 and stdout == "" and len(err.strip().splitlines()) == 1
    assert "pdflatex failed" in err and str(out) in err
    assert out.exists() and "undefinedcommandforthetest" in out.read_text(encoding="utf-8")
    assert not out.with_suffix(".pdf").exists()
    # the line the error names is that line of the file that now exists
    line = int(err.split("line ")[1].split()[0])
    assert "undefinedcommandforthetest" in out.read_text(encoding="utf-8").splitlines()[line - 1]


def test_readme_prove_examples_print_what_the_readme_shows(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").splitlines()
    shown = [(line[2:], readme[i + 1]) for i, line in enumerate(readme[:-1])
             if line.startswith("$ sigsym prove ") and readme[i + 1].startswith(("proved: ", "refuted: "))]
    assert len(shown) >= 4
    for command, first in shown:
        _, out, _ = _run(capsys, *shlex.split(command)[1:])
        assert out.splitlines()[0] == first, command
