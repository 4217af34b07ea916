"""Printing: LaTeX and text, the notes' view model, jinja2 rendering and the PDF build."""
