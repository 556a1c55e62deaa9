#include "cli/cli.hpp"

namespace kinerja_cli {

Command generate_command() {
  return Command{"generate", "a synthetic dataset (not yet available)", "kinerja generate", "", {},
                 [](const Arguments&, Streams&) -> int { throw UsageError("generate is not available yet"); }};
}

}  // namespace kinerja_cli
