"""Item models of the main window."""
