// kinerja snapshot DIR FILE: a validated dataset into one file that every command reads fast.
#include <chrono>
#include <filesystem>
#include <iomanip>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "kinerja/kinerja.hpp"

namespace kinerja_cli {
namespace {

int run_snapshot(const Arguments& args, Streams& io) {
  if (args.positional.size() != 2) throw UsageError("snapshot needs a dataset folder (or snapshot) and a file");
  const std::string format = args.value_or("format", "binary");
  if (format != "binary" && format != "xml") throw UsageError("--format: binary or xml, not '" + format + "'");
  const auto t0 = std::chrono::steady_clock::now();
  const auto dataset = load_valid_dataset(args.positional[0], io);
  if (!dataset) return exit_invalid_data;
  const auto t1 = std::chrono::steady_clock::now();
  const std::string& file = args.positional[1];
  kinerja::save_snapshot(file, *dataset, {}, format == "xml" ? kinerja::SnapshotFormat::Xml : kinerja::SnapshotFormat::Binary);
  const auto t2 = std::chrono::steady_clock::now();
  if (args.has("quiet")) return exit_ok;
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::ostream& out = io.out;
  out << "Snapshot of " << args.positional[0] << " (" << format << ")\n\n";
  for (const kinerja::TableSummary& t : dataset->summary()) {
    out << "  " << std::left << std::setw(18) << t.name << std::right << std::setw(14) << thousands(t.rows) << "\n";
  }
  out << "\n  read in " << std::fixed << std::setprecision(2) << seconds(t0, t1) << " s, written in "
      << seconds(t1, t2) << " s: " << thousands(static_cast<std::size_t>(std::filesystem::file_size(file)))
      << " bytes\nwrote " << file << "\n";
  return exit_ok;
}

}  // namespace

Command snapshot_command() {
  return Command{
      "snapshot",
      "save a validated dataset as one snapshot file, which every command accepts in place of DIR",
      "kinerja snapshot DIR FILE [--format binary|xml] [--quiet]",
      "Loads and validates the dataset folder DIR (or reads a snapshot) and writes it to FILE:\n"
      "binary (default; fast, for machines like this one) or xml (portable, for exchange). Every\n"
      "analysis command and validate accept FILE where they take DIR, and skip the CSV parsing.\n"
      "A damaged, truncated or foreign file is refused with the reason (docs/cli.md).",
      {
          {"format", true, "binary (default) or xml", "F"},
          {"quiet", false, "print nothing but problems", ""},
      },
      run_snapshot,
  };
}

}  // namespace kinerja_cli
