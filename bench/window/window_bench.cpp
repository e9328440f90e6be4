// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a user has it, timed from the input event to the last frame it causes.
//
//     bps_window_bench [--sizes 1k,10k,100k] [--shapes net,chain] [--steps N] [--edits N] [--opens N] [--json]
//
// The real MainWindow with every dock where it opens on a first run (the chain rule at the
// bottom with three tabs behind it, the inspector on the right with three, the source on the
// left), shown on the platform it is given (offscreen by default; under Xvfb with
// QT_QPA_PLATFORM=xcb). For each generated graph (fixed seeds, bench/workloads.h):
//   - open: File > Open of the .bpg, until the graph is drawn (an overview's layout included);
//   - step: one Right key on the canvas in the middle of the backward pass, the class predicting
//     or not (H): each step moves on one event, as a lecture goes;
//   - edit: one Up key on the inspector's slider of a selected weight (a keyboard edit: the
//     document, every dock showing it, the canvas).
// A measurement starts when the event is sent and ends when the event loop has nothing left to
// do (no event, timer or repaint pending): the last frame is on the screen. Reported per action:
// the median and the worst of the wall time and of the process's CPU time.
#include <QApplication>
#include <QDir>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "bench/workloads.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/graph_document.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/leaf_sliders.h"
#include "ui/window/main_window.h"
#include "ui/window/predict_reveal.h"

namespace bp {
namespace {

double nowWall() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}
double nowCpu() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

// Counts every event the application delivers, so that "idle" can be told.
class EventCounter : public QObject {
public:
    long count = 0;
    long paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        ++count;
        if (event->type() == QEvent::Paint || event->type() == QEvent::UpdateRequest) ++paints;
        if (std::getenv("BPS_BENCH_TRACE")) std::fprintf(stderr, "event %d to %s\n", int(event->type()), watched->metaObject()->className());
        return QObject::eventFilter(watched, event);
    }
};

EventCounter* counter() {
    static auto* c = [] {
        auto* filter = new EventCounter;
        qApp->installEventFilter(filter);
        return filter;
    }();
    return c;
}

// Runs the event loop until it delivers nothing more: every posted event, zero timer, repaint and
// flush the action caused has happened.
void settle(MainWindow& window) {
    for (int idle = 0; idle < 2;) {
        const long before = counter()->count;
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (window.scene()->layoutPending()) {
            window.scene()->waitForLayout();
            idle = 0;
            continue;
        }
        idle = counter()->count == before ? idle + 1 : 0;
    }
}

struct Sample {
    double wall, cpu;
};

