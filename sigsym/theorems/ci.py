"""What CI systems read: JUnit XML for dashboards and GitHub Actions annotations.

JUnit XML: one ``<testsuite>`` per theorem file, one ``<testcase>`` per theorem with its file
and line; a theorem that is not as expected is a ``<failure>``, an internal error an ``<error>``,
and .toml files that were skipped are listed in the suite's ``<properties>``. GitHub Actions turns
``::error file=…,line=…::message`` lines into annotations on the failing theorem's line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from .files import Skipped
from .runner import Outcome

# Characters XML 1.0 cannot carry at all (TOML strings can hold them through escapes).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _classname(file: str) -> str:
    path = os.path.relpath(file) if os.path.isabs(file) else file
    stem = path[:-5] if path.lower().endswith(".toml") else path
    return stem.replace(os.sep, ".").replace("/", ".").lstrip(".")


def junit_xml(outcomes: Sequence[Outcome], skipped: Sequence[Skipped] = (), seconds: float | None = None) -> bytes:
    """A JUnit XML report (the schema Jenkins, GitLab and the usual GitHub actions read)."""
    import socket  # imported here: a run without --junit-xml does not pay for XML and sockets
    import xml.etree.ElementTree as ET  # noqa: N817 - the usual name
    from datetime import UTC, datetime

    by_file: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_file.setdefault(o.theorem.file, []).append(o)
    total = seconds if seconds is not None else sum(o.seconds for o in outcomes)
    root = ET.Element("testsuites", name="sigsym check", tests=str(len(outcomes)),
                      failures=str(sum(not o.ok and not o.errored for o in outcomes)),
                      errors=str(sum(o.errored for o in outcomes)), time=f"{total:.3f}")
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    for n, (file, group) in enumerate(by_file.items()):
        suite = ET.SubElement(root, "testsuite", name=_clean(file), tests=str(len(group)),
                              failures=str(sum(not o.ok and not o.errored for o in group)),
                              errors=str(sum(o.errored for o in group)), skipped="0",
                              time=f"{sum(o.seconds for o in group):.3f}", timestamp=stamp,
                              hostname=_clean(socket.gethostname()))
        if n == 0 and skipped:
            props = ET.SubElement(suite, "properties")
            for s in skipped:
                if not s.quiet:
                    ET.SubElement(props, "property", name="skipped", value=_clean(f"{s.path}: {s.reason}"))
        for o in group:
            t = o.theorem
            case = ET.SubElement(suite, "testcase", classname=_clean(_classname(t.file)), name=_clean(t.id),
                                 file=_clean(t.file), line=str(t.line or 1), time=f"{o.seconds:.3f}")
            if o.errored:
                err = ET.SubElement(case, "error", message=_clean(o.explanation), type="internal error")
                err.text = _clean(f"{t.where}: {t.title}\n{o.explanation}")
            elif not o.ok:
                fail = ET.SubElement(case, "failure", message=_clean(f"expected {t.expect}, got {o.verdict}: "
                                                                      f"{o.explanation}"), type=o.verdict)
                fail.text = _clean(f"{t.where}: {t.title}\n{o.details or o.explanation}")
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(outcome: Outcome, environ: Mapping[str, str] | None = None) -> str:
    """``::error file=…,line=…,title=…::message`` for a theorem that is not as expected.

    The file is made relative to ``GITHUB_WORKSPACE`` when it lies inside it, since that is how
    GitHub matches annotations to the repository's files.
    """
    env = os.environ if environ is None else environ
    t = outcome.theorem
    file = t.file
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace and os.path.isabs(file):
        rel = os.path.relpath(file, workspace)
        if not rel.startswith(".."):
            file = rel
    if outcome.errored:
        message = f"{t.title}: {outcome.explanation}"
    else:
        message = f"{t.title}: expected {t.expect}, got {outcome.verdict}" + (
            f" — {outcome.explanation}" if outcome.explanation else "")
    return (f"::error file={_escape_property(file)},line={t.line or 1},"
            f"title={_escape_property(f'sigsym: theorem {t.id}')}::{_escape_data(message)}")


def in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return env.get("GITHUB_ACTIONS") == "true"
