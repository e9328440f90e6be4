// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window_program.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace bp::cli {

int execWindowProgram(char** argv) {
    // Beside this executable, wherever it was started from (the build folder or an install).
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path program = self.parent_path() / BPS_WINDOW_PROGRAM;
    ::execv(program.c_str(), argv);
    std::fprintf(stderr, "backprop-studio: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
    return 2;
}

}  // namespace bp::cli
