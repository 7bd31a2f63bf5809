"""Build the optional native core; the project's metadata is in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        # optional: without a compiler the build goes on, and turbomock runs on
        # its pure-Python code (see src/turbomock/_native.py).
        Extension("turbomock._speedups", ["src/turbomock/_speedups.c"], optional=True)
    ]
)
