// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The --json output of the command line (SPEC §3): matrices as lists of rows, a number that is
// not finite as the string "nan", "inf" or "-inf".
#include <nlohmann/json.hpp>

#include "core/trace/evaluation.h"
#include "core/train/gradient_check.h"
#include "core/train/sgd.h"

namespace bp {

nlohmann::json numberToJson(double x);
nlohmann::json matrixToJson(const Matrix& m);
// Reads what matrixToJson wrote (strings "nan", "inf", "-inf" included); throws std::invalid_argument.
Matrix matrixFromJson(const nlohmann::json& j);

nlohmann::json evalReport(const Program& program, const Evaluation& eval);
nlohmann::json traceReport(const Program& program, const Evaluation& eval);
nlohmann::json trainReport(const Program& program, const TrainResult& result);
nlohmann::json checkReport(const Program& program, const std::vector<LeafCheck>& checks,
                           const CheckOptions& options = {});

}  // namespace bp
