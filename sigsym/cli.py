"""The ``sigsym`` command: argparse front end, one-line errors, contract exit codes.

Heavy modules (SymPy, jinja2) are imported inside the subcommand that needs them. Option values
may start with ``-`` (``--equals -sqrt(3)/18``, ``--at -log(2+sqrt(3))``), and ``--`` marks an
expression that starts with ``-`` (``sigsym prove -- "-sigmoid(x)" negative``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from .errors import InternalError, OutputError, SigsymError, ToolError
from .prover.options import OPTION_HELP

if TYPE_CHECKING:
    from .theorems.files import Found
    from .theorems.runner import Outcome

class _PropertyHelp(Mapping[str, tuple[str, str]]):
    """property -> (its options as the help shows them, an example that sigsym proves), derived
    from the property specs when first read (the specs import the prover)."""

    def _table(self) -> dict[str, tuple[str, str]]:
        from .prover.specs import SPECS

        return {name: (spec.usage, spec.example) for name, spec in SPECS.items()}

    def __getitem__(self, name: str) -> tuple[str, str]:
        return self._table()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


PROPERTY_HELP: Mapping[str, tuple[str, str]] = _PropertyHelp()


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line and exit code 2; its epilog may be made only
    when help is asked for (the property table imports the prover)."""

    epilog_factory: Callable[[], str] | None = None

    def error(self, message: str) -> NoReturn:
        raise SigsymError(f"{self.prog}: {message}")

    def format_help(self) -> str:
        if self.epilog_factory is not None:
            self.epilog = self.epilog_factory()
        return super().format_help()


def _property_table() -> str:
    from .prover.specs import SPECS

    lines = ["properties (options; holds when; example):"]
    for name, spec in SPECS.items():
        options, example = spec.usage, spec.example
        lines.append(f"  {name:<14}{options or '(no options)'}")
        lines.append(f"  {'':<14}{spec.holds_when}")
        if example:
            lines.append(f"  {'':<14}$ {example}")
    lines += ["", "Verdicts: proved (exit 0), refuted with a checked counterexample (1), unknown (3).",
              "Values may start with '-' (--equals -sqrt(3)/18); an EXPR that starts with '-' goes after",
              "'--' (sigsym prove -- \"-sigmoid(x)\" negative). SIGSYM_TIME_BUDGET sets the seconds per decision."]
    return "\n".join(lines)


