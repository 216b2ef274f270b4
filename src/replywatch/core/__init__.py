"""The pure core: model, cadence, matching, names and domains, time arithmetic.

No I/O and no clock of its own; everything here is a function of its arguments.
"""
