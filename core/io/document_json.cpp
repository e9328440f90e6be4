// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing the JSON document. The file is untrusted: it is size-capped and its nesting
// checked before it is parsed (nlohmann's dump recurses, and messages quote values), and every
// field is checked for its type and meaning before a node is built. The graph itself is built
// through Graph::addOp, so arity and shapes are checked by the same rules as for .bpg text.
#include "core/io/document_json.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unordered_map>

#include "core/io/json_report.h"
#include "core/io/load_program.h"
#include "core/language/bpg_text.h"
#include "core/language/name_characters.h"
#include "core/language/lexer.h"
#include "core/language/parser.h"
#include "core/text/bounded_file.h"
#include "core/ops/op_table.h"

namespace bp {

using nlohmann::json;

namespace {

constexpr const char* kFormatName = "backprop-studio";

// ---- writing ---------------------------------------------------------------------------------

json pointToJson(double x, double y) { return json::array({numberToJson(x), numberToJson(y)}); }

json nodeToJson(const Graph& graph, const Node& node) {
    json inputs = json::array();
    for (NodeId in : node.inputs) inputs.push_back(graph.node(in).name);
    json j = {{"name", node.name},
              {"label", node.label},
              {"kind", kindName(node.kind)},
              {"op", node.isLeaf() ? std::string(kindName(node.kind)) : std::string(node.op->name)},
              {"inputs", std::move(inputs)}};
    if (node.isLeaf()) j["value"] = matrixToJson(node.leafValue);
    const OpAttrs defaults;
    json attrs = json::object();
    if (node.attrs.exponent != defaults.exponent) attrs["exponent"] = numberToJson(node.attrs.exponent);
    if (node.attrs.shape != defaults.shape) attrs["shape"] = {node.attrs.shape.rows, node.attrs.shape.cols};
    // The other attributes by their names ("axis", "slope", "min", "max", "classes"), for the ops that take them.
    for (int i = 0; !node.isLeaf() && i < node.op->attrCount; ++i) {
        const Attr attr = node.op->attrs[static_cast<std::size_t>(i)];
        if (attr == Attr::Exponent || attr == Attr::Rows || attr == Attr::Cols) continue;
        const double v = attrValue(node.attrs, attr);
        attrs[std::string(attrName(attr))] = attrIsWhole(attr) ? json(static_cast<long long>(v)) : numberToJson(v);
    }
    if (!attrs.empty()) j["attrs"] = std::move(attrs);
    return j;
}

// Invalid UTF-8 (a Latin-1 comment in the source, a byte in an ONNX name) is written as U+FFFD
// rather than refused: the document must always be writable.
std::string compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// ---- reading ---------------------------------------------------------------------------------

// The attribute a document's "attrs" key names, besides exponent and shape; None if none.
Attr namedAttr(const std::string& key) {
    for (Attr a : {Attr::Slope, Attr::Low, Attr::High, Attr::Axis, Attr::Classes, Attr::RowStart, Attr::RowStop,
                   Attr::ColStart, Attr::ColStop})
        if (attrName(a) == key) return a;
    return Attr::None;
}

[[noreturn]] void fail(const std::string& file, const std::string& text) {
    throw LoadError(file, plain(text));
}

// "a string ("abc")", "a list", ... for messages; never the whole of a large value.
std::string describe(const json& j) {
    switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return j.get<bool>() ? "true" : "false";
    case json::value_t::string: {
        std::string s = j.get<std::string>();
        if (s.size() > 40) s = s.substr(0, 37) + "...";
        return "the string " + compact(json(s));
    }
    case json::value_t::array:
        return j.empty() ? "an empty list"
                         : "a list of " + std::to_string(j.size()) + (j.size() == 1 ? " item" : " items");
    case json::value_t::object: return "an object";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    case json::value_t::number_float: {
        const double v = j.get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
            return "the number " + compact(j) + " (written with a decimal point; a whole number is written " +
                   std::to_string(static_cast<long long>(v)) + ")";
        return "the number " + compact(j);
    }
    default: return "the number " + compact(j);
    }
}

std::string quote(const std::string& name) {
    std::string s = name.size() > 60 ? name.substr(0, 57) + "..." : name;
    return "'" + s + "'";
}

bool isNodeName(const std::string& name) {
    if (name.size() >= 2 && name[0] == '%')
        return name.find_first_not_of("0123456789", 1) == std::string::npos;
    return isNameText(name) && !isKeyword(name);
}

// Deeper nesting than a document needs is refused before parsing: values are quoted in messages
// and nlohmann's dump recurses.
void checkNesting(const std::string& text, const std::string& file, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                fail(file, "not a Backprop Studio document: lists and objects are nested more than " +
                               std::to_string(maxDepth) + " deep");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

// Reads one document; `where` prefixes every message with the node or field at fault.
class DocumentReader {
public:
    DocumentReader(const std::string& file, const DocumentLimits& limits) : file_(file), limits_(limits) {}

    StudioDocument read(const json& j) {
        if (!j.is_object()) fail(file_, "not a Backprop Studio document: it holds " + describe(j) + ", not an object");
        checkFormat(j);
        StudioDocument doc;
        readNodes(require(j, "nodes", ""), doc.program.graph);
        readRoot(j, doc.program);
        if (j.contains("source")) doc.source = string(j["source"], "\"source\"");
        if (j.contains("positions")) readPositions(j["positions"], doc);
        if (j.contains("view")) readView(j["view"], doc);
        if (j.contains("step")) doc.step = step(j["step"]);
        return doc;
    }

private:
    const std::string& file_;
    const DocumentLimits& limits_;
    std::unordered_map<std::string, NodeId> ids_;    // names of the nodes built so far
    std::unordered_map<std::string, int> listedAt_;  // every name in "nodes", 1-based position

    [[noreturn]] void failAt(const std::string& where, const std::string& message) const {
        fail(file_, where.empty() ? message : where + ": " + message);
    }

    const json& require(const json& object, const char* key, const std::string& where) const {
        if (!object.contains(key)) failAt(where, std::string("no \"") + key + "\" field");
        return object[key];
    }

    std::string string(const json& j, const std::string& what) const {
        if (!j.is_string()) fail(file_, what + " must be a string, not " + describe(j));
        return j.get<std::string>();
    }

    double finite(const json& j, const std::string& what) const {
        if (!j.is_number() || !std::isfinite(j.get<double>()))
            fail(file_, what + " must be a finite number, not " + describe(j));
        return j.get<double>();
    }

    std::pair<double, double> point(const json& j, const std::string& what) const {
        if (!j.is_array() || j.size() != 2) fail(file_, what + " must be a list [x, y], not " + describe(j));
        return {finite(j[0], what + "[0]"), finite(j[1], what + "[1]")};
    }

    Matrix matrix(const json& j, const std::string& what) const {
        if (j.is_array() && !j.empty() && j[0].is_array()) {
            const double entries = double(j.size()) * double(j[0].size());
            if (entries > double(limits_.maxMatrixEntries))
                fail(file_, what + " has " + std::to_string(j.size()) + "x" + std::to_string(j[0].size()) +
                                " entries, more than the limit of " + std::to_string(limits_.maxMatrixEntries));
        }
        try {
            return matrixFromJson(j);
        } catch (const std::invalid_argument& e) {
            std::string message = e.what();
            if (message.size() > 200) message = message.substr(0, 197) + "...";
            fail(file_, what + ": " + message);
        }
    }

    void checkFormat(const json& j) const {
        if (!j.contains("format")) {
            const bool report = j.contains("nodes") && j.contains("root");
            fail(file_, std::string("not a Backprop Studio document: no \"format\" field") +
                            (report ? " (the --json output of 'eval' is a report, not a document; "
                                      "'backprop-studio convert FILE -o OUT.json' writes a document)"
                                    : ""));
        }
        if (j["format"] != kFormatName)
            fail(file_, "not a Backprop Studio document: \"format\" is " + describe(j["format"]) + ", expected \"" +
                            kFormatName + "\"");
        const json& version = require(j, "version", "");
        if (!version.is_number_integer())
            fail(file_, "\"version\" must be a whole number, not " + describe(version));
        // The version is read before anything else: a newer writer may have changed any field.
        if (version.is_number_unsigned() ? version.get<unsigned long long>() > kDocumentVersion
                                         : version.get<long long>() > kDocumentVersion)
            fail(file_, "written by a newer Backprop Studio (format version " + compact(version) +
                            "); this one reads up to version " + std::to_string(kDocumentVersion));
        if (version.get<long long>() < 1)
            fail(file_, "format version " + compact(version) + " does not exist (versions start at 1)");
    }

    void readNodes(const json& nodes, Graph& graph) {
        if (!nodes.is_array()) fail(file_, "\"nodes\" must be a list of nodes, not " + describe(nodes));
        if (nodes.empty()) fail(file_, "\"nodes\" is empty: a document has at least one node");
        if (nodes.size() > std::size_t(limits_.maxNodes))
            fail(file_, "\"nodes\" lists " + std::to_string(nodes.size()) + " nodes, more than the limit of " +
                            std::to_string(limits_.maxNodes));
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].is_object() && nodes[i].contains("name") && nodes[i]["name"].is_string())
                listedAt_.emplace(nodes[i]["name"].get<std::string>(), int(i) + 1);
        for (std::size_t i = 0; i < nodes.size(); ++i) readNode(nodes[i], int(i) + 1, graph);
    }

