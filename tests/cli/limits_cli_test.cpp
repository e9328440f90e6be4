// SPDX-License-Identifier: GPL-3.0-or-later
// The command line under hostile sizes, as a user meets them: computed sizes refused with the
// place, and an address-space limit (ulimit -v) met with a refusal, never a signal.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "../core/test_support.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

// An address-space limit (ulimit -v) cannot apply to a sanitizer build: AddressSanitizer reserves
// terabytes of address space for its shadow memory, and aborts on out of memory by design.
#ifdef BPS_SANITIZED
#define BPS_SKIP_UNDER_SANITIZER() GTEST_SKIP() << "ulimit -v does not apply under AddressSanitizer"
#else
#define BPS_SKIP_UNDER_SANITIZER() (void)0
#endif

struct Outcome {
    int status = -1;
    std::string err;
};

// AddressSanitizer reserves terabytes of address space for its shadow memory: under it a program
// cannot start with an address-space limit, so the limit is left out there (the refusal is still
// checked; the limit itself is checked by the plain build).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSpaceCanBeLimited = false;
#else
constexpr bool kAddressSpaceCanBeLimited = true;
#endif

// Runs the program through the shell with `args`, under `ulimit -v kib` when kib > 0.
Outcome runLimited(const std::string& args, long kib = 0, const std::string& env = {}) {
    const fs::path errFile = fs::temp_directory_path() / ("bps-limits-err-" + std::to_string(::getpid()));
    std::string command = "(";
    if (kib > 0 && kAddressSpaceCanBeLimited) command += "ulimit -v " + std::to_string(kib) + "; ";
    command += env + " " + std::string(BPS_CLI) + " " + args + ") >/dev/null 2>" + errFile.string();
    const int raw = std::system(command.c_str());
    Outcome r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    r.err = test::readFile(errFile.string());
    fs::remove(errFile);
    return r;
}

