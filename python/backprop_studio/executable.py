# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding and running the backprop-studio program."""

import os
import shutil
import subprocess
from pathlib import Path

from .errors import ExecutableNotFound

ENVIRONMENT_VARIABLE = "BACKPROP_STUDIO"


def executable():
    """$BACKPROP_STUDIO, else backprop-studio on the PATH, else the build folder of the source
    tree this package sits in (build/app/backprop-studio)."""
    given = os.environ.get(ENVIRONMENT_VARIABLE)
    if given:
        if not os.access(given, os.X_OK):
            raise ExecutableNotFound(f"${ENVIRONMENT_VARIABLE} is '{given}', which is not an executable program")
        return given
    found = shutil.which("backprop-studio")
    if found:
        return found
    built = Path(__file__).resolve().parent.parent.parent / "build" / "app" / "backprop-studio"
    if os.access(built, os.X_OK):
        return str(built)
    raise ExecutableNotFound(
        "backprop-studio is not on the PATH: install it, or set BACKPROP_STUDIO to the program "
        "(e.g. BACKPROP_STUDIO=build/app/backprop-studio)")


def run(arguments, input_text=None):
    """Runs a subcommand to its end; its standard output, or a RuntimeError with its message."""
    result = subprocess.run([executable(), *arguments], input=input_text, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"backprop-studio {arguments[0]} failed (status {result.returncode}): "
                           f"{result.stderr.strip()}")
    return result.stdout


def start_window(path):
    """The window on `path`, started on its own: it stays open when Python ends."""
    return subprocess.Popen([executable(), str(path)], stdin=subprocess.DEVNULL, start_new_session=True)