def _build() -> argparse.ArgumentParser:
    p = _Parser(prog="sigsym", description="Derive, prove and typeset the logistic sigmoid and relatives.",
                epilog="Exit codes: 0 proved / success, 1 refuted / a theorem not as expected, 2 bad input or "
                       "environment, 3 unknown, 4 internal error. 'sigsym COMMAND --help' for each command.")
    p.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    pr = sub.add_parser("prove", help="decide a property: proved, refuted (with counterexample) or unknown",
                        description="Decide a property of EXPR, a function of x such as \"diff(sigmoid(x), x)\":\n"
                                    "x, numbers, + - * / ** ^, pi, E, exp log sqrt lambertw sinh cosh tanh sech sigmoid\n"
                                    "softplus, swish(EXPR[, beta]), diff(EXPR, x[, n]), logistic(EXPR, L, k, x0).",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    pr.epilog_factory = _property_table
    pr.add_argument("expr", metavar="EXPR", help="the function of x")
    pr.add_argument("property", metavar="PROPERTY", help="one of the properties listed below")
    for name, (metavar, text) in OPTION_HELP.items():  # the option names every property spec uses
        pr.add_argument(f"--{name}", metavar=metavar, help=text)
    pr.add_argument("--json", action="store_true", help="print the proof as JSON")
    pr.add_argument("--certificate", action="store_true",
                    help="also print the engine's evidence (the certificate) after the proof")

    fa = sub.add_parser("facts", help="compute and prove what can be said about f: parity, zeros, signs, "
                                      "limits, monotone pieces, extremes, range, convexity")
    fa.add_argument("expr", metavar="EXPR")
    fa.add_argument("--on", metavar="I", help="an interval (default: R)")
    fa.add_argument("--json", action="store_true")

    de = sub.add_parser("derive", help="derive step by step, every step checked")
    de.add_argument("expr", metavar="EXPR")
    de.add_argument("--order", default="1", metavar="N")
    de.add_argument("--route", default="rules", metavar="R",
                    help="rules | first-principles | implicit")
    de.add_argument("--at", metavar="A", help="also give the derivative's exact value at A")
    de.add_argument("--digits", default="4", metavar="K", help="decimals for --at (certified)")
    de.add_argument("--json", action="store_true")

    ch = sub.add_parser("check", help="run theorem files (default: the bundled proofs)",
                        description="Run the [[theorem]] tables of TOML theorem files; folders are searched "
                                    "(hidden folders and virtual environments are not entered). One line per "
                                    "theorem as it finishes, then 'N passed, N failed'. A theorem that hits an "
                                    "internal error is an ERROR line, counted among the failed; the exit code "
                                    "is then 4, else 1 if any theorem failed, else 0.")
    ch.add_argument("paths", nargs="*", metavar="FILE|DIR")
    ch.add_argument("--json", action="store_true", help="print the outcomes as JSON at the end")
    ch.add_argument("--junit-xml", metavar="FILE", help="also write a JUnit XML report")
    ch.add_argument("-j", "--jobs", default="auto", metavar="N",
                    help="run theorems in N processes (0: one per core; 1: in this process only); the "
                         "default, auto, runs a suite of 16 or more theorems on two cores, printed in order")
    ch.add_argument("--skip-non-theorem-files", action="store_true",
                    help="skip, rather than reject, named .toml files without [[theorem]] tables (for "
                         "pre-commit, which passes every changed .toml file)")

    no = sub.add_parser("notes", help="write LaTeX lecture notes, slides or a fragment")
    no.add_argument("expr", nargs="?", default="sigmoid", metavar="EXPR")
    no.add_argument("-o", "--output", metavar="FILE")
    no.add_argument("--title", metavar="T")
    no.add_argument("--author", metavar="A")
    no.add_argument("--format", default="article", metavar="F",
                    help="article | beamer | fragment | json (the document's view model, every relation re-checkable)")
    no.add_argument("--theorems", action="append", metavar="FILE|DIR",
                    help="add the theorems of these theorem files (statements and proofs); may be repeated")
    no.add_argument("--templates", metavar="DIR", help="a folder searched before the built-in templates")
    no.add_argument("--no-solutions", action="store_true", help="leave the exercise solutions out")
    no.add_argument("--pdf", action="store_true", help="also build the PDF with pdflatex")
    no.add_argument("--force", action="store_true", help="overwrite a file sigsym did not write")

    te = sub.add_parser("templates", help="manage templates")
    te.add_argument("action", choices=["export"], metavar="export")
    te.add_argument("directory", metavar="DIR")
    te.add_argument("--force", action="store_true")
    return p


# ---------------------------------------------------------------- argument words

_PROTECT = " "  # argparse takes a word containing a space as a value, never as an option


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found = action.choices.get(name)
            return found if isinstance(found, argparse.ArgumentParser) else None
    return None


def prepare(argv: Sequence[str], parser: argparse.ArgumentParser) -> tuple[list[str], set[str], list[str]]:
    """Words for argparse, with values that start with '-' kept as values.

    ``--equals -x`` becomes ``--equals=-x`` (argparse would read ``-x`` as an option); a word
    after ``--`` that starts with '-' and is not an option of the command is a positional value
    (so ``sigsym prove -- -sigmoid(x) negative --on I`` works). Returns the words, the
    positional values that were marked so (to be unmarked after parsing), and words before ``--``
    that look like an expression read as an option (for the error message).
    """
    words = list(argv)
    index = next((i for i, w in enumerate(words) if not w.startswith("-")), None)
    command = _subparser(parser, words[index]) if index is not None else None
    if command is None or index is None:
        return words, set(), []
    takes_value: dict[str, str] = {}
    flags: set[str] = set()
    for action in command._actions:
        long = next((o for o in action.option_strings if o.startswith("--")), None)
        for option in action.option_strings:
            if action.nargs == 0:
                flags.add(option)
            elif long is not None:
                takes_value[option] = long
    known = set(takes_value) | flags

    out = words[:index + 1]
    marked: set[str] = set()
    suspicious: list[str] = []
    after_dashes = False
    i = index + 1
    while i < len(words):
        w = words[i]
        if w == "--" and not after_dashes:
            after_dashes = True
        elif w in takes_value and i + 1 < len(words) and words[i + 1].startswith("-") \
                and words[i + 1] not in known and words[i + 1] != "--":
            out.append(f"{takes_value[w]}={words[i + 1]}")
            i += 1
        elif after_dashes and w.startswith("-") and w.split("=")[0] not in known:
            out.append(_PROTECT + w)
            marked.add(_PROTECT + w)
        else:
            if w.startswith("-") and w.split("=")[0] not in known and not after_dashes:
                suspicious.append(w)
            out.append(w)
        i += 1
    return out, marked, suspicious


def _unmark(args: argparse.Namespace, marked: set[str]) -> None:
    for key, value in vars(args).items():
        if isinstance(value, str) and value in marked:
            setattr(args, key, value[len(_PROTECT):])
        elif isinstance(value, list):
            setattr(args, key, [v[len(_PROTECT):] if isinstance(v, str) and v in marked else v for v in value])


_NOT_EMPTY = ("expr", "property", "on", "at", "equals", "digits", "order", "route", "output", "title", "author",
              "format", "templates", "junit_xml", "jobs", "directory")


def _no_empty_values(args: argparse.Namespace) -> None:
    for key in _NOT_EMPTY:
        value = getattr(args, key, None)
        if isinstance(value, str) and not value.strip():
            name = key.upper() if key in ("expr", "property", "directory") else "--" + key.replace("_", "-")
            raise SigsymError(f"{name} must not be empty")
    for path in getattr(args, "paths", None) or []:
        if not path.strip():
            raise SigsymError("an empty FILE|DIR was given")


# ---------------------------------------------------------------- commands

def _prove(args: argparse.Namespace) -> int:
    from .prover.properties import prove
    from .prover.text import proof_text

    options = {"on": args.on, "at": args.at, "equals": args.equals, "digits": args.digits}
    proof = prove(args.expr, args.property, **options)
    if args.json:
        import json

        # steps: the human proof, each line a checked relation; certificate: the evidence
        print(json.dumps(proof.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(proof_text(proof, certificate=args.certificate))
    return proof.verdict.exit_code


def _facts(args: argparse.Namespace) -> int:
    """Each fact on a line: its verdict and statement; exit 4 never hides behind a fact."""
    import json

    from .prover.facts import domain_of, facts, facts_json

    items = facts(args.expr, on=args.on)
    domain = domain_of(args.expr) if args.on is None else None
    if args.json:
        print(json.dumps({"expr": args.expr, "domain": str(domain) if domain else None,
                          "facts": facts_json(items)}, indent=2, ensure_ascii=False))
    else:
        if domain is not None:
            print(f"{'domain':8} f is defined exactly on {domain}; the facts below are on it")
        for item in items:
            print(f"{item.verdict.value:8} {item.statement}")
    return 0


def _derive(args: argparse.Namespace) -> int:
    from .derivation.derive import derive
    from .derivation.text import derivation_text

    try:
        order = int(args.order)
    except ValueError:
        raise SigsymError(f"--order must be a whole number, not {args.order!r}") from None
    d = derive(args.expr, order=order, route=args.route)
    example = None
    if args.at is not None:
        from .derivation.examples import evaluate
        from .language.parse import parse_constant

        if not args.digits.isdigit() or int(args.digits) > 60:
            raise SigsymError("--digits must be a whole number from 0 to 60")
        example = evaluate(d.expr, parse_constant(args.at, allow_infinity=False, what="--at"), int(args.digits), order)
    if args.json:
        data = d.as_dict()
        if example is not None:
            data["at"] = {"x": str(example.at), "exact": str(example.exact), "decimal": example.decimal}
        import json

        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(derivation_text(d))
        if example is not None:
            print(f"at x = {example.at}: {example.exact} ≈ {example.decimal} (certified, {example.digits} decimals)")
    return 0


class _Progress:
    """``[12/58] running sigmoid-prime-even`` on a terminal's stderr, rewritten in place and
    cleared before each result line; nothing at all when stderr is not a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled, self.done = total, stream, enabled, 0

    def show(self, running: str) -> None:
        if self.enabled:
            self.stream.write(f"\r\x1b[K[{self.done}/{self.total}] {running}"[:200])
            self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _jobs(text: str) -> int | None:
    if text == "auto":
        return None  # runner.AUTO
    try:
        jobs = int(text)
    except ValueError:
        raise SigsymError(f"-j must be a whole number (0: one process per core) or auto, not {text!r}") from None
    from .theorems.runner import jobs_for

    return jobs_for(jobs)


def _result_lines(o: Outcome) -> list[str]:
    t = o.theorem
    if o.errored:
        head = f"ERROR {t.id}: {o.explanation} {o.seconds:.3f}s"
    else:
        head = f"{'ok  ' if o.ok else 'FAIL'} {t.id}: {o.verdict} (expected {t.expect}) {o.seconds:.3f}s"
    if o.ok:
        return [head]
    lines = [head, f"     {t.where}: {t.title}"]
    if not o.errored:
        lines.append(f"     {o.explanation}")
    return lines


def _junit_target(path: str | None) -> Path | None:
    """Checked before anything runs, so a long run does not fail at its very end."""
    if path is None:
        return None
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"--junit-xml {target}: is a folder")
    if not target.parent.is_dir():
        raise OutputError(f"--junit-xml {target}: no such folder {target.parent}")
    return target


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.sigsym-tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None


def _check(args: argparse.Namespace) -> int:
    import json
    import time

    from .theorems.ci import github_annotation, in_github_actions, junit_xml
    from .theorems.files import collect, load
    from .theorems.runner import exit_code, run_all

    jobs = _jobs(args.jobs)
    junit = _junit_target(args.junit_xml)
    found: Found = collect(args.paths, skip_other_files=args.skip_non_theorem_files)
    theorems = [t for f in found.files for t in load(f)]  # every file validated before anything runs
    github = in_github_actions()
    start = time.perf_counter()
    if not args.json:
        for s in found.reported:
            print(f"skip {s.path}: {s.reason}")
    progress = _Progress(len(theorems), sys.stderr, not args.json and sys.stderr.isatty() and len(theorems) > 1)
    outcomes: list[Outcome] = []
    if theorems:
        from .theorems.runner import SPLIT_FROM

        if jobs is None and len(theorems) >= SPLIT_FROM:  # -j auto: the lines come when both halves are done
            progress.show(f"running {len(theorems)} theorems")
        else:
            progress.show(f"running {theorems[0].id}" if jobs in (1, None) else f"running in {jobs} processes")
    for o in run_all(theorems, jobs, data=args.json):
        outcomes.append(o)
        progress.done += 1
        progress.clear()
        if not args.json:
            print("\n".join(_result_lines(o)), flush=True)
        if github and not o.ok:
            print(github_annotation(o), file=sys.stderr if args.json else sys.stdout, flush=True)
        if progress.done < len(theorems):
            nxt = theorems[progress.done].id if jobs in (1, None) else f"{len(theorems) - progress.done} left"
            progress.show(f"running {nxt}")
    progress.clear()
    order = {t: i for i, t in enumerate(theorems)}
    outcomes.sort(key=lambda o: order[o.theorem])
    passed = sum(o.ok for o in outcomes)
    errors = sum(o.errored for o in outcomes)
    failed = len(outcomes) - passed
    if junit is not None:
        _write(junit, junit_xml(outcomes, found.skipped, time.perf_counter() - start))
    if args.json:
        print(json.dumps({
            "passed": passed, "failed": failed, "errors": errors,
            "skipped": [{"file": s.path, "reason": s.reason} for s in found.reported],
            "theorems": [{"id": o.theorem.id, "file": o.theorem.file, "line": o.theorem.line,
                          "expect": o.theorem.expect, "verdict": o.verdict, "ok": o.ok,
                          "seconds": round(o.seconds, 4), "explanation": o.explanation or None,
                          "proof": o.as_data()} for o in outcomes]}, indent=2, ensure_ascii=False))
    else:
        if errors:
            print(f"{errors} {'error' if errors == 1 else 'errors'} (internal errors, counted as failed)")
        print(f"{passed} passed, {failed} failed")
    sys.stdout.flush()
    return exit_code(outcomes)


def _notes(args: argparse.Namespace) -> int:
    """Write the notes; with --pdf, a failed build still writes the .tex it compiled and names it.
    A fragment gets its macros as sigsym.sty beside it (same clobber rules, written atomically)."""
    import shutil

    from .present.render import (
        FORMATS,
        PACKAGE_NAME,
        TEXLIVE_HINT,
        build_document,
        build_pdf,
        check_writable,
        default_output,
        render,
        render_package,
        write_atomic,
    )
    from .present.texutil import check_typesettable, slug

    if args.pdf and shutil.which("pdflatex") is None:
        raise ToolError(TEXLIVE_HINT)
    if args.format not in (*FORMATS, "json"):
        raise SigsymError(f"--format must be one of {', '.join(FORMATS)}, json, not {args.format!r}")
    for label, value in (("--title", args.title), ("--author", args.author)):
        if value is not None:
            if len(value) > 500:
                raise SigsymError(f"{label} is longer than 500 characters")
            check_typesettable(value, label)
    doc = build_document(args.expr, title=args.title, author=args.author, fmt=args.format,
                         solutions=not args.no_solutions, theorems=args.theorems,
                         parallel=True)  # a second core decides the numbered results (present.forked)
    if args.format == "json":
        return _notes_json(doc, args)
    name = doc["name"] if doc["name"] != "f" else None
    out = Path(args.output) if args.output else default_output(slug(args.expr, name), args.format)
    if out.suffix != ".tex":
        raise SigsymError(f"-o {out}: the output must end in .tex")
    check_writable(out, args.force)
    pdf_path = out.with_suffix(".pdf")
    sty_path = out.parent / PACKAGE_NAME
    if args.pdf:
        check_writable(pdf_path, args.force)
    if args.format == "fragment":
        if sty_path.resolve() == out.resolve():
            raise SigsymError(f"-o {out}: that name is taken by the fragment's macros; choose another")
        check_writable(sty_path, args.force)
    tex = render(doc, args.format, args.templates)
    try:
        pdf = build_pdf(tex, out.stem) if args.pdf else None
    except ToolError as exc:  # pdflatex failed: keep the LaTeX it compiled, so the error can be found in it
        write_atomic(out, tex.encode("utf-8"))
        raise ToolError(f"{exc}; the LaTeX source is in {out}") from None
    if args.format == "fragment":
        write_atomic(sty_path, render_package().encode("utf-8"))
    write_atomic(out, tex.encode("utf-8"))
    if args.format == "fragment":
        print(f"wrote {sty_path} (\\usepackage{{sigsym}} in your preamble, then \\input{{{out.stem}}})")
    print(f"wrote {out}")
    if pdf is not None:
        write_atomic(pdf_path, pdf)
        print(f"wrote {pdf_path}")
    return 0


def _notes_json(doc: dict[str, object], args: argparse.Namespace) -> int:
    """The view model as JSON: on stdout, or in -o FILE (.json)."""
    from .present.render import check_writable, write_atomic

    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    if out.suffix != ".json":
        raise SigsymError(f"-o {out}: with --format json the output must end in .json")
    check_writable(out, args.force)
    write_atomic(out, text.encode("utf-8"))
    print(f"wrote {out}")
    return 0


def _templates(args: argparse.Namespace) -> int:
    from .present.render import export_templates

    for path in export_templates(args.directory, force=args.force):
        print(f"wrote {path}")
    return 0


_COMMANDS = {"prove": _prove, "facts": _facts, "derive": _derive, "check": _check, "notes": _notes, "templates": _templates}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = _build()
        words, marked, suspicious = prepare(sys.argv[1:] if argv is None else argv, parser)
        try:
            args = parser.parse_args(words)
        except SigsymError as exc:
            if suspicious:
                raise SigsymError(f"{exc} ({suspicious[0]!r} was read as an option; an expression that starts "
                                  f"with '-' goes after '--', as in: sigsym prove -- \"{suspicious[0]}\" negative)") from None
            raise
        _unmark(args, marked)
        if not args.command:
            raise SigsymError("a command is required: prove, derive, check, notes or templates (see sigsym --help)")
        _no_empty_values(args)
        return _COMMANDS[args.command](args)
    except SigsymError as exc:
        print(f"sigsym: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except InternalError as exc:
        print(f"sigsym: internal error (please report): {_one_line(str(exc))}", file=sys.stderr)
        return InternalError.exit_code
    except KeyboardInterrupt:
        print("sigsym: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (RecursionError, MemoryError):
        print("sigsym: error: the input is too large to handle", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract: never a traceback
        print(f"sigsym: internal error (please report): {type(exc).__name__}: {_one_line(str(exc))}",
              file=sys.stderr)
        return InternalError.exit_code


def run() -> NoReturn:
    """The ``sigsym`` command (console script and ``python -m sigsym``): ``main``, then exit
    without tearing the interpreter down.

    A command holds SymPy's hundreds of thousands of objects; freeing them one by one at exit
    took 0.1-0.15 s of a 0.6 s ``prove`` (measured with bench/run.py). Every file sigsym writes
    is complete and renamed into place inside ``main``, and the streams are flushed here, so
    skipping the teardown loses nothing. The garbage collector runs less often for the same
    reason: SymPy allocates many short-lived objects and few cycles. ``main`` itself (tests,
    the API) leaves the interpreter alone.
    """
    import gc

    gc.set_threshold(20_000, 20, 20)
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader has gone (| head): nothing left to tell
            pass
        except OSError as exc:  # a full disk: the output is incomplete, as Python's own exit says
            if stream is sys.stdout:
                try:
                    print(f"sigsym: error: cannot write the output ({exc.strerror})", file=sys.stderr, flush=True)
                except OSError:
                    pass
                code = code or 120
    os._exit(code)


class _Version(argparse.Action):
    """``--version``, reading the installed package's metadata only when asked (every other
    command leaves it unread)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> NoReturn:
        from .version import __version__

        print(f"sigsym {__version__}")
        parser.exit()


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]
