"""The expression language: the safe parser, intervals and where a function is defined."""
