"""`replywatch demo`: a throwaway Dovecot with sample mail."""
