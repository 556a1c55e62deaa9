# CPack: a Debian package of the installed tree (libraries, headers, CMake package, pkg-config
# files, the kinerja command). `cpack -G DEB` in the build folder writes it.
set(CPACK_PACKAGE_NAME kinerja)
set(CPACK_PACKAGE_VENDOR "kinerja")
set(CPACK_PACKAGE_CONTACT "kinerja maintainers <kinerja@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "${PROJECT_DESCRIPTION}\n kinerja scores KPIs, calibrates raters and analyses trends under the\n regulations of Indonesia's civil service. Stable C API (libkinerja_c), C++ API,\n the kinerja command.")
# The run-time dependencies from the libraries' linked shared objects (dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
include(CPack)
