// placeholder: per-series trend statistics
