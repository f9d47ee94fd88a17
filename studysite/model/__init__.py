"""Data files into validated objects; every problem is reported with file, line and fix."""
