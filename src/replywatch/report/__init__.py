"""The whole search at a glance: the HTML report, the iCalendar feed, the digest's text.

Numbers come from ``core.report`` (pure); this layer loads the book, draws and writes.
"""
