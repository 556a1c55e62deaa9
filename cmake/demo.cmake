# The main job on the bundled sample: cmake -P cmake/demo.cmake
# Installs what is missing, builds the kinerja command (release preset) and runs it on
# data/sample. Another folder or year: cmake -DKIN_DATASET=DIR -DKIN_YEAR=2024 -P cmake/demo.cmake
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
if(NOT KIN_YEAR)
  set(KIN_YEAR 2025)
endif()
set(out ${KIN_ROOT}/build/release/kinerja-out)

# The main job: check the dataset, score the year, check the distribution curve of every unit,
# calibrate the raters of the year's feedback, look at the trends (the indicators most at risk of
# missing this year's target, the units improving and declining most) and compute the IKM; each
# step prints a readable summary and writes its CSV files to ${out}.
foreach(step IN ITEMS
    "validate;${KIN_DATASET}"
    "score;${KIN_DATASET};--year;${KIN_YEAR};--out;${out}"
    "distribution;${KIN_DATASET};--period;${KIN_YEAR};--out;${out}"
    "calibrate;${KIN_DATASET};--period;${KIN_YEAR};--out;${out}"
    "trend;${KIN_DATASET};--level;indicator;--out;${out}/trend-indicators"
    "trend;${KIN_DATASET};--level;unit;--out;${out}/trend-units"
    "ikm;${KIN_DATASET};--period;${KIN_YEAR};--out;${out}")
  list(JOIN step " " shown)
  message("\n$ kinerja ${shown}\n")
  execute_process(COMMAND ${kinerja} ${step} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "kinerja ${shown} exited with ${rc}")
  endif()
endforeach()
