#include "machine.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace kin_bench {

std::string describe_machine() {
  std::string cpu = "unknown CPU";
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  const double gib = static_cast<double>(pages) * static_cast<double>(page) / (1024.0 * 1024.0 * 1024.0);
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << cpu << ", " << std::thread::hardware_concurrency() << " cores, " << gib << " GiB RAM, ";
#if defined(__clang__)
  s << "clang " << __clang_major__ << "." << __clang_minor__;
#elif defined(__GNUC__)
  s << "g++ " << __GNUC__ << "." << __GNUC_MINOR__;
#endif
#ifdef NDEBUG
  s << ", optimised build";
#else
  s << ", DEBUG build (figures not representative)";
#endif
  return s.str();
}

double peak_memory_mib() {
  // VmHWM, the high-water mark of this process's own memory since it started; getrusage's
  // ru_maxrss would also count the resident size of the parent that forked it.
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string baseline_python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

std::string command_output(const std::string& command, double* peak_mib) {
  // The peak of the command alone: GNU time reports the maximum RSS of the shell it starts
  // (including what the shell waited for). It cannot come from this process's own rusage of the
  // child (wait4 or RUSAGE_CHILDREN): a child forked from this process starts with this process's
  // resident size as its high-water mark, so a baseline run by a benchmark holding gigabytes would
  // be reported at gigabytes.
  const bool timed = peak_mib != nullptr && std::filesystem::exists("/usr/bin/time");
  if (peak_mib != nullptr) *peak_mib = 0;
  std::string peak_file;
  if (timed) {
    char name[] = "/tmp/kin-bench-peak-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd >= 0) ::close(fd);
    peak_file = name;
  }
  std::string output;
  int fds[2];
  if (::pipe(fds) != 0) return output;
  std::cout.flush();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return output;
  }
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    if (timed) {
      ::execl("/usr/bin/time", "time", "-f", "%M", "-o", peak_file.c_str(), "/bin/sh", "-c", command.c_str(),
              static_cast<char*>(nullptr));
    } else {
      ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    }
    ::_exit(127);
  }
  ::close(fds[1]);
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n > 0) output.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed) {
    // KiB on the last line (a line before it says when the command failed).
    std::ifstream in(peak_file);
    std::string last;
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) last = line;
    *peak_mib = std::atof(last.c_str()) / 1024.0;
    std::filesystem::remove(peak_file);
  }
  return output;
}

bool ResultFile::parse(int argc, char** argv, int& i) {
  const std::string a = argv[i];
  if (a == "--csv") path = option_value(argc, argv, i);
  else if (a == "--size-label") size_label = option_value(argc, argv, i);
  else if (a == "--size-employees") employees = std::stoul(option_value(argc, argv, i));
  else return false;
  return true;
}

namespace {

// A CSV field: quoted when it holds a comma or a quote.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

void append_result(const ResultFile& file, const Result& r) {
  if (file.path.empty()) return;
  const bool fresh = !std::filesystem::exists(file.path) || std::filesystem::file_size(file.path) == 0;
  std::ofstream out(file.path, std::ios::app);
  if (fresh) {
    out << "size_label,employees,benchmark,step,unit,kinerja_seconds,kinerja_per_second,kinerja_peak_mib,"
           "baseline,baseline_seconds,baseline_per_second,baseline_peak_mib,ratio\n";
  }
  out.precision(6);
  const std::size_t employees = file.employees != 0 ? file.employees : r.employees;
  out << csv_field(file.size_label) << ',' << employees << ',' << csv_field(r.benchmark) << ','
      << csv_field(r.step) << ',' << csv_field(r.unit) << ',' << r.kinerja_seconds << ',' << r.kinerja_per_second
      << ',' << r.kinerja_peak_mib << ',' << csv_field(r.baseline) << ',';
  if (r.baseline.empty()) {
    out << ",,,\n";
  } else {
    out << r.baseline_seconds << ',' << r.baseline_per_second << ',';
    if (r.baseline_peak_mib > 0) out << r.baseline_peak_mib;  // else not measured
    out << ',' << r.kinerja_per_second / r.baseline_per_second << '\n';
  }
  if (!out) std::cerr << "could not append to " << file.path << "\n";
}

std::string option_value(int argc, char** argv, int& i) {
  if (i + 1 >= argc) {
    std::cerr << argv[i] << " needs a value\n";
    std::exit(2);
  }
  return argv[++i];
}

}  // namespace kin_bench
