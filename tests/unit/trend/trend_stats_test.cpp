// placeholder: trend statistics tests
