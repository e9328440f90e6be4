# SPDX-License-Identifier: GPL-3.0-or-later
# The layer check fails on what it must refuse and passes the real tree:
#   cmake -DSCRIPT=cmake/CheckCoreLayers.cmake -DCORE=core -DWORK=dir -P check_layers_test.cmake
function(run_check layer dirs root expect)
  execute_process(COMMAND ${CMAKE_COMMAND} -DLAYER=${layer} -DDIRS=${dirs} -DROOT=${root} -DSTAMP=${WORK}/stamp
                          ${FILTER} -P ${SCRIPT} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX REPLACE "[ \n]+" " " err "${err}")  # CMake folds long messages
  if(expect STREQUAL "pass" AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${layer} of ${root} should pass:\n${err}")
  elseif(expect STREQUAL "fail" AND rc EQUAL 0)
    message(FATAL_ERROR "${layer} of ${root} should fail: ${dirs}")
  elseif(expect STREQUAL "fail" AND NOT err MATCHES "${ARGV4}")
    message(FATAL_ERROR "${layer} of ${root} failed without saying '${ARGV4}':\n${err}")
  endif()
endfunction()

file(MAKE_DIRECTORY ${WORK})

# The real tree keeps the rule.
run_check(core_engine graph,ops,trace,train,text ${CORE} pass)
run_check(core_language language ${CORE} pass)
run_check(core_document document ${CORE} pass)
run_check(core_layout layout ${CORE} pass)
# io and onnx share the folder io: the importer's files are core_onnx's (core/CMakeLists.txt).
set(onnx_files "/io/onnx_(context|import|ops|tensor|wire)\\.")
set(FILTER "-DEXCEPT=${onnx_files}")
run_check(core_io io ${CORE} pass)
set(FILTER "-DONLY=${onnx_files}")
run_check(core_onnx io ${CORE} pass)
set(FILTER)
# ONNX's and protobuf's headers belong to core_onnx alone: an io file (not the importer's) that
# includes one is refused, and so is the real io folder checked whole as core_io.
run_check(core_io io ${CORE} fail "core_io must not include ONNX or protobuf")
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/io/document_wire.cpp "#include <google/protobuf/message.h>\n")
set(FILTER "-DEXCEPT=${onnx_files}")
run_check(core_io io ${WORK}/fake fail "core_io must not include ONNX or protobuf")
set(FILTER)

# An engine file that includes io, one that includes the language, a language file that includes
# io, a document file that includes io, a layout file that includes the graph, and a Qt header
# anywhere: each refused by name.
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/trace/uses_io.h "#include \"core/io/document_json.h\"\n")
run_check(core_engine graph,ops,trace,train,text ${WORK}/fake fail "core_engine must not include core/io/")
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/train/uses_language.cpp "#include \"core/language/parser.h\"\n")
run_check(core_engine graph,ops,trace,train,text ${WORK}/fake fail "core_engine must not include core/language/")
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/language/uses_io.cpp "  #  include <core/io/load_program.h>\n")
run_check(core_language language ${WORK}/fake fail "core_language must not include core/io/")
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/document/uses_io.cpp "#include \"core/io/file_format.h\"\n")
run_check(core_document document ${WORK}/fake fail "core_document must not include core/io/")
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/layout/uses_graph.cpp "#include \"core/graph/graph.h\"\n")
run_check(core_layout layout ${WORK}/fake fail "core_layout must not include core/graph/")
file(REMOVE_RECURSE ${WORK}/fake)
file(WRITE ${WORK}/fake/ops/uses_qt.cpp "#include <QString>\n")
run_check(core_engine graph,ops,trace,train,text ${WORK}/fake fail "core must not include Qt")
file(REMOVE_RECURSE ${WORK}/fake)
message(STATUS "the layer check refuses all six and passes the tree")
