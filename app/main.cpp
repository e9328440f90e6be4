// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio: a subcommand of the command line (SPEC §3), or the window. This executable
// links no Qt (app/CMakeLists.txt checks it): the window and `render` run in the window program.
#include <csignal>
#include <variant>

#include <string>
#include <vector>

#include "app/cli.h"
#include "app/out_of_memory.h"
#include "app/command_line.h"
#include "app/window_program.h"

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) makes a write fail with EFBIG, reported as a failed write,
    // instead of killing the program half-way (the signal's default action). Kept across exec.
    std::signal(SIGXFSZ, SIG_IGN);
    bp::cli::armOutOfMemoryRefusal(std::vector<std::string>(argv + 1, argv + argc));
    auto parsed = bp::cli::parseCommandLine(argc, argv);
    if (const int* status = std::get_if<int>(&parsed)) return *status;
    const bp::cli::Options& options = std::get<bp::cli::Options>(parsed);
    if (const auto status = bp::cli::windowFileError(options)) return *status;
    if (bp::cli::needsWindowProgram(options)) return bp::cli::execWindowProgram(argv);
    return bp::cli::run(options);
}
