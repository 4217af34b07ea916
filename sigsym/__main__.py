"""``python -m sigsym`` is the ``sigsym`` command."""

from .cli import run

run()
