// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shipped examples: one table for the window and the command line, in
// resources/shipped_examples.h (Qt-free; the window includes it through this header).
#include "resources/shipped_examples.h"
