# The program file appears verbatim in the document.
file(READ ${DOC} doc)
file(READ ${PROGRAM} program)
string(FIND "${doc}" "${program}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${DOC} does not show ${PROGRAM} as it is: copy the file into the document again")
endif()
