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

// In the order a lecture goes in, in English (the command line's).
const std::vector<Example>& shippedExamples();
// The same, with the comments and summaries in `language` ("zh_CN") where translated, else in
// English; "" is English. The graphs are the same in every language.
const std::vector<Example>& shippedExamples(const std::string& language);
const Example* findExample(const std::string& name, const std::string& language = "");
// The languages the examples come in besides English.
const std::vector<std::string>& exampleLanguages();
inline const char* defaultExampleName() { return "mlp-1-2-2"; }

}  // namespace bp
