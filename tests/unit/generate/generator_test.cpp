// The synthetic dataset generator (filled in by the generator work).
#include <doctest/doctest.h>
