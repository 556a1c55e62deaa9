# Fails if a doctest case name contains ';': ctest would split it into names that match no test,
# and those would pass without running anything.
execute_process(COMMAND ${TEST_EXE} --list-test-cases --no-version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "listing the test cases failed (${rc})")
endif()
string(FIND "${out}" ";" at)
if(NOT at EQUAL -1)
  string(SUBSTRING "${out}" ${at} 80 around)
  message(FATAL_ERROR "a test case name contains ';' near: ${around}")
endif()
message(STATUS "no test case name contains ';'")
