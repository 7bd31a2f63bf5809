"""turbomock's benchmark suite: every operation timed side by side with ``unittest.mock``.

It is not shipped in the wheel. ``python -m turbomock bench`` loads this directory as the
package ``turbomock_bench`` (a name no installed distribution uses), so nothing here
depends on the current directory or on ``sys.path``.
"""
