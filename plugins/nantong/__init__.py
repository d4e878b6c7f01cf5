"""Jurisdiction plugin: nantong."""
