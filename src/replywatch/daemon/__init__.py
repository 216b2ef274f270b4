"""`replywatch run`: the scheduler, IDLE threads, signals and sd_notify."""
