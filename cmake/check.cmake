# The whole test suite: cmake -P cmake/check.cmake
# Installs what is missing, then builds and tests three times: the `ci` preset (optimised,
# warnings as errors), the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer) and the
# `tsan` preset (ThreadSanitizer on the C API used from several threads at once).
cmake_minimum_required(VERSION 3.25)
get_filename_component(KIN_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
include(${CMAKE_CURRENT_LIST_DIR}/bootstrap.cmake)

foreach(preset IN ITEMS ci asan tsan)
  message("\n=== kinerja: build and test, preset '${preset}' ===\n")
  execute_process(COMMAND ${CMAKE_COMMAND} --workflow --preset ${preset}
                  WORKING_DIRECTORY ${KIN_ROOT} COMMAND_ERROR_IS_FATAL ANY)
endforeach()
message("\nAll kinerja tests passed (presets ci, asan and tsan).")
