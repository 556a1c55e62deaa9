// Describes the machine a benchmark ran on, so every printed figure says where it came from.
#pragma once

#include <string>

namespace kin_bench {

/// "CPU model, N cores, M GiB RAM, compiler, build type".
std::string describe_machine();
/// Peak resident memory of this process so far, in MiB.
double peak_memory_mib();

}  // namespace kin_bench
