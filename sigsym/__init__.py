"""sigsym: derive, prove and typeset the logistic sigmoid and its derivative, exactly.

The public API is loaded lazily so that ``import sigsym`` (and the pytest plugin) stay cheap:

    >>> import sigsym
    >>> sigsym.prove("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0").verdict.value
    'proved'
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "parse": ("sigsym.parse", "parse"),
    "parse_interval": ("sigsym.parse", "parse_interval"),
    "prove": ("sigsym.properties", "prove"),
    "PROPERTIES": ("sigsym.properties", "PROPERTIES"),
    "Proof": ("sigsym.kernel", "Proof"),
    "Verdict": ("sigsym.kernel", "Verdict"),
    "derive": ("sigsym.derive", "derive"),
    "Derivation": ("sigsym.derive", "Derivation"),
    "check": ("sigsym.theorems", "check_paths"),
    "load_theorems": ("sigsym.theorems", "load"),
    "SigsymError": ("sigsym.errors", "SigsymError"),
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sigsym' has no attribute {name!r}")
