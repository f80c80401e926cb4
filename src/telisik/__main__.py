"""``python -m telisik`` runs the CLI."""

from .cli import main

main()
