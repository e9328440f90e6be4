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
    for (NodeId in : node.inputs) inputs.push_back(graph.node(in).name());
    json j = {{"name", node.name()},
              {"label", node.label()},
              {"kind", kindName(node.kind)},
              {"op", node.isLeaf() ? std::string(kindName(node.kind)) : std::string(node.op->name)},
              {"inputs", std::move(inputs)}};
    if (node.isLeaf()) j["value"] = matrixToJson(node.leafValue());
    const OpAttrs defaults;
    json attrs = json::object();
    if (node.attrs().exponent != defaults.exponent) attrs["exponent"] = numberToJson(node.attrs().exponent);
    if (node.attrs().shape != defaults.shape) attrs["shape"] = {node.attrs().shape.rows, node.attrs().shape.cols};
    // The other attributes by their names ("axis", "slope", "min", "max", "classes"), for the ops that take them.
    for (int i = 0; !node.isLeaf() && i < node.op->attrCount; ++i) {
        const Attr attr = node.op->attrs[static_cast<std::size_t>(i)];
        if (attr == Attr::Exponent || attr == Attr::Rows || attr == Attr::Cols) continue;
        const double v = attrValue(node.attrs(), attr);
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

[[noreturn]] void fail(const std::string& file, Message said) { throw LoadError(file, std::move(said)); }

// "a string ("abc")", "a list", ... for messages; never the whole of a large value.
Message describe(const json& j) {
    switch (j.type()) {
    case json::value_t::null: return plain("null");
    case json::value_t::boolean: return plain(j.get<bool>() ? "true" : "false");
    case json::value_t::string: {
        std::string s = j.get<std::string>();
        if (s.size() > 40) s = s.substr(0, 37) + "...";
        return message("json-string", {compact(json(s))});
    }
    case json::value_t::array:
        return j.empty() ? message("json-empty-list")
                         : j.size() == 1 ? message("json-list-one") : message("json-list", {std::to_string(j.size())});
    case json::value_t::object: return message("json-object");
    case json::value_t::binary: return message("json-binary");
    case json::value_t::discarded: return message("json-nothing");
    case json::value_t::number_float: {
        const double v = j.get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
            return message("json-number-point", {compact(j), std::to_string(static_cast<long long>(v))});
        return message("json-number", {compact(j)});
    }
    default: return message("json-number", {compact(j)});
    }
}

// A name as messages show it, without its quotes (the sentences quote it), never very long.
std::string clip(const std::string& name) { return name.size() > 60 ? name.substr(0, 57) + "..." : name; }

// "FIELD: MESSAGE", the field (where) given as text or as a phrase.
Message at(Message where, Message said) {
    if (where.empty()) return said;
    return phrase("json-at", {std::move(where), std::move(said)});
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
                fail(file, message("json-too-deep", {std::to_string(maxDepth)}));
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

// Reads one document; `where` prefixes every message with the node or field at fault.
class DocumentReader {
public:
    DocumentReader(const std::string& file, const DocumentLimits& limits) : file_(file), limits_(limits) {}

    DocumentFile read(const json& j) {
        if (!j.is_object()) fail(file_, phrase("json-not-object", {describe(j)}));
        checkFormat(j);
        DocumentFile doc;
        readNodes(require(j, "nodes", Message{}), doc.program.graph);
        readRoot(j, doc.program);
        if (j.contains("source")) doc.source = string(j["source"], plain("\"source\""));
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

    [[noreturn]] void failAt(const Message& where, Message said) const { fail(file_, at(where, std::move(said))); }

    const json& require(const json& object, const char* key, const Message& where) const {
        if (!object.contains(key)) failAt(where, message("json-no-field", {key}));
        return object[key];
    }

    // The field `what` of node `where`: "node 3 ('c'): \"kind\"".
    static Message field(const Message& where, const char* what) { return at(where, plain(what)); }

    std::string string(const json& j, const Message& what) const {
        if (!j.is_string()) fail(file_, phrase("json-not-string", {what, describe(j)}));
        return j.get<std::string>();
    }

    double finite(const json& j, const Message& what) const {
        if (!j.is_number() || !std::isfinite(j.get<double>())) fail(file_, phrase("json-not-finite", {what, describe(j)}));
        return j.get<double>();
    }

    std::pair<double, double> point(const json& j, const Message& what) const {
        if (!j.is_array() || j.size() != 2) fail(file_, phrase("json-not-point", {what, describe(j)}));
        return {finite(j[0], phrase("json-item", {what, plain("0")})), finite(j[1], phrase("json-item", {what, plain("1")}))};
    }

    Matrix matrix(const json& j, const Message& what) const {
        if (j.is_array() && !j.empty() && j[0].is_array()) {
            const double entries = double(j.size()) * double(j[0].size());
            if (entries > double(limits_.maxMatrixEntries))
                fail(file_, phrase("json-matrix-too-large",
                                   {what, plain(std::to_string(j.size()) + "x" + std::to_string(j[0].size())),
                                    plain(std::to_string(limits_.maxMatrixEntries))}));
        }
        try {
            return matrixFromJson(j);
        } catch (const std::invalid_argument& e) {
            std::string text = e.what();
            if (text.size() > 200) text = text.substr(0, 197) + "...";
            fail(file_, at(what, plain(text)));
        }
    }

    void checkFormat(const json& j) const {
        if (!j.contains("format")) {
            const bool report = j.contains("nodes") && j.contains("root");
            fail(file_, message(report ? "json-no-format-report" : "json-no-format"));
        }
        if (j["format"] != kFormatName)
            fail(file_, phrase("json-other-format", {describe(j["format"]), plain(kFormatName)}));
        const json& version = require(j, "version", Message{});
        if (!version.is_number_integer()) fail(file_, phrase("json-version-not-whole", {describe(version)}));
        // The version is read before anything else: a newer writer may have changed any field.
        if (version.is_number_unsigned() ? version.get<unsigned long long>() > kDocumentVersion
                                         : version.get<long long>() > kDocumentVersion)
            fail(file_, message("json-newer-version", {compact(version), std::to_string(kDocumentVersion)}));
        if (version.get<long long>() < 1) fail(file_, message("json-no-such-version", {compact(version)}));
    }

    void readNodes(const json& nodes, Graph& graph) {
        if (!nodes.is_array()) fail(file_, phrase("json-nodes-not-list", {describe(nodes)}));
        if (nodes.empty()) fail(file_, message("json-nodes-empty"));
        if (nodes.size() > std::size_t(limits_.maxNodes))
            fail(file_, message("json-too-many-nodes", {std::to_string(nodes.size()), std::to_string(limits_.maxNodes)}));
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].is_object() && nodes[i].contains("name") && nodes[i]["name"].is_string())
                listedAt_.emplace(nodes[i]["name"].get<std::string>(), int(i) + 1);
        for (std::size_t i = 0; i < nodes.size(); ++i) readNode(nodes[i], int(i) + 1, graph);
    }

    void readNode(const json& j, int index, Graph& graph) {
        Message where = message("json-node", {std::to_string(index)});
        if (!j.is_object()) failAt(where, phrase("json-node-not-object", {describe(j)}));
        const std::string name = string(require(j, "name", where), field(where, "\"name\""));
        if (!isNodeName(name)) failAt(where, message("json-bad-name", {clip(name)}));
        where = message("json-node-named", {std::to_string(index), clip(name)});
        if (auto it = ids_.find(name); it != ids_.end())
            failAt(where, message("json-name-used", {clip(name), std::to_string(it->second + 1)}));

        const std::string kindText = string(require(j, "kind", where), field(where, "\"kind\""));
        NodeKind kind;
        if (kindText == "input") kind = NodeKind::Input;
        else if (kindText == "param") kind = NodeKind::Param;
        else if (kindText == "const") kind = NodeKind::Const;
        else if (kindText == "op") kind = NodeKind::Op;
        else failAt(where, message("json-bad-kind", {clip(kindText)}));

        NodeId id = kind == NodeKind::Op ? readOp(j, where, name, graph) : readLeaf(j, where, kind, name, graph);
        Node& node = graph.node(id);
        if (name[0] == '%') node.named = false;  // anonymous, as the parser leaves inner operations
        if (j.contains("label")) node.setLabel(string(j["label"], field(where, "\"label\"")));
        ids_.emplace(name, id);
    }

    NodeId readLeaf(const json& j, const Message& where, NodeKind kind, const std::string& name, Graph& graph) {
        if (j.contains("op") && j["op"] != kindName(kind))
            failAt(where, phrase("json-leaf-op", {plain(kindName(kind)), describe(j["op"])}));
        if (j.contains("inputs") && !(j["inputs"].is_array() && j["inputs"].empty()))
            failAt(where, message("json-leaf-inputs"));
        if (j.contains("attrs") && !(j["attrs"].is_object() && j["attrs"].empty()))
            failAt(where, message("json-leaf-attrs"));
        Matrix value = matrix(require(j, "value", where), field(where, "\"value\""));
        return graph.addLeaf(kind, std::move(value), name);
    }

    NodeId readOp(const json& j, const Message& where, const std::string& name, Graph& graph) {
        const std::string opName = string(require(j, "op", where), field(where, "\"op\""));
        const OpDef* op = findOp(opName);
        if (!op) {
            std::string known;
            for (const OpDef& def : allOps()) known += (known.empty() ? "" : ", ") + std::string(def.name);
            failAt(where, message("json-unknown-op", {clip(opName), known}));
        }
        if (j.contains("value")) failAt(where, message("json-op-value"));
        const json& inputs = require(j, "inputs", where);
        if (!inputs.is_array()) failAt(where, phrase("json-inputs-not-list", {describe(inputs)}));
        std::vector<NodeId> ids;
        for (const json& in : inputs) ids.push_back(inputId(in, where));
        const OpAttrs attrs = j.contains("attrs") ? readAttrs(j["attrs"], *op, where) : OpAttrs{};
        try {
            return graph.addOp(*op, std::move(ids), attrs, name);
        } catch (const GraphError& e) {
            failAt(where, e.said);
        }
    }

    NodeId inputId(const json& in, const Message& where) const {
        if (!in.is_string()) failAt(where, phrase("json-input-not-name", {describe(in)}));
        const std::string& name = in.get_ref<const std::string&>();
        if (auto it = ids_.find(name); it != ids_.end()) return it->second;
        if (auto it = listedAt_.find(name); it != listedAt_.end())
            failAt(where, message("json-input-later", {clip(name), std::to_string(it->second)}));
        failAt(where, message("json-input-unknown", {clip(name)}));
    }

    OpAttrs readAttrs(const json& j, const OpDef& op, const Message& where) const {
        if (!j.is_object()) failAt(where, phrase("json-attrs-not-object", {describe(j)}));
        OpAttrs attrs;
        for (const auto& [key, value] : j.items()) {
            if (key == "exponent") {
                attrs.exponent = finite(value, field(where, "\"attrs\".\"exponent\""));
            } else if (key == "shape") {
                if (!value.is_array() || value.size() != 2 || !value[0].is_number_integer() ||
                    !value[1].is_number_integer())
                    failAt(where, phrase("json-shape-not-pair", {describe(value)}));
                const long long rows = value[0].get<long long>(), cols = value[1].get<long long>();
                if (rows < 1 || cols < 1 || double(rows) * double(cols) > double(limits_.maxMatrixEntries))
                    failAt(where, message("json-not-a-shape", {compact(value), std::to_string(limits_.maxMatrixEntries)}));
                attrs.shape = {long(rows), long(cols)};
            } else if (const Attr attr = namedAttr(key); attr != Attr::None) {
                if (std::find(op.attrs.begin(), op.attrs.begin() + op.attrCount, attr) == op.attrs.begin() + op.attrCount)
                    failAt(where, message("json-attr-not-taken", {clip(std::string(op.name)), clip(key)}));
                const double v = finite(value, at(where, plain("\"attrs\".'" + clip(key) + "'")));
                if (attrIsWhole(attr) && !(v == std::floor(v) && std::abs(v) <= 1e9))
                    failAt(where, message("json-attr-not-whole", {clip(key), compact(value)}));
                setAttr(attrs, attr, v);
            } else {
                failAt(where, message("json-unknown-attr", {clip(key)}));
            }
        }
        return attrs;
    }

    void readRoot(const json& j, Program& program) const {
        const std::string root = string(require(j, "root", Message{}), plain("\"root\""));
        auto it = ids_.find(root);
        if (it == ids_.end()) fail(file_, message("json-root-unknown", {clip(root)}));
        program.root = it->second;
        const Node& node = program.graph.node(program.root);
        if (!j.contains("seed")) {
            if (node.shape != Shape{1, 1})
                fail(file_, message("json-root-needs-seed", {clip(root), shapeText(node.shape)}));
            program.seed = Matrix::Ones(1, 1);
            return;
        }
        program.seed = matrix(j["seed"], plain("\"seed\""));
        if (shapeOf(program.seed) != node.shape)
            fail(file_, message("json-seed-shape", {shapeText(shapeOf(program.seed)), clip(root), shapeText(node.shape)}));
    }

    void readPositions(const json& j, DocumentFile& doc) const {
        if (!j.is_object()) fail(file_, phrase("json-positions-not-object", {describe(j)}));
        for (const auto& [name, value] : j.items()) {
            if (!ids_.count(name)) fail(file_, message("json-position-unknown", {clip(name)}));
            doc.positions[name] = point(value, message("json-position-of", {clip(name)}));
        }
    }

    void readView(const json& j, DocumentFile& doc) const {
        if (!j.is_object()) fail(file_, phrase("json-view-not-object", {describe(j)}));
        doc.hasView = true;
        if (j.contains("zoom")) {
            doc.zoom = finite(j["zoom"], plain("\"view\".\"zoom\""));
            if (doc.zoom <= 0) fail(file_, message("json-zoom-not-positive", {compact(j["zoom"])}));
        }
        if (j.contains("center")) doc.center = point(j["center"], plain("\"view\".\"center\""));
    }

    int step(const json& j) const {
        if (!j.is_number_integer() || (j.is_number_unsigned() ? j.get<unsigned long long>() > INT_MAX
                                                               : j.get<long long>() < -1 || j.get<long long>() > INT_MAX))
            fail(file_, phrase("json-bad-step", {describe(j)}));
        return j.get<int>();
    }
};

}  // namespace

