"""Container code written against docker-py, tested with the fake and with MagicMock."""
