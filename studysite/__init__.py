"""The study site's model and pipeline.

- `model/`: data files into validated objects (quiz bank, limits, corrections, calculators,
  exam blueprint, errata, diagrams), with one located error type.
- `markdown/`: reading the notes' Markdown line by line, and heading ids.
- `importer/`: the seed notes into docs/ pages.
- `render/`: objects into HTML for the pages (macros/ registers these with mkdocs-macros).
- `hooks/`: the MkDocs hooks mkdocs.yml names.
- `cli/`: the commands behind `python -m studysite <command>`.
"""
