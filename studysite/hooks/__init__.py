"""MkDocs hooks, named in mkdocs.yml. They live here, not in overrides/, which the theme publishes."""
