// The Experiment module.
