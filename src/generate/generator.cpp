#include "kinerja/generate.hpp"
