// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A JSON value as text, laid out as nlohmann's dump(indent) lays it out, its floating-point
// numbers written by std::to_chars: the shortest text that reads back as the same double. The
// trained weights of a large model are hundreds of thousands of numbers, and nlohmann's own
// number printer took 2.5 times as long (a sixth of training the MLP end to end).
#include <nlohmann/json.hpp>
#include <string>

namespace bp {

// Throws nlohmann's type_error for a string that is not valid UTF-8, as dump() does.
std::string jsonText(const nlohmann::json& value, int indent = 1);

}  // namespace bp
