# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving the real Coproduce binary through its accessibility tree (AT-SPI),
as assistive technology would: shared by the end-to-end, accessibility,
crash-recovery, desktop-integration and shared-drive tests and screenshots.sh.
Run under tests/run-gui-test.sh (Xvfb and a session bus).

GTK 4.8 quirks (see PLATFORM.md): Text.getText(0, -1) returns '' (pass the
character count); grabFocus() fails; key synthesis through XTest works.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

# Before libatspi loads: its harmless warnings must not end this process.
os.environ["G_DEBUG"] = ",".join(flag for flag in os.environ.get("G_DEBUG", "").split(",")
                                 if flag and flag != "fatal-warnings")

import pyatspi  # noqa: E402

# A generous bound on waits for the application, never an assertion about
# speed: a loaded CI machine is slow, and that is no failure.
WAIT_SECONDS = int(os.environ.get("COPRO_WAIT_SECONDS", "180"))

CONTROL = 1 << 2   # X modifier masks
ALT = 1 << 3
SHIFT = 1 << 0


class Failure(Exception):
    pass


def wait_for(what, predicate, timeout=WAIT_SECONDS):
    """Polls until predicate() returns something true, and returns it."""
    end = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except Failure:
            raise
        except Exception:  # the tree changes under our feet
            result = None
        if result:
            return result
        if time.monotonic() > end:
            raise Failure("gave up waiting for " + what)
        time.sleep(0.05)


