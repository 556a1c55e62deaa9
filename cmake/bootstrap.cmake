# Installs the Debian packages kinerja needs, if any are missing. Included by demo.cmake and
# check.cmake, so that the README's two commands work on a fresh machine.
set(KIN_DEBIAN_PACKAGES
  g++ ninja-build pkg-config
  libboost-date-time-dev libboost-serialization-dev libeigen3-dev doctest-dev
  # the ABI check of the C library (libabigail); for the bindings' tests Debian's Python with
  # numpy and pandas (PyPI is not needed), pip and setuptools to install the package, and PHP's
  # command line with FFI
  abigail-tools python3 python3-numpy python3-pandas python3-pip python3-setuptools php-cli
  # more for one command, e.g. the benchmark suite's baselines
  ${KIN_EXTRA_DEBIAN_PACKAGES})

find_program(KIN_DPKG_QUERY dpkg-query)
if(NOT KIN_DPKG_QUERY)
  message(STATUS "Not a Debian system: make sure these (or equivalent) packages are installed: ${KIN_DEBIAN_PACKAGES}")
  return()
endif()

set(missing "")
foreach(pkg IN LISTS KIN_DEBIAN_PACKAGES)
  execute_process(COMMAND ${KIN_DPKG_QUERY} -W -f=\${Status} ${pkg}
                  OUTPUT_VARIABLE status ERROR_QUIET RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT status MATCHES "install ok installed")
    list(APPEND missing ${pkg})
  endif()
endforeach()

if(missing)
  message(STATUS "Installing missing Debian packages: ${missing}")
  execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(sudo "")
  if(NOT uid STREQUAL "0")
    find_program(KIN_SUDO sudo REQUIRED)
    set(sudo ${KIN_SUDO})
  endif()
  execute_process(COMMAND ${sudo} ${CMAKE_COMMAND} -E env DEBIAN_FRONTEND=noninteractive apt-get update -qq
                  COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND ${sudo} ${CMAKE_COMMAND} -E env DEBIAN_FRONTEND=noninteractive
                          apt-get install -y -qq --no-install-recommends ${missing}
                  COMMAND_ERROR_IS_FATAL ANY)
endif()
