# Installs the built kinerja into a scratch prefix, then builds and runs a small program that
# finds it with find_package(kinerja CONFIG REQUIRED), as a user's project would.
file(REMOVE_RECURSE ${KIN_WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${KIN_BUILD_DIR} --prefix ${KIN_WORK_DIR}/prefix
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${KIN_SOURCE_DIR}/tests/consumer/project -B ${KIN_WORK_DIR}/build
                        -G ${KIN_GENERATOR} -DCMAKE_PREFIX_PATH=${KIN_WORK_DIR}/prefix
                        # the same instrumentation as the library (sanitizer builds)
                        "-DCMAKE_CXX_FLAGS=${KIN_CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${KIN_LINKER_FLAGS}"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${KIN_WORK_DIR}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed (${rc})")
endif()
execute_process(COMMAND ${KIN_WORK_DIR}/build/consumer ${KIN_SOURCE_DIR}/data/sample
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "employees: [1-9]")
  message(FATAL_ERROR "the consumer failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "consumer output: ${out}")
