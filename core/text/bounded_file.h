// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one reader of whole files: in binary (the caller sees the exact bytes), refused past a size
// limit while it reads, so a huge or endless file (a FIFO, /dev/zero) cannot exhaust memory. The
// .bpg parser, the document reader and the ONNX importer all read through it, with one wording.
#include <cstddef>
#include <stdexcept>
#include <string>

#include "core/text/message.h"

namespace bp {

// What went wrong, in words that follow "FILE: error: " (e.g. "cannot open file: No such file or
// directory", "the file is larger than the limit of 256 MB").
struct FileReadError : MessageError {
    using MessageError::MessageError;
};

// "256 MB" for whole mebibytes, else "1000 bytes".
std::string limitText(std::size_t bytes);

// The whole of the file at `path`, at most `limit` bytes; throws FileReadError.
std::string readBoundedFile(const std::string& path, std::size_t limit);

}  // namespace bp
