"""Persistence: the SQLite file, its models, migrations and queries (peewee)."""
