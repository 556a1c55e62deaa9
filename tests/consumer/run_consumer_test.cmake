# Installs the built kinerja into a scratch prefix, then builds and runs small programs against
# it as users would: a C++ program and a C program with find_package(kinerja CONFIG REQUIRED), and
# the C program again with pkg-config alone (as a Makefile or a binding's build would).
file(REMOVE_RECURSE ${KIN_WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${KIN_BUILD_DIR} --prefix ${KIN_WORK_DIR}/prefix
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed (${rc})")
endif()

# Configures, builds and runs one consumer project; its program must print `expect`.
function(consume name project program flags_variable expect)
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${KIN_SOURCE_DIR}/tests/consumer/${project} -B ${KIN_WORK_DIR}/${name}
                          -G ${KIN_GENERATOR} -DCMAKE_PREFIX_PATH=${KIN_WORK_DIR}/prefix
                          # the same instrumentation as the library (sanitizer builds)
                          "-D${flags_variable}=${KIN_CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${KIN_LINKER_FLAGS}"
                  RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "configuring the ${name} consumer failed (${rc})")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${KIN_WORK_DIR}/${name} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "building the ${name} consumer failed (${rc})")
  endif()
  execute_process(COMMAND ${KIN_WORK_DIR}/${name}/${program} ${KIN_SOURCE_DIR}/data/sample
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "${expect}")
    message(FATAL_ERROR "the ${name} consumer failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${name} consumer output: ${out}")
endfunction()

consume(cxx project consumer CMAKE_CXX_FLAGS "employees: [1-9]")
consume(c project_c consumer_c CMAKE_C_FLAGS "employees: 322")

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
