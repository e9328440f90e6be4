// SPDX-License-Identifier: GPL-3.0-or-later
// The ONNX importer's driver: the file, the model's declarations (initializers, inputs), the
// nodes in a checked topological order, the root. The op-by-op mapping is in onnx_ops.cpp.
#include <climits>
#include "core/io/onnx_import.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <queue>

#include "core/io/onnx_context.h"
#include "core/io/onnx_ops.h"
#include "core/io/onnx_wire.h"
#include "core/text/bounded_file.h"

namespace bp {

namespace {

using namespace onnx_io;

class Importer {
public:
    explicit Importer(const OnnxLimits& limits) : state_(limits) {}
    Program run(const onnx::ModelProto& model);

private:
    ImportState state_;

    void declareInitializers(const onnx::GraphProto& g);
    void declareInputs(const onnx::GraphProto& g);
    void declare(TensorInfo tensor);
    const OnnxOp& checkNode(const onnx::NodeProto& node, int index) const;
    std::vector<int> topologicalOrder(const onnx::GraphProto& g) const;
    void makeLeaves(const onnx::GraphProto& g, const std::vector<int>& order);
    void build(const onnx::NodeProto& node, int index);
    Program finish(const onnx::GraphProto& g);
    void nameTheOutput(const TensorInfo& root);
};

// A root the exporter named "8" reads as `output`.
void Importer::nameTheOutput(const TensorInfo& root) {
    if (!isGeneratedName(root.onnxName) || !state_.names.take("output")) return;
    Node& node = state_.graph.node(root.node);
    const std::string before = node.name();
    state_.graph.rename(root.node, "output");
    node.setLabel("output");
    auto it = state_.originalNames.find(before);
    if (it == state_.originalNames.end()) return;
    std::string original = std::move(it->second);
    state_.originalNames.erase(it);
    state_.originalNames.emplace("output", std::move(original));
}

// ---- declarations ------------------------------------------------------------------------------

void Importer::declare(TensorInfo tensor) {
    if (tensor.onnxName.empty()) throw OnnxError(message("onnx-unnamed-tensor"));
    if (state_.tensors.count(tensor.onnxName)) throw OnnxError(phrase("onnx-declared-twice", {tensor.describe()}));
    std::string name = tensor.onnxName;
    state_.tensors.emplace(std::move(name), std::move(tensor));
}

void Importer::declareInitializers(const onnx::GraphProto& g) {
    if (g.sparse_initializer_size() > 0) throw OnnxError(message("onnx-sparse"));
    for (const onnx::TensorProto& init : g.initializer()) {
        TensorInfo t;
        t.onnxName = init.name();
        t.role = TensorInfo::Role::Initializer;
        t.value = readTensor(init, state_.limits, t.describe());
        t.dims = t.value->dims;
        t.leafKind = t.value->isFloat() ? NodeKind::Param : NodeKind::Const;  // a trainable weight is a float
        declare(std::move(t));
    }
}

// The dims a graph input declares; a symbolic dimension (a batch size "N") is taken as 1.
Dims declaredDims(const onnx::ValueInfoProto& v, const Message& what) {
    if (!v.type().has_tensor_type()) throw OnnxError(phrase("onnx-not-tensor", {what}));
    const onnx::TypeProto::Tensor& type = v.type().tensor_type();
    if (!type.has_shape()) throw OnnxError(phrase("onnx-no-shape", {what}));
    if (static_cast<std::size_t>(type.shape().dim_size()) > kMaxRank) throw OnnxError(phrase("onnx-too-many-dims", {what}));
    Dims dims;
    for (const auto& d : type.shape().dim()) dims.push_back(d.has_dim_value() ? static_cast<long>(d.dim_value()) : 1);
    return dims;
}

void Importer::declareInputs(const onnx::GraphProto& g) {
    for (const onnx::ValueInfoProto& in : g.input()) {
        auto known = state_.tensors.find(in.name());
        if (known != state_.tensors.end() && known->second.role == TensorInfo::Role::Initializer)
            continue;  // before IR version 4 every initializer was listed as an input too
        TensorInfo t;
        t.onnxName = in.name();
        t.role = TensorInfo::Role::Input;
        t.dims = declaredDims(in, t.describe());
        entryCount(t.dims, state_.limits.maxTensorEntries, t.describe());
        declare(std::move(t));
    }
}

// ---- nodes -------------------------------------------------------------------------------------

bool listed(std::string_view list, const std::string& word) {
    while (!list.empty()) {
        const std::size_t space = list.find(' ');
        if (list.substr(0, space) == word) return true;
        list = space == std::string_view::npos ? std::string_view{} : list.substr(space + 1);
    }
    return false;
}

// The ops of convolutional networks, which need tensors of more than two dimensions.
bool isImageOp(std::string_view type) {
    for (std::string_view op : {"Conv", "ConvTranspose", "ConvInteger", "MaxPool", "AveragePool", "GlobalAveragePool",
                                "GlobalMaxPool", "LpPool", "GlobalLpPool", "MaxUnpool", "MaxRoiPool", "RoiAlign", "LRN",
                                "InstanceNormalization", "Resize", "Upsample", "SpaceToDepth", "DepthToSpace", "Col2Im"})
        if (type == op) return true;
    return false;
}

// The node's op is one we know, with the inputs, outputs and attributes it may have.
const OnnxOp& Importer::checkNode(const onnx::NodeProto& node, int index) const {
    const Message where = nodeRef(node, index);
    const bool defaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
    const OnnxOp* row = defaultDomain ? findOnnxOp(node.op_type()) : nullptr;
    if (!row && defaultDomain && isImageOp(node.op_type()))
        throw OnnxError(phrase("onnx-image-op", {plain(node.op_type()), where}));
    if (!row)
        throw OnnxError(phrase("onnx-unsupported-op",
                               {plain(defaultDomain ? node.op_type() : node.domain() + "::" + node.op_type()), where,
                                plain(knownOnnxOps())}));
    const Message what = phrase("onnx-op-node", {plain(node.op_type()), where});
    if (node.input_size() < row->minInputs || node.input_size() > row->maxInputs)
        throw OnnxError(phrase(node.input_size() == 1 ? "onnx-input-count-one" : "onnx-input-count",
                               {what, plain(std::to_string(node.input_size())), plain(node.op_type()),
                                row->maxInputs > row->minInputs
                                    ? message("onnx-count-range", {std::to_string(row->minInputs), std::to_string(row->maxInputs)})
                                    : plain(std::to_string(row->minInputs))}));
    for (int i = 0; i < row->minInputs; ++i)
        if (node.input(i).empty()) throw OnnxError(phrase("onnx-lacks-input", {what, plain(std::to_string(i))}));
    if (node.output_size() < 1 || node.output_size() > row->maxOutputs || node.output(0).empty())
        throw OnnxError(row->maxOutputs == 1
                            ? phrase("onnx-one-output", {what, plain(std::to_string(node.output_size()))})
                            : phrase("onnx-outputs", {what, plain(std::to_string(row->maxOutputs)),
                                                      plain(std::to_string(node.output_size()))}));
    for (int i = 0; i < node.attribute_size(); ++i) {
        const std::string& name = node.attribute(i).name();
        if (!listed(row->attributes, name))
            throw OnnxError(phrase("onnx-at", {what, message("onnx-attr-unsupported", {name, node.op_type()})}));
        for (int j = 0; j < i; ++j)
            if (node.attribute(j).name() == name)
                throw OnnxError(phrase("onnx-at", {what, message("onnx-attr-twice", {name})}));
    }
    return *row;
}

// Kahn's algorithm, taking the earliest ready node first, so a sorted file keeps its order.
// Refuses an input nothing defines, a tensor defined twice, and a cycle.
std::vector<int> Importer::topologicalOrder(const onnx::GraphProto& g) const {
    const int n = g.node_size();
    std::unordered_map<std::string, int> producer;
    for (int i = 0; i < n; ++i) {
        const std::string& out = g.node(i).output(0);
        if (state_.tensors.count(out) || !producer.emplace(out, i).second)
            throw OnnxError(phrase("onnx-defined-twice", {nodeRef(g.node(i), i), plain(out)}));
    }
    std::vector<int> waiting(static_cast<std::size_t>(n), 0);
    std::vector<std::vector<int>> consumers(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        for (const std::string& in : g.node(i).input()) {
            if (in.empty() || state_.tensors.count(in)) continue;
            auto p = producer.find(in);
            if (p == producer.end())
                throw OnnxError(phrase("onnx-undefined-input", {nodeRef(g.node(i), i), plain(in)}));
            consumers[static_cast<std::size_t>(p->second)].push_back(i);
            ++waiting[static_cast<std::size_t>(i)];
        }
    }
    std::priority_queue<int, std::vector<int>, std::greater<>> ready;
    for (int i = 0; i < n; ++i)
        if (waiting[static_cast<std::size_t>(i)] == 0) ready.push(i);
    std::vector<int> order;
    while (!ready.empty()) {
        const int i = ready.top();
        ready.pop();
        order.push_back(i);
        for (int c : consumers[static_cast<std::size_t>(i)])
            if (--waiting[static_cast<std::size_t>(c)] == 0) ready.push(c);
    }
    if (static_cast<int>(order.size()) < n) {
        // Every node left waits for a producer that is left too: walking back from one, the first
        // node met twice is on a cycle.
        int stuck = 0;
        while (waiting[static_cast<std::size_t>(stuck)] == 0) ++stuck;
        std::vector<bool> met(static_cast<std::size_t>(n), false);
        while (!met[static_cast<std::size_t>(stuck)]) {
            met[static_cast<std::size_t>(stuck)] = true;
            for (const std::string& in : g.node(stuck).input()) {
                auto p = producer.find(in);
                if (p != producer.end() && waiting[static_cast<std::size_t>(p->second)] > 0) {
                    stuck = p->second;
                    break;
                }
            }
        }
        throw OnnxError(phrase("onnx-cycle", {nodeRef(g.node(stuck), stuck)}));
    }
    return order;
}

// The leaves come first, as in a .bpg file: every graph input, then the initializers that flow
// into the graph, in the file's order. Initializers read only at load time (a target shape, an
// exponent) are no nodes. A Constant's leaf is made where it is first used.
void Importer::makeLeaves(const onnx::GraphProto& g, const std::vector<int>& order) {
    std::unordered_map<std::string, bool> flows;
    for (int i : order) {
        const onnx::NodeProto& node = g.node(i);
        const OnnxOp& row = *findOnnxOp(node.op_type());
        for (int slot = 0; slot < node.input_size(); ++slot) {
            if (row.valueSlots >> slot & 1u) flows[node.input(slot)] = true;
            auto it = state_.tensors.find(node.input(slot));
            if ((row.statisticSlots >> slot & 1u) && it != state_.tensors.end() &&
                it->second.role == TensorInfo::Role::Initializer)
                it->second.leafKind = NodeKind::Const;
        }
    }
    if (g.output_size() > 0) flows[g.output(0).name()] = true;
    for (const onnx::ValueInfoProto& in : g.input()) {
        TensorInfo& t = state_.tensors.at(in.name());
        if (t.role == TensorInfo::Role::Input) state_.materialize(t);
    }
    for (const onnx::TensorProto& init : g.initializer())
        if (flows.count(init.name())) state_.materialize(state_.tensors.at(init.name()));
}

void Importer::build(const onnx::NodeProto& node, int index) {
    const OnnxOp& row = *findOnnxOp(node.op_type());
    // Every value input is a matrix with entries before a builder reads its dims.
    for (int slot = 0; slot < node.input_size(); ++slot)
        if ((row.valueSlots >> slot & 1u) && !node.input(slot).empty()) state_.materialize(state_.tensors.at(node.input(slot)));
    OpContext context(state_, node, index);
    TensorInfo out = row.build(context);
    declare(std::move(out));
}

// The root is the first output, seeded with ones: ONNX has no loss, so this is the backward
// pass of output.backward(torch.ones_like(output)).
Program Importer::finish(const onnx::GraphProto& g) {
    if (g.output_size() == 0) throw OnnxError(message("onnx-no-outputs"));
    const onnx::ValueInfoProto& declared = g.output(0);
    auto it = state_.tensors.find(declared.name());
    if (it == state_.tensors.end())
        throw OnnxError(message("onnx-output-not-computed", {declared.name()}));
    TensorInfo& root = it->second;
    const NodeId rootNode = state_.materialize(root);
    const auto& type = declared.type().tensor_type();
    if (declared.type().has_tensor_type() && type.has_shape()) {
        bool same = type.shape().dim_size() == static_cast<int>(root.dims.size());
        for (int i = 0; same && i < type.shape().dim_size(); ++i)
            same = !type.shape().dim(i).has_dim_value() || type.shape().dim(i).dim_value() == root.dims[static_cast<std::size_t>(i)];
        if (!same)
            throw OnnxError(message("onnx-output-dims", {declared.name(), dimsText(root.dims)}));
    }
    nameTheOutput(root);
    Program program;
    program.graph = std::move(state_.graph);
    program.root = rootNode;
    program.originalNames = std::move(state_.originalNames);
    const Shape s = program.graph.node(rootNode).shape;
    program.seed = Matrix::Ones(s.rows, s.cols);
    return program;
}

int defaultOpset(const onnx::ModelProto& model) {
    long long version = 0;
    for (const onnx::OperatorSetIdProto& o : model.opset_import())
        if (o.domain().empty() || o.domain() == "ai.onnx") version = std::max<long long>(version, o.version());
    return static_cast<int>(std::min<long long>(version, INT_MAX));
}

Program Importer::run(const onnx::ModelProto& model) {
    const onnx::GraphProto& g = model.graph();
    if (g.node_size() > state_.limits.maxNodes)
        throw OnnxError(message("onnx-too-many-nodes", {std::to_string(g.node_size()), std::to_string(state_.limits.maxNodes)}));
    for (int i = 0; i < g.node_size(); ++i) checkNode(g.node(i), i);
    declareInitializers(g);
    declareInputs(g);
    const std::vector<int> order = topologicalOrder(g);
    makeLeaves(g, order);
    for (int i : order) build(g.node(i), i);
    Program program = finish(g);
    program.onnxOpset = defaultOpset(model);
    return program;
}

}  // namespace

Program importOnnxBytes(const std::string& bytes, const std::string& fileName, const OnnxLimits& limits) {
    try {
        return Importer(limits).run(parseModel(bytes, limits));
    } catch (const MessageError& e) {  // OnnxError, GraphError
        throw LoadError(fileName, e.said);
    } catch (const std::bad_alloc&) {
        throw LoadError(fileName, message("not-enough-memory-model"));
    }
}

Program importOnnxFile(const std::string& path, const OnnxLimits& limits) {
    std::string bytes;
    try {
        bytes = readBoundedFile(path, limits.maxFileBytes);
    } catch (const FileReadError& e) {
        throw LoadError(path, e.said);
    }
    return importOnnxBytes(bytes, path, limits);
}

}  // namespace bp
