"""Exact decisions without text: the normal form, exact numbers, real roots, sign charts, enclosures, domains, budget."""
