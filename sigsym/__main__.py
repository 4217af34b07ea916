"""``python -m sigsym`` is the ``sigsym`` command."""

from .cli import main

raise SystemExit(main())
