"""Jurisdiction plugin: heilongjiang."""
