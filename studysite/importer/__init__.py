"""The seed notes (UTF-8 read as Mac Roman) into the chapter pages in docs/."""
