"""The dossier card editor."""
