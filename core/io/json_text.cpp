// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_text.h"

#include <charconv>
#include <cmath>

namespace bp {
namespace {

using nlohmann::json;

void appendNumber(std::string& out, double x) {
    if (!std::isfinite(x)) {  // as nlohmann writes one
        out += "null";
        return;
    }
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, x).ptr;
    out.append(text, end);
    // A whole number keeps a decimal point, as nlohmann writes it ("3.0"): still a float when read.
    if (std::string_view(text, std::size_t(end - text)).find_first_of(".e") == std::string_view::npos) out += ".0";
}

template <class Integer>
void appendInteger(std::string& out, Integer n) {
    char text[24];
    out.append(text, std::to_chars(text, text + sizeof text, n).ptr);
}

void write(std::string& out, const json& value, int indent, int depth);

// An object or an array: its items one a line, one level deeper; empty ones as "{}" or "[]".
template <class Items, class WriteItem>
void writeContainer(std::string& out, char open, char close, const Items& items, int indent, int depth,
                    WriteItem writeItem) {
    out += open;
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ',';
        first = false;
        out += '\n';
        out.append(std::size_t(indent) * std::size_t(depth + 1), ' ');
        writeItem(item);
    }
    if (!first) {
        out += '\n';
        out.append(std::size_t(indent) * std::size_t(depth), ' ');
    }
    out += close;
}

void write(std::string& out, const json& value, int indent, int depth) {
    switch (value.type()) {
    case json::value_t::object:
        writeContainer(out, '{', '}', value.items(), indent, depth, [&](const auto& item) {
            out += json(item.key()).dump();
            out += ": ";
            write(out, item.value(), indent, depth + 1);
        });
        return;
    case json::value_t::array:
        writeContainer(out, '[', ']', value, indent, depth, [&](const json& item) { write(out, item, indent, depth + 1); });
        return;
    case json::value_t::number_float: appendNumber(out, value.get<double>()); return;
    case json::value_t::number_integer: appendInteger(out, value.get<std::int64_t>()); return;
    case json::value_t::number_unsigned: appendInteger(out, value.get<std::uint64_t>()); return;
    default: out += value.dump(); return;  // strings (escaped), booleans, null
    }
}

}  // namespace

std::string jsonText(const nlohmann::json& value, int indent) {
    std::string out;
    write(out, value, indent, 0);
    return out;
}

}  // namespace bp
