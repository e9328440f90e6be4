// SPDX-License-Identifier: GPL-3.0-or-later
// Out of memory is a refusal, not an abort. A subcommand that runs out of address space (ulimit -v,
// a container's limit) says so, naming what it was doing, and exits 2:
//  - a reserve is set aside when the command starts and given back at the first failed
//    allocation, so the destructors that run while the failure unwinds (nlohmann's json frees
//    through a heap-allocated stack) have room;
//  - should one of them still fail, the terminate handler gives the same refusal instead of abort().
// Nothing here allocates once armed: the message is composed into a fixed buffer up front.
#pragma once

#include <string>
#include <vector>

namespace bp::cli {

// Arms the refusal for the command line `args` (the subcommand and its arguments).
void armOutOfMemoryRefusal(const std::vector<std::string>& args);

// Writes the refusal to stderr without allocating; returns the exit status (2).
int refuseOutOfMemory() noexcept;

}  // namespace bp::cli
