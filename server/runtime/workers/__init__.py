"""Killable query worker processes: the pool, the child's loop, and serialisation."""