    void readNode(const json& j, int index, Graph& graph) {
        std::string where = "node " + std::to_string(index);
        if (!j.is_object()) failAt(where, "must be an object, not " + describe(j));
        const std::string name = string(require(j, "name", where), where + ": \"name\"");
        if (!isNodeName(name))
            failAt(where, quote(name) + " is not a node name (letters, Chinese too, digits and _, not starting with a "
                                        "digit, not a keyword; or %N for an anonymous node)");
        where += " (" + quote(name) + ")";
        if (auto it = ids_.find(name); it != ids_.end())
            failAt(where, "the name " + quote(name) + " is already used by node " + std::to_string(it->second + 1));

        const std::string kindText = string(require(j, "kind", where), where + ": \"kind\"");
        NodeKind kind;
        if (kindText == "input") kind = NodeKind::Input;
        else if (kindText == "param") kind = NodeKind::Param;
        else if (kindText == "const") kind = NodeKind::Const;
        else if (kindText == "op") kind = NodeKind::Op;
        else failAt(where, "\"kind\" is " + quote(kindText) + "; it is one of input, param, const, op");

        NodeId id = kind == NodeKind::Op ? readOp(j, where, name, graph) : readLeaf(j, where, kind, name, graph);
        Node& node = graph.node(id);
        if (name[0] == '%') node.named = false;  // anonymous, as the parser leaves inner operations
        if (j.contains("label")) node.label = string(j["label"], where + ": \"label\"");
        ids_.emplace(name, id);
    }