fs::path writeTemp(const std::string& name, const std::string& content) {
    const fs::path dir = fs::temp_directory_path() / ("bps-limits-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
}

std::string ones(int n) {
    std::string text = "[1";
    for (int i = 1; i < n; ++i) text += ", 1";
    return text + "]";
}

TEST(CliLimits, AnOuterProductOfAHundredThousandEntriesIsRefusedWithItsPlace) {
    BPS_SKIP_UNDER_SANITIZER();
    const fs::path file = writeTemp("outer.bpg", "input a = " + ones(100'000) + "\ny = sum(a @ a.T)\n");
    for (const char* command : {"eval", "trace", "check", "train"}) {
        const std::string extra = std::string(command) == "train" ? " --steps 1 --lr 1" : "";
        const Outcome r = runLimited(std::string(command) + " " + file.string() + extra, 4L << 20);
        EXPECT_EQ(r.status, 2) << command << ": " << r.err;
        EXPECT_NE(r.err.find(file.string() + ":2:11: error: the result of matmul would be 100000x100000"),
                  std::string::npos)
            << command << ": " << r.err;
    }
}

TEST(CliLimits, TheMemoryBudgetIsNamedAndCanBeRaised) {
    std::string source = "input a = " + ones(500) + "\n";
    for (int i = 0; i < 20; ++i) source += "y" + std::to_string(i) + " = a @ a.T\n";  // 20 x 4 MB
    source += "z = sum(y0)\n";
    const fs::path file = writeTemp("budget.bpg", source);
    Outcome r = runLimited("eval " + file.string(), 0, "BACKPROP_STUDIO_MEMORY_MB=50");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("takes the graph past its memory budget"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("more than 50 MB"), std::string::npos) << r.err;
    EXPECT_EQ(runLimited("eval " + file.string(), 0, "BACKPROP_STUDIO_MEMORY_MB=200").status, 0);
}

Outcome runOut(const std::string& args, std::string& out) {
    const fs::path outFile = fs::temp_directory_path() / ("bps-limits-out-" + std::to_string(::getpid()));
    const Outcome r = runLimited(args + " >" + outFile.string());
    out = test::readFile(outFile.string());
    fs::remove(outFile);
    return r;
}

TEST(CliCheck, NonFiniteGradientsFailAndKinksAreNamed) {
    std::string out;
    EXPECT_EQ(runOut("check " + writeTemp("div.bpg", "param a = 1\nparam b = 0\ny = a / b\n").string(), out).status, 1);
    EXPECT_NE(out.find("FAIL a          analytic inf  numeric nan  max error nan"), std::string::npos) << out;
    EXPECT_NE(out.find("inf or nan: a non-finite gradient is never agreement"), std::string::npos) << out;
    EXPECT_EQ(runOut("check " + writeTemp("sqrt.bpg", "param a = -1\ny = sqrt(a)\n").string(), out).status, 1);
    EXPECT_NE(out.find("gradient check FAILED"), std::string::npos) << out;
    EXPECT_EQ(runOut("check " + writeTemp("relu.bpg", "param a = [0, 1]\ny = sum(relu(a))\n").string(), out).status, 0);
    EXPECT_NE(out.find("entry 0 is at a kink"), std::string::npos) << out;
}

TEST(CliCheck, ALargeLeafIsSampledUnlessAllAreAsked) {
    std::string source = "param a = [0.5";
    for (int i = 1; i < 3000; ++i) source += ", 1.5";
    const fs::path file = writeTemp("wide.bpg", source + "]\ny = sum(a * a)\n");
    std::string out;
    EXPECT_EQ(runOut("check " + file.string(), out).status, 0);
    EXPECT_NE(out.find("checked 1000 of 3000 entries (sample seed 1; --all checks every entry)"), std::string::npos)
        << out;
    EXPECT_EQ(runOut("check " + file.string() + " --all --json", out).status, 0);
    const auto report = nlohmann::json::parse(out);
    EXPECT_EQ(report["sample_per_leaf"], "all");
    EXPECT_EQ(report["leaves"][0]["checked"], 3000);
}

// A write that fails half-way (here a file-size limit of 1 KB, as a full disk would) leaves the
// file that was there intact and no partial or temporary file beside it.
TEST(CliLimits, AFailedConvertOrRenderLeavesTheOldFileAndNoPartialFile) {
    const fs::path dir = fs::temp_directory_path() / ("bps-write-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "old.py") << "# the lecturer's own script\n";
    const std::string example = std::string(BPS_EXAMPLES) + "/xor.bpg";
    for (const char* out : {"old.py", "new.py", "new.json"}) {
        const Outcome r = runLimited("convert " + example + " -o " + (dir / out).string(), 0, "ulimit -f 1;");
        EXPECT_EQ(r.status, 2) << out << ": " << r.err;
        EXPECT_NE(r.err.find("cannot write"), std::string::npos) << out << ": " << r.err;
    }
    std::ofstream(dir / "old.svg") << "<svg/>";
    for (const char* out : {"old.svg", "new.png"}) {
        const Outcome r = runLimited("render " + example + " -o " + (dir / out).string(), 0, "ulimit -f 1;");
        EXPECT_EQ(r.status, 2) << out << ": " << r.err;
    }
    EXPECT_EQ(test::readFile((dir / "old.svg").string()), "<svg/>");
    fs::remove(dir / "old.svg");
    EXPECT_EQ(test::readFile((dir / "old.py").string()), "# the lecturer's own script\n");
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path().filename().string());
    EXPECT_EQ(files, std::vector<std::string>{"old.py"}) << "no partial output, no temporary file";
    // Without the limit the same command replaces the file.
    EXPECT_EQ(runLimited("convert " + example + " -o " + (dir / "old.py").string()).status, 0);
    EXPECT_NE(test::readFile((dir / "old.py").string()).find("import torch"), std::string::npos);
    fs::remove_all(dir);
}

// Out of memory is a refusal naming what was being done, never an abort (134): both inputs below
// aborted under this limit, the unwinding destroying nlohmann's json allocated again.
TEST(CliLimits, OutOfMemoryIsARefusalNamingTheCommand) {
    BPS_SKIP_UNDER_SANITIZER();
    std::string chain = "input x0 = 1\n";
    for (int i = 1; i <= 200'000; ++i) chain += "x" + std::to_string(i) + " = sigmoid(x" + std::to_string(i - 1) + ")\n";
    const fs::path chainFile = writeTemp("chain.bpg", chain);
    Outcome r = runLimited("trace --json " + chainFile.string(), 300'000);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("backprop-studio: out of memory running 'trace --json " + chainFile.string() + "'"),
              std::string::npos)
        << r.err;
    std::string big = R"({"format": "backprop-studio", "version": 1, "root": "y", "nodes": [)"
                      R"({"inputs":[],"kind":"input","name":"a","op":"input","value":[[1)";
    big.reserve(41'000'000);
    for (int i = 1; i < 20'000'000; ++i) big += ",1";
    big += R"(]]}, {"inputs":["a"],"kind":"op","name":"y","op":"sum"}]})";
    const fs::path bigFile = writeTemp("big.json", big);
    big = {};
    for (const char* command : {"eval", "check", "convert"}) {
        const std::string extra = std::string(command) == "convert" ? " -o " + bigFile.string() + ".bpg" : "";
        r = runLimited(std::string(command) + " " + bigFile.string() + extra, 300'000);
        EXPECT_EQ(r.status, 2) << command << ": " << r.err;
        EXPECT_NE(r.err.find("out of memory running '" + std::string(command) + " " + bigFile.string()),
                  std::string::npos)
            << command << ": " << r.err;
    }
    EXPECT_FALSE(fs::exists(bigFile.string() + ".bpg"));
}

// The window's open path: a graph whose evaluation runs out of address space is refused with the
// file's name, and the window stays open (here until `timeout` ends it: 124), not aborted (134).
TEST(CliLimits, TheWindowRefusesAGraphItHasNoMemoryToEvaluate) {
    BPS_SKIP_UNDER_SANITIZER();
    std::string source = "input a = " + ones(2000) + "\n";
    for (int i = 0; i < 100; ++i) source += "y" + std::to_string(i) + " = a @ a.T\n";  // 100 x 32 MB
    source += "z = sum(y0)\n";
    const fs::path file = writeTemp("wide.bpg", source);
    const Outcome r = runLimited(file.string(), 1'500'000,
                                 "BACKPROP_STUDIO_MEMORY_MB=100000 QT_QPA_PLATFORM=offscreen timeout 15");
    EXPECT_EQ(r.status, 124) << r.err;
    EXPECT_NE(r.err.find(file.string() + ": Backprop Studio ran out of memory opening this file"), std::string::npos)
        << r.err;
}

// The window opens what it cannot run: a .bpg with errors as text (nothing to say on the
// terminal), another unreadable file with its message, in a window that stays open (here until
// `timeout` ends it: 124). The subcommands still refuse both with exit status 2.
TEST(CliLimits, TheWindowStaysOpenOnFilesItCannotRunAndSubcommandsExit2) {
    const fs::path bpg = writeTemp("broken.bpg", "input e = 2\nf = (e * \n");
    const fs::path json = writeTemp("broken.json", "{\"format\": ");
    const std::string home = (bpg.parent_path() / "home").string();
    const std::string env = "XDG_DATA_HOME=" + home + " XDG_CONFIG_HOME=" + home + " QT_QPA_PLATFORM=offscreen timeout 5";
    Outcome r = runLimited(bpg.string(), 0, env);
    EXPECT_EQ(r.status, 124) << r.err;
    EXPECT_EQ(r.err.find("error"), std::string::npos) << r.err;
    r = runLimited(json.string(), 0, env);
    EXPECT_EQ(r.status, 124) << r.err;
    EXPECT_NE(r.err.find(json.string() + ": error: not valid JSON"), std::string::npos) << r.err;
    for (const fs::path& file : {bpg, json}) EXPECT_EQ(runLimited("eval " + file.string()).status, 2) << file;
}

}  // namespace
}  // namespace bp
