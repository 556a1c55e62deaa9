# The ABI of libkinerja_c against the committed baseline capi/abi/libkinerja_c.abi (libabigail).
# Any difference fails, additions included: a change to the C API must update the baseline in
# the same commit (docs/api-stability.md says how), so the baseline always is the ABI.
# cmake -DABIDIFF=... -DBASELINE=... -DHEADER=... -DLIBRARY=... -P check_abi.cmake
execute_process(COMMAND ${ABIDIFF} --header-file2 ${HEADER} --drop-private-types --exported-interfaces-only
                        ${BASELINE} ${LIBRARY}
                RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE report)
if(NOT rc EQUAL 0)
  # abidiff's status is a bit mask: 1 error, 2 usage, 4 ABI change, 8 incompatible change.
  message(FATAL_ERROR "libkinerja_c differs from the ABI baseline (abidiff status ${rc}):\n${report}\n"
                      "If the change is intended (functions only added), regenerate the baseline with "
                      "'cmake --build <build> --target abi-baseline' and commit it.")
endif()
message(STATUS "libkinerja_c matches the ABI baseline ${BASELINE}")
