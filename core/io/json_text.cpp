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

void write(std::string& out, const json& value, int indent, int depth) {
    const auto newline = [&](int level) {
        out += '\n';
        out.append(std::size_t(indent) * std::size_t(level), ' ');
    };
    switch (value.type()) {
    case json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (!first) out += ',';
            first = false;
            newline(depth + 1);
            out += json(key).dump();
            out += ": ";
            write(out, item, indent, depth + 1);
        }
        newline(depth);
        out += '}';
        return;
    }
    case json::value_t::array: {
        if (value.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const json& item : value) {
            if (!first) out += ',';
            first = false;
            newline(depth + 1);
            write(out, item, indent, depth + 1);
        }
        newline(depth);
        out += ']';
        return;
    }
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
