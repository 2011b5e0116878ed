"""Runtime: how the stages run rather than what they compute: the worker pool and what one build hands the next."""
