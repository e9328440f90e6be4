// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio loads no Qt for a subcommand that needs no display, and runs the window program
// beside it for `render` (and the window), as the user typed it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "../core/test_support.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

// A folder of this test's own, emptied.
fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("bps-window-program-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Runs backprop-studio with `args` (shell-quoted) and the dynamic loader's log of the libraries it
// loads written into `dir` (LD_DEBUG=libs; after execv the window program appends to the same
// log, the process id being the same). Returns the exit status; `log` gets the loader's log.
int runLoggingLibraries(const std::string& args, const fs::path& dir, std::string& log, const std::string& env = {}) {
    const std::string command = env + " LD_DEBUG=libs LD_DEBUG_OUTPUT=" + (dir / "ld").string() + " " + BPS_CLI + " " +
                                args + " >" + (dir / "out").string() + " 2>" + (dir / "err").string();
    const int raw = std::system(command.c_str());
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind("ld.", 0) == 0) log += test::readFile(entry.path().string());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

TEST(WindowProgram, SubcommandsWithoutADisplayLoadNoQt) {
    const fs::path dir = freshDir("examples");
    std::string log;
    ASSERT_EQ(runLoggingLibraries("examples", dir, log), 0);
    EXPECT_NE(log.find("libstdc++"), std::string::npos) << "the loader's log is empty:\n" << log;
    EXPECT_EQ(log.find("libQt6"), std::string::npos) << log;
    EXPECT_NE(test::readFile((dir / "out").string()).find("mlp-1-2-2"), std::string::npos);

    const fs::path evalDir = freshDir("eval");
    std::string evalLog;
    ASSERT_EQ(runLoggingLibraries("eval " + test::examplePath("chain-rule") + " --json", evalDir, evalLog), 0);
    EXPECT_EQ(evalLog.find("libQt6"), std::string::npos) << evalLog;
}

TEST(WindowProgram, RenderDrawsAnSvgThroughTheWindowProgram) {
    const fs::path dir = freshDir("render");
    const fs::path svg = dir / "chain-rule.svg";
    std::string log;
    ASSERT_EQ(runLoggingLibraries("render " + test::examplePath("chain-rule") + " -o " + svg.string(), dir, log), 0)
        << test::readFile((dir / "err").string());
    EXPECT_NE(log.find("libQt6"), std::string::npos) << "render drew without Qt?\n" << log;
    EXPECT_EQ(log.find("libprotobuf"), std::string::npos) << "the window program loaded protobuf for a .bpg\n" << log;
    const std::string picture = test::readFile(svg.string());
    EXPECT_NE(picture.find("<svg"), std::string::npos);
    EXPECT_NE(picture.find("</text>"), std::string::npos) << "no text in the picture";
}

// libprotobuf and libonnx come with the importer module, loaded for an .onnx file only.
TEST(WindowProgram, OnlyAnOnnxFileLoadsProtobufThroughTheImporterModule) {
    const fs::path bpgDir = freshDir("bpg-no-protobuf");
    std::string bpgLog;
    ASSERT_EQ(runLoggingLibraries("eval " + test::examplePath("chain-rule") + " --json", bpgDir, bpgLog), 0);
    EXPECT_NE(bpgLog.find("libstdc++"), std::string::npos) << "the loader's log is empty:\n" << bpgLog;
    EXPECT_EQ(bpgLog.find("libprotobuf"), std::string::npos) << bpgLog;
    EXPECT_EQ(bpgLog.find("bps_onnx"), std::string::npos) << bpgLog;

    const std::string model = std::string(BPS_TEST_DATA) + "/onnx/model2.onnx";
    const fs::path onnxDir = freshDir("onnx-module");
    std::string onnxLog;
    ASSERT_EQ(runLoggingLibraries("eval " + model + " --json", onnxDir, onnxLog), 0)
        << test::readFile((onnxDir / "err").string());
    EXPECT_NE(onnxLog.find("bps_onnx.so"), std::string::npos) << onnxLog;
    EXPECT_NE(onnxLog.find("libprotobuf"), std::string::npos) << onnxLog;
    EXPECT_NE(test::readFile((onnxDir / "out").string()).find("matmul_1"), std::string::npos);  // /0/MatMul_output_0, named short

    const fs::path missingDir = freshDir("onnx-module-missing");
    std::string missingLog;
    EXPECT_EQ(runLoggingLibraries("eval " + model, missingDir, missingLog,
                                  "BPS_ONNX_MODULE=" + (missingDir / "nowhere.so").string()),
              2);  // as any file that cannot be read
    const std::string err = test::readFile((missingDir / "err").string());
    EXPECT_NE(err.find("model2.onnx: error: cannot read ONNX models: the ONNX importer module could not be loaded"),
              std::string::npos)
        << err;
    EXPECT_NE(err.find("nowhere.so"), std::string::npos) << err;
}

TEST(WindowProgram, RenderUsageErrorsKeepTheirStatus) {
    const fs::path dir = freshDir("render-usage");
    std::string log;
    EXPECT_EQ(runLoggingLibraries("render " + test::examplePath("chain-rule"), dir, log), 2);
    EXPECT_NE(test::readFile((dir / "err").string()).find("-o"), std::string::npos);
}

}  // namespace
}  // namespace bp
