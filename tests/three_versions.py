"""What the `three_versions` fixture (conftest.py) adds in Ashfield's third
version, for the tests that look for it. (A module of its own: `from conftest
import` would find tests/browser/conftest.py when the browser tests run too.)"""

STAFF_NOTE = "Moderators log every block in the shared moderation log."
