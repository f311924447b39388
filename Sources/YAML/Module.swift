// The YAML module.
