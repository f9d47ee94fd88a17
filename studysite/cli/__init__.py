"""Commands a contributor runs: `python -m studysite <command>`."""
