"""Jurisdiction plugin: ningbo."""
