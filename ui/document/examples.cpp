// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/examples.h"

#include <QDir>
#include <QFile>

namespace bp {

// The first line of a .bpg example is "# summary".
static std::string summaryOf(const std::string& source) {
    std::string first = source.substr(0, source.find('\n'));
    return first.rfind("# ", 0) == 0 ? first.substr(2) : first;
}

const std::vector<Example>& shippedExamples() {
    static const std::vector<Example> examples = [] {
        // The order a lecture goes in.
        std::vector<Example> list;
        for (const char* name : {"chain-rule", "mlp-1-2-2", "vjp", "deep-sigmoid", "xor"}) {
            QFile file(QStringLiteral(":/examples/%1.bpg").arg(QString::fromUtf8(name)));
            if (!file.open(QIODevice::ReadOnly)) continue;
            const std::string source = file.readAll().toStdString();
            list.push_back({name, summaryOf(source), source});
        }
        return list;
    }();
    return examples;
}

const Example* findExample(const std::string& name) {
    for (const Example& e : shippedExamples())
        if (e.name == name) return &e;
    return nullptr;
}

}  // namespace bp
