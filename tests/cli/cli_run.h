// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real backprop-studio as a user does: its exit status, stdout and stderr.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "../core/test_support.h"

namespace bp::test {

struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs the program with `args` (already shell-quoted), capturing stdout and stderr. `prefix` goes
// before the program (environment settings such as "env -u DISPLAY").
inline CliRun runCli(const std::string& args, const std::string& prefix = {}) {
    namespace fs = std::filesystem;
    const fs::path errFile = fs::temp_directory_path() / ("bps-cli-err-" + std::to_string(::getpid()));
    const std::string command = prefix + (prefix.empty() ? "" : " ") + BPS_CLI + " " + args + " 2>" + errFile.string();
    CliRun r;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 65536> buffer;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
    const int raw = ::pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    r.err = readFile(errFile.string());
    fs::remove(errFile);
    return r;
}

// Writes `content` into this test process's own temporary folder.
inline std::filesystem::path writeTemp(const std::string& name, const std::string& content) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("bps-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
}

}  // namespace bp::test
