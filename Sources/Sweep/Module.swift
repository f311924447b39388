// The Sweep module: runs an experiment's jobs.
