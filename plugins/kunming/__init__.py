"""Jurisdiction plugin: kunming."""