    NodeId readLeaf(const json& j, const std::string& where, NodeKind kind, const std::string& name, Graph& graph) {
        if (j.contains("op") && j["op"] != kindName(kind))
            failAt(where, std::string("a leaf of kind '") + kindName(kind) + "' has \"op\": \"" + kindName(kind) +
                              "\" or none, not " + describe(j["op"]));
        if (j.contains("inputs") && !(j["inputs"].is_array() && j["inputs"].empty()))
            failAt(where, "a leaf (input, param, const) has no inputs");
        if (j.contains("attrs") && !(j["attrs"].is_object() && j["attrs"].empty()))
            failAt(where, "a leaf (input, param, const) has no \"attrs\"");
        Matrix value = matrix(require(j, "value", where), where + ": \"value\"");
        return graph.addLeaf(kind, std::move(value), name);
    }

    NodeId readOp(const json& j, const std::string& where, const std::string& name, Graph& graph) {
        const std::string opName = string(require(j, "op", where), where + ": \"op\"");
        const OpDef* op = findOp(opName);
        if (!op) {
            std::string known;
            for (const OpDef& def : allOps()) known += (known.empty() ? "" : ", ") + std::string(def.name);
            failAt(where, "unknown op " + quote(opName) + " (known: " + known + ")");
        }
        if (j.contains("value"))
            failAt(where, "an op has no \"value\" in the document: it is computed from its inputs");
        const json& inputs = require(j, "inputs", where);
        if (!inputs.is_array()) failAt(where, "\"inputs\" must be a list of node names, not " + describe(inputs));
        std::vector<NodeId> ids;
        for (const json& in : inputs) ids.push_back(inputId(in, where));
        const OpAttrs attrs = j.contains("attrs") ? readAttrs(j["attrs"], *op, where) : OpAttrs{};
        try {
            return graph.addOp(*op, std::move(ids), attrs, name);
        } catch (const GraphError& e) {
            failAt(where, e.what());
        }
    }

    NodeId inputId(const json& in, const std::string& where) const {
        if (!in.is_string()) failAt(where, "\"inputs\" must list node names, not " + describe(in));
        const std::string& name = in.get_ref<const std::string&>();
        if (auto it = ids_.find(name); it != ids_.end()) return it->second;
        if (auto it = listedAt_.find(name); it != listedAt_.end())
            failAt(where, "input " + quote(name) + " is node " + std::to_string(it->second) +
                              ", listed after this one; an op comes after its inputs");
        failAt(where, "input " + quote(name) + " is not a node of the document");
    }

