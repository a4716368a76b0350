"""See the app docstring in apps.py."""
