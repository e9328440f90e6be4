# SPDX-License-Identifier: GPL-3.0-or-later
"""python3 -c "import backprop_studio; ...show(loss)" opens the window on the loss's graph.

The window runs offscreen with its data in a temporary folder, makes one edit of w1 once it has
opened (the module starts the program $BACKPROP_STUDIO names: here a wrapper that adds the window's
own `--set 'w1=[7, -8.5]'`) and autosaves every 100 ms (BPS_AUTOSAVE_INTERVAL_MS): its autosave
then holds the graph it opened, which must be the one the Python code built. The test ends the
window."""

import glob
import json
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import support  # noqa: F401  (PyTorch, or the test is skipped)

LECTURER = """
import torch
import backprop_studio as bps
x = torch.tensor([[1.0]])
w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
y2 = torch.sigmoid(w2 @ torch.sigmoid(w1 @ x))
loss = torch.nn.functional.mse_loss(y2, torch.tensor([[1.0], [0.0]]))
window = bps.show(loss)
print(window.pid)
"""


def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


class Show(unittest.TestCase):
    def test_show_opens_the_window_on_the_graph(self):
        with tempfile.TemporaryDirectory(prefix="bps-show-") as home:
            wrapper = os.path.join(home, "backprop-studio-editing-w1")
            with open(wrapper, "w") as f:
                f.write(f"#!/bin/sh\nexec '{os.environ['BACKPROP_STUDIO']}' \"$@\" --set 'w1=[7, -8.5]'\n")
            os.chmod(wrapper, 0o755)
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=os.path.join(home, "data"),
                       XDG_CONFIG_HOME=os.path.join(home, "config"), TMPDIR=home,
                       BPS_AUTOSAVE_INTERVAL_MS="100", BACKPROP_STUDIO=wrapper)
            # Files, not pipes: the window keeps the lecturer's standard output and error open.
            with open(os.path.join(home, "out"), "w+") as out, open(os.path.join(home, "err"), "w+") as err:
                status = subprocess.run([sys.executable, "-c", LECTURER], env=env, stdout=out, stderr=err,
                                        timeout=60).returncode
                out.seek(0)
                err.seek(0)
                self.assertEqual(status, 0, err.read())
                pid = int(out.read().split()[-1])
            try:
                autosave = self.wait_for_autosave(home, pid)
                names = {n["name"]: n for n in autosave["nodes"]}
                self.assertEqual(names["w1"]["value"], [[7.0], [-8.5]])  # the window's edit
                self.assertEqual(names["w2"]["value"], [[3.0, 4.0], [5.0, 6.0]])
                self.assertEqual(autosave["root"], "loss")
                self.assertEqual(names["loss"]["op"], "mse")
                self.assertEqual(len(glob.glob(os.path.join(home, "backprop-studio-*", "loss.json"))), 1)
            finally:
                for sig in (signal.SIGTERM, signal.SIGKILL):
                    if running(pid):
                        os.kill(pid, sig)
                    for _ in range(100):
                        if not running(pid):
                            break
                        time.sleep(0.05)
            self.assertFalse(running(pid))

    def test_the_lesson_in_docs_runs(self):
        """docs/pytorch-lesson.py, cell after cell: converts, draws, agrees with PyTorch, trains,
        and opens two windows (ended here)."""
        lesson = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "pytorch-lesson.py")
        with tempfile.TemporaryDirectory(prefix="bps-lesson-") as home:
            saved = dict(os.environ)
            os.environ.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=os.path.join(home, "data"),
                              XDG_CONFIG_HOME=os.path.join(home, "config"))
            tempfile.tempdir = home
            windows = []
            try:
                scope = runpy.run_path(lesson, run_name="lesson")
                windows = [v for v in scope.values() if isinstance(v, subprocess.Popen)]
                self.assertEqual(len(windows), 2)
                self.assertIn("<svg", scope["first_backward_steps"][2].data)
                self.assertLess(scope["program_losses"][-1], scope["program_losses"][0])
                time.sleep(0.5)
                self.assertEqual([w.poll() for w in windows], [None, None], "a window ended at once")
            finally:
                tempfile.tempdir = None
                os.environ.clear()
                os.environ.update(saved)
                for w in windows:
                    w.terminate()
                    try:
                        w.wait(5)
                    except subprocess.TimeoutExpired:
                        w.kill()
                        w.wait()

    def wait_for_autosave(self, home, pid):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            self.assertTrue(running(pid), "the window ended before it autosaved")
            for path in glob.glob(os.path.join(home, "data", "**", f"session-{pid}.json"), recursive=True):
                try:
                    with open(path) as f:
                        return json.load(f)
                except (OSError, ValueError):
                    pass  # being written
            time.sleep(0.1)
        self.fail("no autosave from the window within 30 s")


if __name__ == "__main__":
    unittest.main()
