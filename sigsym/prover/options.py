"""The options a property can take, declared without SymPy (the theorem-file loader and the CLI
read the names before any heavy import).

Each property's spec lists its options as ``Option`` values: the name (the same on the command
line, in the Python API and in theorem files), the kind of value (which fixes its validation),
whether it is required, and the metavariable its help shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class OptionKind(Enum):
    INTERVAL = "interval"  # '(-oo, 0]', a SymPy Interval; ends in order, decided exactly
    CONSTANT = "constant"  # a real number in closed form: 2, -1/2, log(3), sqrt(3)/18
    CONSTANT_OR_INFINITY = "constant or ±oo"
    FUNCTION = "function"  # an expression in x, through the safe parser
    DIGITS = "digits"  # a whole number of decimals, 0..60


@dataclass(frozen=True)
class Option:
    name: str
    kind: OptionKind
    required: bool = False
    metavar: str = "V"

    @property
    def usage(self) -> str:
        """``--equals V`` or ``[--on I]``, as the CLI's property table shows it."""
        flag = f"--{self.name} {self.metavar}"
        return flag if self.required else f"[{flag}]"


# Every option name any property takes, with the CLI's generic help for it.
OPTION_HELP: dict[str, tuple[str, str]] = {
    "on": ("I", "the interval the claim is about, e.g. '(-oo, 0]', '[0, oo)', '(0, 1/4]' (default: R, the real line)"),
    "at": ("P", "the point: a number or closed form (2, -1/2, log(3)); for limit also oo or -oo"),
    "equals": ("V", "the claimed value (value, limit, maximum, minimum), function (identity) or interval (range)"),
    "digits": ("K", "for value, maximum, minimum: compare the value rounded to K decimals with --equals"),
}
OPTION_NAMES: tuple[str, ...] = tuple(OPTION_HELP)
