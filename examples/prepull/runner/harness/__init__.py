"""The deploy harness of the seed-002 example (its code under test)."""
