// kinerja: the command-line front of the library.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  kinerja_cli::Streams io{std::cout, std::cerr};
  const int code = kinerja_cli::run_cli(args, io);
  std::cout.flush();
  return code;
}