struct Stats {
    std::string action;
    int count = 0;
    double wallMedian = 0, wallMax = 0, cpuMedian = 0, cpuMax = 0;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

Stats statsOf(const std::string& action, const std::vector<Sample>& samples) {
    std::vector<double> wall, cpu;
    for (const Sample& s : samples) {
        wall.push_back(s.wall);
        cpu.push_back(s.cpu);
    }
    Stats st;
    st.action = action;
    st.count = int(samples.size());
    st.wallMedian = median(wall);
    st.cpuMedian = median(cpu);
    st.wallMax = wall.empty() ? 0 : *std::max_element(wall.begin(), wall.end());
    st.cpuMax = cpu.empty() ? 0 : *std::max_element(cpu.begin(), cpu.end());
    return st;
}

bool checkLateFrames = false;

template <class Action>
Sample timed(MainWindow& window, Action action) {
    const double w0 = nowWall(), c0 = nowCpu();
    const long paints = counter()->paints;
    action();
    settle(window);
    const Sample sample{nowWall() - w0, nowCpu() - c0};
    if (checkLateFrames) {
        // A frame that came after the measurement ended would mean it ended too early.
        const long settled = counter()->paints;
        QTest::qWait(60);
        std::fprintf(stderr, "  %ld paint events within, %ld after\n", settled - paints, counter()->paints - settled);
    }
    return sample;
}

struct Workload {
    std::string shape;  // "net" or "chain"
    std::string size;   // "1k", "10k", "100k"
    std::string source;
    std::string weight;  // the leaf the edits change
};

Workload workload(const std::string& shape, const std::string& size) {
    // A net w-w-w-1 expanded to scalars has about 6w² nodes; the chain 3 a step.
    const int scale = size == "1k" ? 1 : size == "10k" ? 10 : 100;
    if (shape == "chain") return {shape, size, bench::chainSource(333 * scale), "v0"};
    const int width = scale == 1 ? 12 : scale == 10 ? 40 : 128;
    return {shape, size, bench::scalarNetSource({width, width, width, 1}), "w2_5_7"};
}

struct Options {
    std::vector<std::string> sizes{"1k", "10k", "100k"};
    std::vector<std::string> shapes{"net", "chain"};
    int steps = 40, edits = 20, opens = 3;
    bool json = false;
};

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

std::vector<Stats> run(const Workload& w, const Options& options, const QString& folder, int& nodes) {
    const QString path = QDir(folder).filePath(QString::fromStdString(w.shape + "-" + w.size + ".bpg"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) throw std::runtime_error("cannot write " + path.toStdString());
        file.write(w.source.data(), qint64(w.source.size()));
    }
    std::vector<Stats> out;
    std::vector<Sample> opens;
    MainWindow window;
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    settle(window);
    // A big graph opens once or twice: it takes seconds.
    const int openCount = w.size == "100k" ? std::min(options.opens, 2) : options.opens;
    for (int i = 0; i < openCount; ++i)
        opens.push_back(timed(window, [&] {
            const QString error = window.openFile(path);
            if (!error.isEmpty()) throw std::runtime_error(error.toStdString());
        }));
    out.push_back(statsOf("open", opens));
    GraphDocument* doc = window.document();
    nodes = doc->graph().size();

    // Steps from the middle of the backward pass, one event further each time. The window is the
    // active one, as a user's is (under X without a window manager it is not until asked, and its
    // step shortcuts then take no key).
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window)) throw std::runtime_error("the window did not become active");
    window.view()->setFocus();
    auto steps = [&](bool predicting) {
        doc->setCursorPosition(doc->cursor().forwardCount() + doc->cursor().backwardCount() / 2);
        if (window.predictReveal()->isOn() != predicting) window.predictReveal()->setOn(predicting);
        settle(window);
        std::vector<Sample> samples;
        const int from = doc->cursor().position();
        for (int i = 0; i < options.steps; ++i)
            samples.push_back(timed(window, [&] { QTest::keyClick(window.view(), Qt::Key_Right); }));
        // Each key is one step (predicting, every other key reveals): a benchmark of steps that did
        // not happen would be worthless.
        const int moved = doc->cursor().position() - from;
        if (moved < std::min(predicting ? options.steps / 2 : options.steps, doc->cursor().last() - from))
            throw std::runtime_error("the keys made " + std::to_string(moved) + " steps of " + std::to_string(options.steps));
        window.predictReveal()->setOn(false);
        return samples;
    };
    out.push_back(statsOf("step", steps(false)));
    out.push_back(statsOf("step predicting", steps(true)));

    // Edits: the weight selected, its slider in the inspector moved by the keyboard.
    doc->setSelectedNode(doc->graph().find(w.weight));
    settle(window);
    auto* slider = window.inspectorDock()->sliders()->findChild<QSlider*>();
    if (!slider) throw std::runtime_error("no slider for " + w.weight);
    if (std::getenv("BPS_BENCH_TRACE")) std::fprintf(stderr, "slider visible %d enabled %d value %d selected %d\n", slider->isVisible(), slider->isEnabled(), slider->value(), doc->selectedNode());
    std::vector<Sample> edits;
    for (int i = 0; i < options.edits; ++i)
        edits.push_back(timed(window, [&] { QTest::keyClick(slider, i % 2 ? Qt::Key_Down : Qt::Key_Up); }));
    // Each key is one undoable edit: a benchmark of edits that did not happen would be worthless.
    if (doc->undoStack()->count() != options.edits)
        throw std::runtime_error("the slider made " + std::to_string(doc->undoStack()->count()) + " edits of " +
                                 std::to_string(options.edits));
    out.push_back(statsOf("edit", edits));
    doc->markSaved(QString());  // nothing to ask about on close
    return out;
}

}  // namespace
}  // namespace bp

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);  // the first run's layout, no autosave
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Backprop Studio Bench"));
    bp::Options options;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        const std::string a = args[i].toStdString();
        const bool hasValue = i + 1 < args.size();
        if (a == "--json") options.json = true;
        else if (a == "--check") bp::checkLateFrames = true;
        else if (a == "--sizes" && hasValue) options.sizes = bp::split(args[++i].toStdString());
        else if (a == "--shapes" && hasValue) options.shapes = bp::split(args[++i].toStdString());
        else if (a == "--steps" && hasValue) options.steps = args[++i].toInt();
        else if (a == "--edits" && hasValue) options.edits = args[++i].toInt();
        else if (a == "--opens" && hasValue) options.opens = std::max(1, args[++i].toInt());
        else {
            std::fprintf(stderr,
                         "usage: bps_window_bench [--sizes 1k,10k,100k] [--shapes net,chain] [--steps N] [--edits N] "
                         "[--opens N] [--json]\n");
            return 2;
        }
    }
    QTemporaryDir folder;
    bool first = true;
    if (options.json) std::printf("{\"platform\": \"%s\", \"results\": [\n", qPrintable(QApplication::platformName()));
    try {
        for (const std::string& size : options.sizes)
            for (const std::string& shape : options.shapes) {
                int nodes = 0;
                const auto results = bp::run(bp::workload(shape, size), options, folder.path(), nodes);
                for (const bp::Stats& s : results) {
                    if (options.json)
                        std::printf("%s  {\"shape\": \"%s\", \"size\": \"%s\", \"nodes\": %d, \"action\": \"%s\", "
                                    "\"count\": %d, \"wall_median_ms\": %.4f, \"wall_max_ms\": %.4f, "
                                    "\"cpu_median_ms\": %.4f, \"cpu_max_ms\": %.4f}",
                                    first ? "" : ",\n", shape.c_str(), size.c_str(), nodes, s.action.c_str(), s.count,
                                    s.wallMedian, s.wallMax, s.cpuMedian, s.cpuMax);
                    else
                        std::printf("%-6s %-5s %7d nodes  %-16s  wall median %9.3f ms  max %9.3f ms   CPU median %9.3f ms  max %9.3f ms\n",
                                    shape.c_str(), size.c_str(), nodes, s.action.c_str(), s.wallMedian, s.wallMax,
                                    s.cpuMedian, s.cpuMax);
                    first = false;
                    std::fflush(stdout);
                }
            }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bps_window_bench: %s\n", e.what());
        return 1;
    }
    if (options.json) std::printf("\n]}\n");
    return 0;
}
