// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio: a subcommand of the command line (SPEC §3), or the window. This executable
// links no Qt (app/CMakeLists.txt checks it): the window and `render` run in the window program.
#include <csignal>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/command_line.h"
#include "app/window_program.h"

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) makes a write fail with EFBIG, reported as a failed write,
    // instead of killing the program half-way (the signal's default action). Kept across exec.
    std::signal(SIGXFSZ, SIG_IGN);
    if (argc >= 2 && bp::cli::isSubcommand(argv[1])) {
        if (bp::cli::needsWindowProgram(argv[1])) return bp::cli::execWindowProgram(argv);
        return bp::cli::run(std::vector<std::string>(argv + 1, argv + argc));
    }
    if (const auto status = bp::cli::windowArgumentsError(argc, argv)) return *status;
    return bp::cli::execWindowProgram(argv);
}
