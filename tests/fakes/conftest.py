"""The fakes' fixtures come from turbomock's pytest plugin (``fake_subprocess``,
``fake_docker``); nothing to register here."""
