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

/// Debian's Python (/usr/bin/python3, which has numpy, pandas and scipy from apt) when it is
/// there, else the python3 on PATH: the interpreter of the baselines.
std::string baseline_python();

/// Runs `command` through the shell and returns what it printed on stdout (empty when it could
/// not start).
std::string command_output(const std::string& command);

}  // namespace kin_bench
