"""Allow ``python -m replywatch``."""

import sys

from replywatch.cli.main import main

sys.exit(main())
