// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/out_of_memory.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <unistd.h>

namespace bp::cli {
namespace {

constexpr std::size_t kReserveBytes = 32u << 20;
char gMessage[2048];
std::size_t gMessageLength = 0;
void* gReserve = nullptr;

// The first failed allocation gives the reserve back and fails; later ones fail at once.
void releaseReserve() {
    std::free(gReserve);
    gReserve = nullptr;
    std::set_new_handler(nullptr);
    throw std::bad_alloc();
}

[[noreturn]] void terminateRefusingOutOfMemory() {
    if (const std::exception_ptr current = std::current_exception()) {
        try {
            std::rethrow_exception(current);
        } catch (const std::bad_alloc&) {
            refuseOutOfMemory();
            _exit(2);
        } catch (...) {
        }
    }
    std::abort();
}

void append(const char* text) {
    const std::size_t room = sizeof gMessage - 1 - gMessageLength;
    const std::size_t n = std::min(std::strlen(text), room);
    std::memcpy(gMessage + gMessageLength, text, n);
    gMessageLength += n;
}

}  // namespace

void armOutOfMemoryRefusal(const std::vector<std::string>& args) {
    gMessageLength = 0;
    append("backprop-studio: out of memory running '");
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i > 0) append(" ");
        append(args[i].c_str());
    }
    append("': it needs more memory than this process may use (see 'ulimit -v')\n");
    if (gMessageLength == sizeof gMessage - 1) std::memcpy(gMessage + gMessageLength - 5, "...'\n", 5);
    if (!gReserve) gReserve = std::malloc(kReserveBytes);
    std::set_new_handler(gReserve ? releaseReserve : nullptr);
    std::set_terminate(terminateRefusingOutOfMemory);
}

int refuseOutOfMemory() noexcept {
    std::free(gReserve);
    gReserve = nullptr;
    if (gMessageLength == 0) append("backprop-studio: out of memory\n");
    for (std::size_t done = 0; done < gMessageLength;) {
        const ssize_t n = ::write(STDERR_FILENO, gMessage + done, gMessageLength - done);
        if (n <= 0) break;
        done += std::size_t(n);
    }
    return 2;
}

}  // namespace bp::cli
