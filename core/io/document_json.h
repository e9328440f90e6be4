// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The program's own document (.json): the graph with every leaf's value, the root and its seed,
// the .bpg text it came from, and what the window shows (node positions, zoom and centre, the
// step). Version 1:
//
//   {"format": "backprop-studio", "version": 1,
//    "nodes": [{"name": "w1", "label": "w1", "kind": "param", "op": "param", "inputs": [],
//               "value": [[1.0], [2.0]]},
//              {"name": "z1", "label": "z1", "kind": "op", "op": "matmul", "inputs": ["w1", "x"]},
//              {"name": "%3", ..., "op": "pow", "inputs": ["d"], "attrs": {"exponent": 2}}, ...],
//    "root": "loss", "seed": [[1.0]], "source": "...",
//    "positions": {"w1": [0, 120], ...}, "view": {"zoom": 1.2, "center": [300, 80]}, "step": 12}
//
// Nodes are listed in creation (topological) order and an op names only nodes listed before it.
// Matrices are lists of rows; a number that is not finite is "nan", "inf" or "-inf". A name
// starting with % is an anonymous node. Only "format", "version", "nodes" and "root" are
// required (no "positions": the window lays the graph out; no "view": it fits the graph in; no
// "seed": 1 for a 1x1 root); unknown keys are ignored, so a later version 1 writer may add some.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "core/graph/program.h"

namespace bp {

constexpr int kDocumentVersion = 1;

// What a document's "source" says against its "nodes", which are the graph (see checkSource).
enum class SourceVerdict {
    Agrees,                 // or there is no source
    DoesNotParse,           // the text has an error: it was set aside, the nodes' text is shown
    DescribesAnotherGraph,  // the text parses to another graph: set aside likewise
};

// What a document file (.json) holds: the graph, its text and what the window showed of it. The
// document open in the program is core/document/Document; this is its saved form.
struct DocumentFile {
    Program program;
    std::string source;  // the .bpg text, if the graph came from one
    SourceVerdict sourceVerdict = SourceVerdict::Agrees;
    std::string setAsideSource;  // the source that disagreed with the nodes, kept for the user
    std::map<std::string, std::pair<double, double>> positions;  // node name -> centre on the canvas
    bool hasView = false;                    // whether zoom and center are known (else: fit the graph)
    double zoom = 1;
    std::pair<double, double> center{0, 0};  // the scene point in the middle of the view
    int step = -1;                           // the step cursor; -1: the end
};

struct DocumentLimits {
    std::size_t maxFileBytes = 256u << 20;  // as the .bpg parser
    int maxDepth = 64;                      // JSON nesting; a document needs 6
    long maxMatrixEntries = 16'000'000;
    int maxNodes = 5'000'000;
    // JSON values of any kind (numbers, strings, lists...), counted while the text is parsed: a
    // document past it is refused before its tree (16 bytes and more a value) is built.
    long maxValues = 40'000'000;
};

// A document of the graph alone: no source text, the window lays it out and fits it in.
DocumentFile documentOf(Program program);

nlohmann::json documentToJson(const DocumentFile& document);
// The text of a document (or of documentToJson's output with keys added): one line per node and
// per position, so a document reads well and diffs well.
std::string documentText(const nlohmann::json& document);
std::string documentText(const DocumentFile& document);

// Validates everything and builds the graph through Graph::addOp (arity and shapes checked).
// Throws LoadError("FILE: error: ...") naming the node and field at fault; a document of a newer
// format version is refused as such.
DocumentFile documentFromJson(const nlohmann::json& json, const std::string& fileName,
                                const DocumentLimits& limits = {});
// Parses `text` (size and nesting limits first), then documentFromJson.
DocumentFile documentFromText(const std::string& text, const std::string& fileName,
                                const DocumentLimits& limits = {});
DocumentFile loadDocumentFile(const std::string& path, const DocumentLimits& limits = {});

// The nodes win: a "source" that does not parse, or parses to another graph than the nodes (a
// document edited by hand, or by another program), would make the Source panel show one graph
// while the canvas draws another, and a keystroke replace the graph. Such a source is moved to
// setAsideSource and its verdict recorded; a source that agrees stays.
void checkSource(DocumentFile& document);

}  // namespace bp
