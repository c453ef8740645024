"""The main window's parts, one module per concern: menus and actions, exports and prints,
dossier cards in tabs or their own windows, docks, and the remembered window state.

Each part is a mixin of `kehu.ui.main_window.MainWindow`; the class annotations at the top of
each mixin name what it uses of the window. Nothing here imports `kehu.ui.main_window`.
"""
