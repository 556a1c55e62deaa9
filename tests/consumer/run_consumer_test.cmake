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

# A C program against the C API of the same installed tree: with find_package, and with
# pkg-config alone (as a Makefile or a PHP/Python build would).
execute_process(COMMAND ${CMAKE_COMMAND} -S ${KIN_SOURCE_DIR}/tests/consumer/project_c -B ${KIN_WORK_DIR}/build_c
                        -G ${KIN_GENERATOR} -DCMAKE_PREFIX_PATH=${KIN_WORK_DIR}/prefix
                        "-DCMAKE_C_FLAGS=${KIN_CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${KIN_LINKER_FLAGS}"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the C consumer failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${KIN_WORK_DIR}/build_c RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the C consumer failed (${rc})")
endif()
execute_process(COMMAND ${KIN_WORK_DIR}/build_c/consumer_c ${KIN_SOURCE_DIR}/data/sample
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "employees: 322")
  message(FATAL_ERROR "the C consumer failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "C consumer output: ${out}")

find_program(PKG_CONFIG NAMES pkgconf pkg-config)
find_program(CC NAMES cc gcc)
file(GLOB pc_dirs ${KIN_WORK_DIR}/prefix/lib*/pkgconfig ${KIN_WORK_DIR}/prefix/lib/*/pkgconfig)
if(PKG_CONFIG AND CC AND pc_dirs)
  list(GET pc_dirs 0 pc_dir)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pc_dir} ${PKG_CONFIG} --cflags --libs kinerja_c
                  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "pkg-config does not know kinerja_c (${rc})")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  separate_arguments(extra UNIX_COMMAND "${KIN_CXX_FLAGS} ${KIN_LINKER_FLAGS}")
  string(REGEX MATCH "-L([^ ;]+)" _ "${flags}")
  execute_process(COMMAND ${CC} -std=c99 ${extra} ${KIN_SOURCE_DIR}/tests/consumer/project_c/main.c ${flags}
                          -Wl,-rpath,${CMAKE_MATCH_1} -o ${KIN_WORK_DIR}/consumer_pkgconfig
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "building with pkg-config flags (${flags}) failed:\n${err}")
  endif()
  execute_process(COMMAND ${KIN_WORK_DIR}/consumer_pkgconfig ${KIN_SOURCE_DIR}/data/sample
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "employees: 322")
    message(FATAL_ERROR "the pkg-config consumer failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "pkg-config consumer output: ${out}")
endif()
