// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The examples shipped inside the program (resources/examples/*.bpg, compiled in as Qt resources).
#include <string>
#include <vector>

namespace bp {

struct Example {
    std::string name;     // "mlp-1-2-2"
    std::string summary;  // the first comment line
    std::string source;   // the .bpg text
};

const std::vector<Example>& shippedExamples();
const Example* findExample(const std::string& name);
inline const char* defaultExampleName() { return "mlp-1-2-2"; }

}  // namespace bp
