"""Oversight: municipal bodies reading the tenants they oversee (the API grows later)."""
