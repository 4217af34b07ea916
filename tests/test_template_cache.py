"""The compiled-template cache (present.render._bytecode_cache): the same .tex with or without
it, a damaged entry compiled again, and no error when the cache folder cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from sigsym.present import render


def _tex(monkeypatch: pytest.MonkeyPatch, cache: Path | None) -> str:
    if cache is None:
        monkeypatch.setenv("SIGSYM_NO_CACHE", "1")
    else:
        monkeypatch.delenv("SIGSYM_NO_CACHE", raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    doc = render.build_document("tanh(x)")
    return render.render(doc, "article")


def test_cached_uncached_and_damaged_give_the_same_tex(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _tex(monkeypatch, None)
    first = _tex(monkeypatch, tmp_path)  # writes the entries
    entries = list((tmp_path / "sigsym").rglob("*.cache"))
    assert entries, "no compiled template was cached"
    assert _tex(monkeypatch, tmp_path) == first == plain  # read back
    for e in entries:
        e.write_bytes(e.read_bytes()[:20])  # truncated: compiled again, not an error
    assert _tex(monkeypatch, tmp_path) == plain


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only cache")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)  # how jinja2 writes an entry
    assert _tex(monkeypatch, tmp_path) == _tex(monkeypatch, None)
    assert not list((tmp_path / "sigsym").rglob("*.cache"))


def test_a_file_where_the_cache_folder_should_be_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sigsym").write_text("not a folder")
    assert _tex(monkeypatch, tmp_path) == _tex(monkeypatch, None)
