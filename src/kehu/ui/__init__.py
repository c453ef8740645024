"""The Qt user interface: main window, item models, widgets, dossier card, dialogs."""
