"""Fixtures of the fakes, registered here until turbomock's pytest plugin serves them."""
