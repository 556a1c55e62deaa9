# cmake -DPYTHON=... -DSOURCE_DIR=... -DTARGET_DIR=... -DLIBRARY=... -P install_test.cmake
# Installs the package offline with pip into TARGET_DIR (from a copy of the sources, so that the
# source tree gets no build/ or *.egg-info), then imports it from there with KIN_C_LIBRARY set.
foreach(var PYTHON SOURCE_DIR TARGET_DIR LIBRARY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install_test.cmake: ${var} is not set")
  endif()
endforeach()
set(work ${TARGET_DIR}-src)
file(REMOVE_RECURSE ${TARGET_DIR} ${work})
file(MAKE_DIRECTORY ${work})
file(COPY ${SOURCE_DIR}/pyproject.toml ${SOURCE_DIR}/README.md DESTINATION ${work})
file(COPY ${SOURCE_DIR}/src DESTINATION ${work} PATTERN __pycache__ EXCLUDE)
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
          ${PYTHON} -m pip install --no-build-isolation --no-deps --no-index --target ${TARGET_DIR} ${work}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pip install failed (${rc}):\n${out}\n${err}")
endif()
if(NOT EXISTS ${TARGET_DIR}/kinerja/__init__.py)
  message(FATAL_ERROR "pip install did not install kinerja into ${TARGET_DIR}:\n${out}")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env KIN_C_LIBRARY=${LIBRARY} PYTHONPATH=${TARGET_DIR} PYTHONNOUSERSITE=1
          ${PYTHON} -c "import kinerja, os, sys; assert os.path.dirname(kinerja.__file__) == os.path.join(sys.argv[1], 'kinerja'), kinerja.__file__; print(kinerja.__version__)" ${TARGET_DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "importing the installed kinerja failed (${rc}):\n${out}\n${err}")
endif()
string(STRIP "${out}" version)
if(NOT version MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "unexpected kinerja.__version__: '${version}'")
endif()
message(STATUS "installed kinerja ${version} into ${TARGET_DIR}")
file(REMOVE_RECURSE ${work})
