"""replywatch: watch a mailbox for replies to job applications and remind about follow-ups."""

__version__ = "0.1.0"
