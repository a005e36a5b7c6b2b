"""`python -m dyadwatch`: the command line."""

from .cli import main

main()
