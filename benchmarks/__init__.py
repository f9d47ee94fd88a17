"""Whole-process benchmarks: build time, exam page, Lighthouse per page type."""
