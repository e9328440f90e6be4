// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's conventions, through the real executable: help and version on stdout, each
// command's own options only, --opt=value, values validated (numbers finite and in range, as
// PyTorch's SGD refuses lr and momentum), a failed write, no display, pictures that would be
// too large scaled down to fit, and the bash completion offering what the parser takes.
#include <gtest/gtest.h>

#include <cstdint>
#include <regex>
#include <set>

#include "cli_run.h"

namespace bp {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::runCli;

std::string example(const std::string& name) { return std::string(BPS_EXAMPLES) + "/" + name + ".bpg"; }

// The width and height in a PNG's header, or {0, 0}.
std::pair<std::uint32_t, std::uint32_t> pngSize(const fs::path& file) {
    const std::string bytes = test::readFile(file.string());
    if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0) return {0, 0};
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | std::uint8_t(bytes[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

std::set<std::string> longOptions(const std::string& text) {
    std::set<std::string> found;
    const std::regex option("(^|[ ,])(--?[a-z][a-z-]*)");
    for (std::sregex_iterator it(text.begin(), text.end(), option), end; it != end; ++it) found.insert((*it)[2]);
    return found;
}

const std::vector<std::string> kCommands{"eval", "trace", "train", "check", "render", "convert", "examples", "help"};

TEST(CommandLine, HelpAndVersionGoToStdout) {
    const CliRun help = runCli("--help");
    EXPECT_EQ(help.status, 0);
    EXPECT_TRUE(help.err.empty()) << help.err;
    for (const std::string& command : kCommands) EXPECT_NE(help.out.find(command), std::string::npos) << command;
    EXPECT_EQ(runCli("help").out, help.out);

    const CliRun version = runCli("--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind(std::string("backprop-studio ") + BPS_VERSION + "\n", 0), 0u) << version.out;
    EXPECT_NE(version.out.find("GPL-3.0-or-later"), std::string::npos);
}

TEST(CommandLine, EachCommandHasItsOwnHelp) {
    for (const std::string command : {"eval", "train", "render", "convert"}) {
        const CliRun viaHelp = runCli("help " + command);
        const CliRun viaOption = runCli(command + " --help");
        EXPECT_EQ(viaHelp.status, 0) << command;
        EXPECT_EQ(viaOption.status, 0) << command;
        EXPECT_EQ(viaHelp.out, viaOption.out) << command;
        EXPECT_NE(viaHelp.out.find("backprop-studio " + command), std::string::npos) << viaHelp.out;
    }
    EXPECT_NE(runCli("help train").out.find("--momentum"), std::string::npos);
    EXPECT_EQ(runCli("help train").out.find("--phase"), std::string::npos);
    EXPECT_EQ(runCli("help frobnicate").status, 2);
}

TEST(CommandLine, OptionsOfOtherCommandsAreRefused) {
    const fs::path picture = test::writeTemp("never.png", "");
    fs::remove(picture);
    const CliRun r = runCli("eval " + example("chain-rule") + " --lr 5 --phase banana -o " + picture.string());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("'--lr' is not an option of eval"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_FALSE(fs::exists(picture));
    EXPECT_EQ(runCli("check " + example("chain-rule") + " --phase forward").status, 2);
    EXPECT_EQ(runCli("convert " + example("chain-rule") + " -o x.bpg --steps 3").status, 2);
    EXPECT_EQ(runCli("eval " + example("chain-rule") + " " + example("vjp")).status, 2);
    EXPECT_EQ(runCli("--frobnicate").status, 2);
}

TEST(CommandLine, OptionEqualsValue) {
    const CliRun r = runCli("train " + example("mlp-1-2-2") + " --steps=3 --lr=0.5 --momentum=0.9 --json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["loss"].size(), 4u);
}

TEST(CommandLine, BadValuesAreRefusedWithTheOptionNamed) {
    struct Bad {
        std::string args;
        std::string option;
    };
    const fs::path out = test::writeTemp("bad-value.png", "");
    fs::remove(out);
    const std::string render = "render " + example("chain-rule") + " -o " + out.string() + " ";
    const std::string train = "train " + example("mlp-1-2-2") + " ";
    const std::vector<Bad> bad{
        {render + "--step nan", "--step"},        {render + "--step inf", "--step"},
        {render + "--step -5", "--step"},         {render + "--step 2.7", "--step"},
        {render + "--step 1e3", "--step"},        {render + "--step ''", "--step"},
        {render + "--scale 0", "--scale"},        {render + "--scale -1", "--scale"},
        {render + "--scale nan", "--scale"},      {render + "--scale inf", "--scale"},
        {render + "--scale 2x", "--scale"},       {render + "--width 0", "--width"},
        {render + "--height 1.5", "--height"},    {render + "--phase banana", "--phase"},
        {render + "--max-size 1", "--max-size"},  {train + "--steps 3 --lr -1", "--lr"},
        {train + "--steps 3 --lr nan", "--lr"},   {train + "--steps 3 --lr inf", "--lr"},
        {train + "--steps 3 --lr one", "--lr"},   {train + "--steps 3 --lr 1 --momentum -3", "--momentum"},
        {train + "--steps -1 --lr 1", "--steps"}, {train + "--steps 2.5 --lr 1", "--steps"},
        {train + "--steps 1e12 --lr 1", "--steps"}, {train + "--lr 1", "--steps"},
    };
    for (const Bad& b : bad) {
        const CliRun r = runCli(b.args);
        EXPECT_EQ(r.status, 2) << b.args;
        EXPECT_NE(r.err.find(b.option), std::string::npos) << b.args << "\n" << r.err;
        EXPECT_FALSE(fs::exists(out)) << b.args;
    }
    // What PyTorch's SGD accepts is accepted: lr 0, momentum 0.
    EXPECT_EQ(runCli(train + "--steps 1 --lr 0 --momentum 0").status, 0);
    EXPECT_EQ(runCli(render + "--step 0 --phase forward --scale 0.5").status, 0);
    EXPECT_TRUE(fs::exists(out));
}

TEST(CommandLine, AFailedWriteExitsNonZero) {
    for (const std::string& command : {"eval " + example("chain-rule") + " --json", "trace " + example("mlp-1-2-2"),
                                       std::string("examples")}) {
        const CliRun r = runCli(command + " >/dev/full");
        EXPECT_EQ(r.status, 2) << command;
        EXPECT_NE(r.err.find("cannot write the output"), std::string::npos) << r.err;
    }
    EXPECT_EQ(runCli("--help >/dev/full").status, 2);
}

TEST(CommandLine, TheWindowWithoutADisplaySaysSoAndExits2) {
    const CliRun none = runCli("", "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM");
    EXPECT_EQ(none.status, 2);
    EXPECT_NE(none.err.find("no display"), std::string::npos) << none.err;
    EXPECT_EQ(std::count(none.err.begin(), none.err.end(), '\n'), 1) << none.err;
    // A display that cannot be reached: Qt's own fatal error would abort (134).
    const CliRun unreachable = runCli(example("chain-rule"), "env -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM DISPLAY=:9876");
    EXPECT_EQ(unreachable.status, 2);
    EXPECT_NE(unreachable.err.find("cannot open the window: could not connect to display :9876"), std::string::npos)
        << unreachable.err;
    EXPECT_EQ(std::count(unreachable.err.begin(), unreachable.err.end(), '\n'), 1) << unreachable.err;
}

// A long chain (4,801 nodes) is 1.9 million pixels wide at the default scale.
std::string longChain() {
    std::string text = "input v = 0.5\nv0 = v + 0.001 * tanh(v)\n";
    for (int i = 1; i < 1200; ++i) {
        const std::string prev = "v" + std::to_string(i - 1);
        text += "v" + std::to_string(i) + " = " + prev + " + 0.001 * tanh(" + prev + ")\n";
    }
    return text;
}

TEST(CommandLine, ALargeGraphRendersToAPngWithinTheMaximumSize) {
    const fs::path source = test::writeTemp("long-chain.bpg", longChain());
    const fs::path png = source.parent_path() / "long-chain.png";
    const CliRun r = runCli("render " + source.string() + " -o " + png.string());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("scaled down"), std::string::npos) << r.err;
    const auto [w, h] = pngSize(png);
    EXPECT_GT(w, 0u);
    EXPECT_LE(w, 16384u);
    EXPECT_LE(h, 16384u);
    EXPECT_LE(std::uint64_t(w) * h, 100'000'000u);

    const CliRun small = runCli("render " + source.string() + " -o " + png.string() + " --max-size 500 --scale 3");
    ASSERT_EQ(small.status, 0) << small.err;
    EXPECT_EQ(pngSize(png).first, 500u);
}

TEST(CommandLine, ScaleWidthAndHeightAreHonoured) {
    const fs::path png = test::writeTemp("scaled.png", "");
    const std::string render = "render " + example("chain-rule") + " -o " + png.string();
    ASSERT_EQ(runCli(render + " --scale 1").status, 0);
    const auto one = pngSize(png);
    ASSERT_EQ(runCli(render + " --scale 3").status, 0);
    const auto three = pngSize(png);
    EXPECT_NEAR(double(three.first), 3.0 * one.first, 3.0);
    EXPECT_NEAR(double(three.second), 3.0 * one.second, 3.0);
    ASSERT_EQ(runCli(render + " --width 300").status, 0);
    EXPECT_EQ(pngSize(png).first, 300u);
    ASSERT_EQ(runCli(render + " --width 300 --height 100").status, 0);
    const auto box = pngSize(png);
    EXPECT_LE(box.first, 300u);
    EXPECT_EQ(box.second, 100u);  // the graph is wider than 3:1? no: the height limits it
}

TEST(CommandLine, BashCompletionOffersEachCommandsOptions) {
    const std::string script = std::string(BPS_DESKTOP) + "/backprop-studio.bash-completion";
    for (const std::string command : {"eval", "trace", "train", "check", "render", "convert"}) {
        std::set<std::string> expected = longOptions(runCli("help " + command).out);
        expected.erase("-h");
        const fs::path out = test::writeTemp("completion-" + command, "");
        const std::string shell = "bash -c 'shopt -s extglob; source " + script + "; COMP_WORDS=(backprop-studio " +
                                  command + " x.bpg -); COMP_CWORD=3; _backprop_studio; echo \"${COMPREPLY[@]}\"' >" +
                                  out.string();
        ASSERT_EQ(std::system(shell.c_str()), 0);
        const std::set<std::string> offered = longOptions(" " + test::readFile(out.string()));
        EXPECT_EQ(offered, expected) << command;
    }
}

TEST(CommandLine, ConvertsToAndReadsTheBpsDocument) {
    const fs::path bps = test::writeTemp("chain.bps", "");
    ASSERT_EQ(runCli("convert " + example("chain-rule") + " -o " + bps.string()).status, 0);
    EXPECT_EQ(nlohmann::json::parse(test::readFile(bps.string()))["format"], "backprop-studio");
    const CliRun r = runCli("eval " + bps.string() + " --json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["root"], "e");
}

}  // namespace
}  // namespace bp
