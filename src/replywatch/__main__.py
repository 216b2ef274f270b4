"""Allow ``python -m replywatch``."""

import sys

from replywatch.cli import main

sys.exit(main())