    OpAttrs readAttrs(const json& j, const OpDef& op, const std::string& where) const {
        if (!j.is_object()) failAt(where, "\"attrs\" must be an object, not " + describe(j));
        OpAttrs attrs;
        for (const auto& [key, value] : j.items()) {
            if (key == "exponent") {
                attrs.exponent = finite(value, where + ": \"attrs\".\"exponent\"");
            } else if (key == "shape") {
                if (!value.is_array() || value.size() != 2 || !value[0].is_number_integer() ||
                    !value[1].is_number_integer())
                    failAt(where, "\"attrs\".\"shape\" must be [rows, cols], not " + describe(value));
                const long long rows = value[0].get<long long>(), cols = value[1].get<long long>();
                if (rows < 1 || cols < 1 || double(rows) * double(cols) > double(limits_.maxMatrixEntries))
                    failAt(where, "\"attrs\".\"shape\" " + compact(value) + " is not a shape (at least 1x1, at most " +
                                      std::to_string(limits_.maxMatrixEntries) + " entries)");
                attrs.shape = {long(rows), long(cols)};
            } else if (const Attr attr = namedAttr(key); attr != Attr::None) {
                if (std::find(op.attrs.begin(), op.attrs.begin() + op.attrCount, attr) == op.attrs.begin() + op.attrCount)
                    failAt(where, "the op " + quote(std::string(op.name)) + " takes no attribute " + quote(key));
                const double v = finite(value, where + ": \"attrs\"." + quote(key));
                if (attrIsWhole(attr) && !(v == std::floor(v) && std::abs(v) <= 1e9))
                    failAt(where, "\"attrs\"." + quote(key) + " must be a whole number, not " + compact(value));
                setAttr(attrs, attr, v);
            } else {
                failAt(where, "unknown attribute " + quote(key) +
                                  " in \"attrs\" (known: exponent, shape, slope, min, max, axis, classes)");
            }
        }
        return attrs;
    }

    void readRoot(const json& j, Program& program) const {
        const std::string root = string(require(j, "root", ""), "\"root\"");
        auto it = ids_.find(root);
        if (it == ids_.end()) fail(file_, "\"root\" is " + quote(root) + ", which is not a node of the document");
        program.root = it->second;
        const Node& node = program.graph.node(program.root);
        if (!j.contains("seed")) {
            if (node.shape != Shape{1, 1})
                fail(file_, "the root " + quote(root) + " is " + shapeText(node.shape) +
                                ", so the document needs a \"seed\" of that shape");
            program.seed = Matrix::Ones(1, 1);
            return;
        }
        program.seed = matrix(j["seed"], "\"seed\"");
        if (shapeOf(program.seed) != node.shape)
            fail(file_, "\"seed\" is " + shapeText(shapeOf(program.seed)) + " but the root " + quote(root) + " is " +
                            shapeText(node.shape));
    }

    void readPositions(const json& j, StudioDocument& doc) const {
        if (!j.is_object()) fail(file_, "\"positions\" must be an object {name: [x, y]}, not " + describe(j));
        for (const auto& [name, value] : j.items()) {
            if (!ids_.count(name)) fail(file_, "\"positions\" places " + quote(name) + ", which is not a node");
            doc.positions[name] = point(value, "the position of " + quote(name));
        }
    }

    void readView(const json& j, StudioDocument& doc) const {
        if (!j.is_object()) fail(file_, "\"view\" must be an object {\"zoom\", \"center\"}, not " + describe(j));
        doc.hasView = true;
        if (j.contains("zoom")) {
            doc.zoom = finite(j["zoom"], "\"view\".\"zoom\"");
            if (doc.zoom <= 0) fail(file_, "\"view\".\"zoom\" must be greater than 0, not " + compact(j["zoom"]));
        }
        if (j.contains("center")) doc.center = point(j["center"], "\"view\".\"center\"");
    }

    int step(const json& j) const {
        if (!j.is_number_integer() || (j.is_number_unsigned() ? j.get<unsigned long long>() > INT_MAX
                                                               : j.get<long long>() < -1 || j.get<long long>() > INT_MAX))
            fail(file_, "\"step\" must be a whole number from -1 (the end) up, not " + describe(j));
        return j.get<int>();
    }
};

}  // namespace

