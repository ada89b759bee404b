"""The garbage collector at start-up: paused until the first screen is drawn.

Start-up builds a few hundred thousand objects (modules, classes, styles) that live as long as
the app, and the collector would walk them all several times before the first screen: about
60 ms on a 2-core laptop. The CLI pauses it before the app's imports; the app resumes it after
its first refresh, freezing what start-up built so later collections, while people type, skip
it too. This module imports nothing heavy: the CLI calls it before Textual is loaded.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Collect again if the collector is paused; one that is running (the app was started
    without `pause`, as in tests) is left as it is, nothing frozen."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
