"""Yishi (议事): the platform core."""