StudioDocument documentOf(Program program) {
    StudioDocument document;
    document.program = std::move(program);
    return document;
}

json documentToJson(const StudioDocument& document) {
    const Program& program = document.program;
    const Graph& graph = program.graph;
    json nodes = json::array();
    for (const Node& node : graph.nodes()) nodes.push_back(nodeToJson(graph, node));
    json j = {{"format", kFormatName}, {"version", kDocumentVersion}, {"nodes", std::move(nodes)}};
    if (program.root >= 0) j["root"] = graph.node(program.root).name;
    if (program.seed.size() > 0) j["seed"] = matrixToJson(program.seed);
    j["source"] = document.source;
    json positions = json::object();
    for (const auto& [name, p] : document.positions)
        if (std::isfinite(p.first) && std::isfinite(p.second)) positions[name] = pointToJson(p.first, p.second);
    j["positions"] = std::move(positions);
    if (document.hasView)
        j["view"] = {{"zoom", numberToJson(document.zoom)},
                     {"center", pointToJson(document.center.first, document.center.second)}};
    j["step"] = document.step;
    return j;
}

std::string documentText(const json& document) {
    // Small fields first, then the long lists one entry per line, then anything else.
    static const char* const kOrder[] = {"format", "version", "root", "seed", "step", "view", "nodes", "positions", "source"};
    std::vector<std::string> keys(std::begin(kOrder), std::end(kOrder));
    for (const auto& [key, value] : document.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    std::string out = "{";
    bool first = true;
    for (const std::string& key : keys) {
        if (!document.contains(key)) continue;
        const json& value = document[key];
        out += first ? "\n " : ",\n ";
        first = false;
        out += compact(json(key)) + ": ";
        const bool oneLineEach = (key == "nodes" || key == "positions") && !value.empty() && value.is_structured();
        if (!oneLineEach) {
            out += compact(value);
            continue;
        }
        out += value.is_array() ? "[" : "{";
        bool firstEntry = true;
        for (const auto& [entryKey, entry] : value.items()) {
            out += firstEntry ? "\n  " : ",\n  ";
            firstEntry = false;
            if (value.is_object()) out += compact(json(entryKey)) + ": ";
            out += compact(entry);
        }
        out += value.is_array() ? "\n ]" : "\n }";
    }
    out += "\n}\n";
    return out;
}

std::string documentText(const StudioDocument& document) { return documentText(documentToJson(document)); }

StudioDocument documentFromJson(const json& json, const std::string& fileName, const DocumentLimits& limits) {
    StudioDocument document = DocumentReader(fileName, limits).read(json);
    checkSource(document);
    return document;
}

void checkSource(StudioDocument& document) {
    if (document.source.empty()) return;
    try {
        if (sameProgram(parseProgram(document.source, "source"), document.program)) return;
        document.sourceVerdict = SourceVerdict::DescribesAnotherGraph;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {
        document.sourceVerdict = SourceVerdict::DoesNotParse;
    }
    document.setAsideSource = std::move(document.source);
    document.source.clear();
}

StudioDocument documentFromText(const std::string& text, const std::string& fileName, const DocumentLimits& limits) {
    if (text.size() > limits.maxFileBytes)
        fail(fileName, "the file is larger than the limit of " + limitText(limits.maxFileBytes));
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) fail(fileName, "the file is empty");
    checkNesting(text, fileName, limits.maxDepth);
    nlohmann::json j;
    struct TooManyValues {};
    long values = 0;
    const auto countValues = [&](int, json::parse_event_t event, json&) {
        if (event == json::parse_event_t::value && ++values > limits.maxValues) throw TooManyValues{};
        return true;
    };
    try {
        j = nlohmann::json::parse(text, countValues);
    } catch (const TooManyValues&) {
        fail(fileName, "the document holds more than " + std::to_string(limits.maxValues) +
                           " JSON values (numbers, strings, lists), the limit");
    } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number like 1E999999
        std::string message = e.what();
        if (auto end = message.find("] "); end != std::string::npos) message.erase(0, end + 2);
        fail(fileName, "not valid JSON: " + message);
    }
    return documentFromJson(j, fileName, limits);
}

StudioDocument loadDocumentFile(const std::string& path, const DocumentLimits& limits) {
    std::string text;
    try {
        text = readBoundedFile(path, limits.maxFileBytes);
    } catch (const FileReadError& e) {
        throw LoadError(path, e.said);
    }
    return documentFromText(text, path, limits);
}

}  // namespace bp
