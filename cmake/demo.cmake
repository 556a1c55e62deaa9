# The main job on the bundled sample: cmake -P cmake/demo.cmake
# Installs what is missing, builds the kinerja command (release preset) and runs it on
# data/sample. Set KIN_DATASET to run it on another folder: cmake -DKIN_DATASET=DIR -P ...
cmake_minimum_required(VERSION 3.25)
get_filename_component(KIN_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
include(${CMAKE_CURRENT_LIST_DIR}/bootstrap.cmake)
if(NOT KIN_DATASET)
  set(KIN_DATASET ${KIN_ROOT}/data/sample)
endif()

execute_process(COMMAND ${CMAKE_COMMAND} --preset release -DKIN_BUILD_BENCHMARKS=OFF
                WORKING_DIRECTORY ${KIN_ROOT} OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build --preset release --target kinerja_cli
                WORKING_DIRECTORY ${KIN_ROOT} OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)

set(kinerja ${KIN_ROOT}/build/release/src/apps/kinerja)
message("\n$ kinerja validate ${KIN_DATASET}\n")
execute_process(COMMAND ${kinerja} validate ${KIN_DATASET} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kinerja validate exited with ${rc}")
endif()
