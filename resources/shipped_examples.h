// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The examples shipped inside the program (resources/examples/*.bpg, compiled in as text by
// resources/CMakeLists.txt). No Qt: the command line and the window read the same table.
#include <string>
#include <vector>

namespace bp {

struct Example {
    std::string name;     // "mlp-1-2-2"
    std::string summary;  // the first comment line
    std::string source;   // the .bpg text
};

// In the order a lecture goes in.
const std::vector<Example>& shippedExamples();
const Example* findExample(const std::string& name);
inline const char* defaultExampleName() { return "mlp-1-2-2"; }

}  // namespace bp
