// Describes the machine a benchmark ran on, so every printed figure says where it came from.
#pragma once

#include <string>

namespace kin_bench {

/// "CPU model, N cores, M GiB RAM, compiler, build type".
std::string describe_machine();
/// Peak resident memory of this process so far, in MiB.
double peak_memory_mib();

/// The value after option argv[i] (advancing i); exits with status 2 when it is missing.
std::string option_value(int argc, char** argv, int& i);

}  // namespace kin_bench
