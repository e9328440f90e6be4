// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/bounded_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace bp {
namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

std::string limitText(std::size_t bytes) {
    constexpr std::size_t kMB = 1u << 20;
    if (bytes >= kMB && bytes % kMB == 0) return std::to_string(bytes / kMB) + " MB";
    return std::to_string(bytes) + " bytes";
}

std::string readBoundedFile(const std::string& path, std::size_t limit) {
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) throw FileReadError(message("cannot-open", {std::strerror(errno)}));
    // fopen opens a directory on Linux; reading it then fails, and its "size" means nothing.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) throw FileReadError(message("cannot-open-directory"));
    const auto tooLarge = [&] { return FileReadError(message("file-too-large", {limitText(limit)})); };
    std::string bytes;
    // A regular file says its size up front; anything else is read until it ends or passes the limit.
    if (std::fseek(file.get(), 0, SEEK_END) == 0) {
        const long size = std::ftell(file.get());
        if (size > 0) {
            if (static_cast<unsigned long>(size) > limit) throw tooLarge();
            bytes.reserve(static_cast<std::size_t>(size));
        }
        std::rewind(file.get());
    }
    char buffer[1 << 16];
    for (;;) {
        const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
        if (got > 0) {
            // Checked while reading, not only up front: the size on disk may change.
            if (bytes.size() + got > limit) throw tooLarge();
            bytes.append(buffer, got);
        }
        if (got < sizeof buffer) {
            if (std::ferror(file.get())) throw FileReadError(message("cannot-read", {std::strerror(errno)}));
            return bytes;
        }
    }
}

}  // namespace bp
