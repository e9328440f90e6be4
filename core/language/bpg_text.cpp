// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/bpg_text.h"

#include "core/language/parser.h"

namespace bp {

bool sameProgram(const Program& a, const Program& b) {
    const Graph& ga = a.graph;
    const Graph& gb = b.graph;
    if (ga.size() != gb.size() || a.root != b.root || a.seed.rows() != b.seed.rows() ||
        a.seed.cols() != b.seed.cols() || a.seed != b.seed)
        return false;
    for (NodeId id = 0; id < ga.size(); ++id) {
        const Node& x = ga.node(id);
        const Node& y = gb.node(id);
        if (x.name() != y.name() || x.kind != y.kind || x.op != y.op || x.inputs != y.inputs || !(x.attrs() == y.attrs()) ||
            x.shape != y.shape || x.leafValue() != y.leafValue())
            return false;
    }
    return true;
}

std::string bpgTextFor(const Program& program, const std::string& source) {
    if (!source.empty()) {
        try {
            if (sameProgram(parseProgram(source, "source"), program)) return source;
        } catch (const std::exception&) {
            // The text no longer parses: the program is written out below.
        }
    }
    return writeProgram(program);
}

}  // namespace bp
