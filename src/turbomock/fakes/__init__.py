"""Ready fakes for what tests mock most: subprocesses and the Docker SDK.

Each fake is a submodule imported on its own (``turbomock.fakes.subprocess``,
``turbomock.fakes.docker``), so ``import turbomock`` never pays for them.
"""