DocumentFile documentOf(Program program) {
    DocumentFile document;
    document.program = std::move(program);
    return document;
}

json documentToJson(const DocumentFile& document) {
    const Program& program = document.program;
    const Graph& graph = program.graph;
    json nodes = json::array();
    for (const Node& node : graph.nodes()) nodes.push_back(nodeToJson(graph, node));
    json j = {{"format", kFormatName}, {"version", kDocumentVersion}, {"nodes", std::move(nodes)}};
    if (program.root >= 0) j["root"] = graph.node(program.root).name();
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

std::string documentText(const DocumentFile& document) { return documentText(documentToJson(document)); }

DocumentFile documentFromJson(const json& json, const std::string& fileName, const DocumentLimits& limits) {
    DocumentFile document = DocumentReader(fileName, limits).read(json);
    checkSource(document);
    return document;
}

void checkSource(DocumentFile& document) {
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

DocumentFile documentFromText(const std::string& text, const std::string& fileName, const DocumentLimits& limits) {
    if (text.size() > limits.maxFileBytes)
        fail(fileName, message("file-too-large", {limitText(limits.maxFileBytes)}));
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) fail(fileName, message("file-empty"));
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
        fail(fileName, message("json-too-many-values", {std::to_string(limits.maxValues)}));
    } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number like 1E999999
        std::string detail = e.what();
        if (auto end = detail.find("] "); end != std::string::npos) detail.erase(0, end + 2);
        fail(fileName, message("json-invalid", {detail}));
    }
    return documentFromJson(j, fileName, limits);
}

DocumentFile loadDocumentFile(const std::string& path, const DocumentLimits& limits) {
    std::string text;
    try {
        text = readBoundedFile(path, limits.maxFileBytes);
    } catch (const FileReadError& e) {
        throw LoadError(path, e.said);
    }
    return documentFromText(text, path, limits);
}

}  // namespace bp
