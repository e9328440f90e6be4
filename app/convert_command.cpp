// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/convert_command.h"

#include <cstdio>
#include <fstream>

#include "core/language/parser.h"

namespace bp::cli {

static bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

static int writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) {
        std::fprintf(stderr, "backprop-studio: cannot write '%s'\n", path.c_str());
        return 2;
    }
    return 0;
}

int convertProgram(const Program& program, const std::string& out) {
    if (endsWith(out, ".bpg")) return writeText(out, writeProgram(program));
    std::fprintf(stderr, "backprop-studio: convert writes .bpg, .json or .py, not '%s'\n", out.c_str());
    return 2;
}

}  // namespace bp::cli
