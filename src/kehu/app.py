"""Entry point: no subcommand opens the window; a subcommand runs the command line."""

from __future__ import annotations

import os
import sys


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (`kehu check | head`): stop without a traceback.

    Python would try to flush stdout again at exit and print an error; point it at devnull.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a command cut off by `head`


def _attach_windows_console() -> None:
    """kehu.exe is a windowed program: started with a command from a console, it prints into
    that console (kehu-cli.exe has one of its own). A no-op elsewhere."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            # CONOUT$ opens as Python's Unicode console writer: Chinese prints as it is.
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    except (AttributeError, OSError):
        pass


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the demo generator's worker in a frozen app
    from kehu import cli

    argv = sys.argv[1:] if argv is None else argv
    if argv:
        _attach_windows_console()
    # Finder on older macOS passes a process serial number (-psn_0_12345): not ours.
    args = cli.parse([arg for arg in argv if not arg.startswith("-psn_")])
    if getattr(args, "func", None) is None:
        from kehu.ui.application import run_gui

        return run_gui(args)
    try:
        code = cli.run(args)
        if sys.stdout is not None:  # None in a windowed program without a console
            sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_broken_pipe()
    return code


if __name__ == "__main__":
    sys.exit(main())
