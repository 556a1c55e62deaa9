// A user's program: loads a dataset with the installed kinerja and prints its size.
#include <kinerja/kinerja.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  kinerja::Diagnostics diagnostics;
  const kinerja::Dataset dataset = kinerja::load_dataset(argv[1], diagnostics);
  std::cout << "kinerja " << KIN_VERSION_STRING << " (library " << kinerja::version_string() << ")\n";
  std::cout << "employees: " << dataset.employees.size() << "\n";
  std::cout << "errors: " << diagnostics.error_count() << "\n";
  return diagnostics.has_errors() ? 1 : 0;
}
