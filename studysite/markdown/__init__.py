"""Reading the notes' Markdown line by line (code fences aware), and heading ids."""
