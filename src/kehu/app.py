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


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the demo generator's worker in a frozen app
    from kehu import cli

    argv = sys.argv[1:] if argv is None else argv
    # Finder on older macOS passes a process serial number (-psn_0_12345): not ours.
    args = cli.parse([arg for arg in argv if not arg.startswith("-psn_")])
    if getattr(args, "func", None) is None:
        from kehu.ui.application import run_gui

        return run_gui(args)
    try:
        code = cli.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_broken_pipe()
    return code


if __name__ == "__main__":
    sys.exit(main())
