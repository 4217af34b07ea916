"""The ``sigsym`` command: argparse front end, one-line errors, contract exit codes.

Heavy modules (SymPy, jinja2) are imported inside the subcommand that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import InternalError, SigsymError


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise SigsymError(f"{self.prog}: {message}")


def _build() -> argparse.ArgumentParser:
    p = _Parser(prog="sigsym", description="Derive, prove and typeset the logistic sigmoid and relatives.")
    p.add_argument("--version", action="version", version="sigsym 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    pr = sub.add_parser("prove", help="decide a property: proved, refuted (with counterexample) or unknown")
    pr.add_argument("expr", metavar="EXPR")
    pr.add_argument("property", metavar="PROPERTY")
    pr.add_argument("--on", metavar="I")
    pr.add_argument("--at", metavar="P")
    pr.add_argument("--equals", metavar="V")
    pr.add_argument("--digits", metavar="K")
    pr.add_argument("--json", action="store_true")

    de = sub.add_parser("derive", help="derive step by step, every step checked")
    de.add_argument("expr", metavar="EXPR")
    de.add_argument("--order", default="1", metavar="N")
    de.add_argument("--route", default="rules", metavar="R",
                    help="rules | first-principles | implicit")
    de.add_argument("--at", metavar="A", help="also give the derivative's exact value at A")
    de.add_argument("--digits", default="4", metavar="K", help="decimals for --at (certified)")
    de.add_argument("--json", action="store_true")

    ch = sub.add_parser("check", help="run theorem files (default: the bundled proofs)")
    ch.add_argument("paths", nargs="*", metavar="FILE|DIR")
    ch.add_argument("--json", action="store_true")

    no = sub.add_parser("notes", help="write LaTeX lecture notes, slides or a fragment")
    no.add_argument("expr", nargs="?", default="sigmoid", metavar="EXPR")
    no.add_argument("-o", "--output", metavar="FILE")
    no.add_argument("--title", metavar="T")
    no.add_argument("--author", metavar="A")
    no.add_argument("--format", default="article", metavar="F", help="article | beamer | fragment")
    no.add_argument("--templates", metavar="DIR", help="a folder searched before the built-in templates")
    no.add_argument("--no-solutions", action="store_true", help="leave the exercise solutions out")
    no.add_argument("--pdf", action="store_true", help="also build the PDF with pdflatex")
    no.add_argument("--force", action="store_true", help="overwrite a file sigsym did not write")

    te = sub.add_parser("templates", help="manage templates")
    te.add_argument("action", choices=["export"], metavar="export")
    te.add_argument("directory", metavar="DIR")
    te.add_argument("--force", action="store_true")
    return p


def _prove(args: argparse.Namespace) -> int:
    from .properties import prove
    from .render_text import proof_text

    options = {"on": args.on, "at": args.at, "equals": args.equals, "digits": args.digits}
    proof = prove(args.expr, args.property, **options)
    print(proof.to_json() if args.json else proof_text(proof))
    return proof.verdict.exit_code


def _derive(args: argparse.Namespace) -> int:
    from .derive import derive
    from .render_text import derivation_text

    try:
        order = int(args.order)
    except ValueError:
        raise SigsymError(f"--order must be a whole number, not {args.order!r}") from None
    d = derive(args.expr, order=order, route=args.route)
    example = None
    if args.at is not None:
        from .examples import evaluate
        from .parse import parse_constant

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


def _check(args: argparse.Namespace) -> int:
    from .theorems import run_cli

    return run_cli(args.paths, as_json=args.json)


def _notes(args: argparse.Namespace) -> int:
    from .render import notes_command

    return notes_command(args)


def _templates(args: argparse.Namespace) -> int:
    from .render import export_templates

    return export_templates(args.directory, force=args.force)


_COMMANDS = {"prove": _prove, "derive": _derive, "check": _check, "notes": _notes, "templates": _templates}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _build().parse_args(argv)
        if not args.command:
            raise SigsymError("a command is required: prove, derive, check, notes or templates (see sigsym --help)")
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


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]
