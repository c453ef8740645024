"""Entry point: no subcommand opens the window; a subcommand runs the command line."""

from __future__ import annotations

import sys


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
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
