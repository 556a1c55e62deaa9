# Runs CMD with ARGS ('|'-separated) and fails unless the exit code is EXPECT.
string(REPLACE "|" ";" arg_list "${ARGS}")
execute_process(COMMAND ${CMD} ${arg_list} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT)
  message(FATAL_ERROR "expected exit code ${EXPECT}, got ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
message(STATUS "exit code ${rc} as expected")
