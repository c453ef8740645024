"""Use cases on top of the database: the GUI and the CLI both call these."""