class App:
    """The application, started on a file, with its own scratch home."""

    def __init__(self, binary, path=None, extra_env=None, args=None, home=None):
        """Starts @binary with @args (or just @path). A @home given by the
        caller is used and kept, so that a second start sees the first one's
        drafts and settings; otherwise a scratch home is made and removed."""
        self.own_home = home is None
        self.home = home or tempfile.mkdtemp(prefix="copro-atspi-")
        env = dict(os.environ)
        env.update({
            "HOME": self.home,
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            # The test suite's default hides the window from AT-SPI.
            "GTK_A11Y": "atspi",
            # Any warning in the application fails the test (it ends the
            # application). Not for this process: libatspi warns about GTK's
            # missing cache interface, which is harmless.
            "G_DEBUG": "gc-friendly,fatal-warnings",
        })
        env.update(extra_env or {})
        if args is None:
            args = [path] if path else []
        args = [binary] + list(args)
        self.process = subprocess.Popen(args, env=env)
        self.root = wait_for("the application on the accessibility bus", self._find)

    def _find(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        return None

    def window(self):
        return wait_for("the window", lambda: self.root.getChildAtIndex(0))

    def frames(self):
        """The names of the application's windows, sorted."""
        return sorted(node.name for node in children(self.root) if node.getRoleName() == "frame")

    def kill(self):
        """Ends the application at once, as a crash would, and waits until
        it has left the accessibility bus."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        wait_for("the application to leave the accessibility bus", lambda: self._find() is None)

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.own_home:
            shutil.rmtree(self.home, ignore_errors=True)

    def check_alive(self):
        if self.process.poll() is not None:
            raise Failure("the application ended with status %d" % self.process.returncode)


# Finding things

def children(node):
    try:
        count = node.childCount
    except Exception:   # a node that went away while we looked
        return
    for i in range(count):
        # One node that cannot be read must not hide its siblings.
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def walk(node):
    yield node
    for child in children(node):
        yield from walk(child)


# GTK 4.18 calls a plain button "button" where 4.8 said "push button"; a
# menu button is a "button" holding a focusable "toggle button" of the same
# name, which is the control a person presses.
ROLE_ALIASES = {"push button": ("push button", "button")}


def role_is(node, role):
    return node.getRoleName() in ROLE_ALIASES.get(role, (role,))


def find_all(root, role=None, name=None, predicate=None):
    found = []
    for node in walk(root):
        try:
            if role is not None and not role_is(node, role):
                continue
            if name is not None and node.name != name:
                continue
            if predicate is not None and not predicate(node):
                continue
        except Exception:
            continue
        found.append(node)
    return found


def find(root, role=None, name=None, predicate=None, what=None):
    """The one node that matches, waiting for it to appear."""
    def look():
        nodes = find_all(root, role, name, predicate)
        if len(nodes) > 1:
            raise Failure("%d nodes match %s" % (len(nodes), what or (role, name)))
        return nodes[0] if nodes else None
    return wait_for(what or "[%s] %r" % (role, name), look)


def button(root, label):
    """The visible push button named exactly @label, or None: a name with a
    mnemonic underscore or said twice is a fault, not something to match."""
    def visible_button(node):
        if not role_is(node, "push button"):
            return False
        if node.name != label:
            return False
        # Window coordinates: GTK 4.8 warns about screen ones.
        return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width > 0
    nodes = find_all(root, predicate=visible_button)
    return nodes[0] if nodes else None


def has_text(root, fragment):
    """A node that shows @fragment, as its name or as its text, or None."""
    def shows(node):
        if fragment in (node.name or ""):
            return True
        return node.getRoleName() == "label" and fragment in text_of(node)
    nodes = find_all(root, predicate=shows)
    return nodes[0] if nodes else None


def page(window, title):
    """The panel of a section: its stack page is named by the section's title."""
    return find(window, "panel", title, what="the %s page" % title)


def description_of(node):
    """The description as it is now (GTK 4.8 does not announce changes)."""
    node.clear_cache()
    return node.description


def described_by(node):
    """What @node's described-by relation points at, as a screen reader
    reads it: each target's name (or its text), joined by spaces."""
    node.clear_cache()
    parts = []
    for relation in node.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_DESCRIBED_BY:
            continue
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            target.clear_cache()
            parts.append(target.name or text_of(target))
    return " ".join(part for part in parts if part)


def description_as_read(node):
    """The description as Orca presents it: the description, or else the
    text of what the described-by relation points at (Orca's
    AXUtilities.get_displayed_description). GTK 4.18 gives "" as the
    description of a node described by a label (it asks the label for a
    description, not for its text): an AdwAlertDialog's body reaches a
    screen reader only through the relation."""
    return description_of(node) or described_by(node)


def alert(root, heading):
    """The alert dialogue headed @heading: libadwaita's AdwAlertDialog shows
    inside the window, with the role alert, named by its heading."""
    return find(root, "alert", heading, what="the alert %r" % heading)


def is_focusable(node):
    return node.getState().contains(pyatspi.STATE_FOCUSABLE)


def is_focused(node):
    return node.getState().contains(pyatspi.STATE_FOCUSED)


# Reading and acting

def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def set_text(node, value):
    node.queryEditableText().setTextContents(value)


def do_action(node, wanted=("click", "activate", "press")):
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for name in wanted:
        if name in names:
            action.doAction(names.index(name))
            return
    raise Failure("%r has no action among %s (it has %s)" % (node.name, wanted, names))


KEYSYMS = {
    "Return": 0xff0d, "Tab": 0xff09, "Escape": 0xff1b, "space": 0x20,
    "Page_Up": 0xff55, "Page_Down": 0xff56, "Up": 0xff52, "Down": 0xff54,
    "F9": 0xffc6, "F10": 0xffc7, "question": 0x3f, "Home": 0xff50, "End": 0xff57,
}


def key(keysym, modifiers=0):
    """Presses a key (an X keysym name such as 's', 'Return', 'Page_Down')
    with modifiers held, as the keyboard would."""
    if len(keysym) == 1:
        value = ord(keysym)
    elif keysym in KEYSYMS:
        value = KEYSYMS[keysym]
    else:
        raise Failure("no keysym " + keysym)
    registry = pyatspi.Registry
    if modifiers:
        registry.generateKeyboardEvent(modifiers, None, pyatspi.KEY_LOCKMODIFIERS)
    registry.generateKeyboardEvent(value, None, pyatspi.KEY_SYM)
    if modifiers:
        registry.generateKeyboardEvent(modifiers, None, pyatspi.KEY_UNLOCKMODIFIERS)


def log(*args):
    print(*args, file=sys.stderr, flush=True)
