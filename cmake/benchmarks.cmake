# The benchmark suite: cmake -P cmake/benchmarks.cmake [-- SUITE OPTIONS]
# Installs what is missing, builds the five suite benchmarks and the kinerja command (release
# preset, benchmarks on), then runs benchmarks/suite.py with the options after "--":
#   --sizes kabupaten,province,nation   (default all three: 10,000, 250,000 and 5,400,000 employees)
#   --out DIR                           (default build/release/benchmark-suite)
#   --quick                             (tiny sizes, a smoke test)   --no-baselines
# It prints a table and writes DIR/results.csv, DIR/machine.txt and DIR/benchmarks.svg; see
# docs/benchmark-suite.md. The baselines' packages (pandas, scipy, R's lme4, GNU time for their
# peak memory) are installed with the others.
cmake_minimum_required(VERSION 3.25)
get_filename_component(KIN_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(KIN_EXTRA_DEBIAN_PACKAGES python3-scipy r-cran-lme4 time)
include(${CMAKE_CURRENT_LIST_DIR}/bootstrap.cmake)

execute_process(COMMAND ${CMAKE_COMMAND} --preset release -DKIN_BUILD_BENCHMARKS=ON
                WORKING_DIRECTORY ${KIN_ROOT} OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build --preset release --target bench_csv_ingest bench_score
                        bench_calibrate bench_trend bench_pipeline kinerja_cli
                WORKING_DIRECTORY ${KIN_ROOT} OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)

# The options after "--" go to the driver as they are.
set(suite_options "")
set(forward OFF)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(forward)
    list(APPEND suite_options "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(forward ON)
  endif()
endforeach()

# Debian's Python: the baselines need its numpy, pandas and scipy (the driver itself needs only
# the standard library).
find_program(KIN_PYTHON NAMES python3 HINTS /usr/bin NO_DEFAULT_PATH)
if(NOT KIN_PYTHON)
  find_program(KIN_PYTHON NAMES python3 REQUIRED)
endif()
execute_process(COMMAND ${KIN_PYTHON} ${KIN_ROOT}/benchmarks/suite.py
                        --bench-dir ${KIN_ROOT}/build/release/benchmarks
                        --kinerja ${KIN_ROOT}/build/release/src/apps/kinerja ${suite_options}
                WORKING_DIRECTORY ${KIN_ROOT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the benchmark suite failed (exit ${rc}): see the logs folder in its output")
endif()
