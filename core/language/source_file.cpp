// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a .bpg file: in binary (the parser sees the exact bytes), refused past the size limit
// before it is read, so a huge or endless file (a FIFO, /dev/zero) cannot exhaust memory.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/language/parser.h"

namespace bp {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string limitText(std::size_t bytes) {
    constexpr std::size_t kMB = 1u << 20;
    if (bytes >= kMB && bytes % kMB == 0) return std::to_string(bytes / kMB) + " MB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

Program loadProgramFile(const std::string& path, const ParseLimits& limits) {
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) throw ParseError(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));
    // fopen opens a directory on Linux; reading it then fails, and its "size" means nothing.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw ParseError(path, 0, 0, "cannot open file: it is a directory");
    const auto tooLarge = [&] {
        return ParseError(path, 0, 0, "the file is larger than the limit of " + limitText(limits.maxSourceBytes));
    };
    std::string source;
    // A regular file says its size up front; anything else is read until it ends or passes the limit.
    if (std::fseek(file.get(), 0, SEEK_END) == 0) {
        const long size = std::ftell(file.get());
        if (size > 0) {
            if (static_cast<unsigned long>(size) > limits.maxSourceBytes) throw tooLarge();
            source.reserve(static_cast<std::size_t>(size));
        }
        std::rewind(file.get());
    }
    char buffer[1 << 16];
    for (;;) {
        const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
        if (got > 0) {
            if (source.size() + got > limits.maxSourceBytes) throw tooLarge();
            source.append(buffer, got);
        }
        if (got < sizeof buffer) {
            if (std::ferror(file.get()))
                throw ParseError(path, 0, 0, std::string("cannot read file: ") + std::strerror(errno));
            break;
        }
    }
    return parseProgram(source, path, limits);
}

}  // namespace bp
