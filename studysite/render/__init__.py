"""Model objects into HTML; macros/__init__.py registers these with mkdocs-macros."""
