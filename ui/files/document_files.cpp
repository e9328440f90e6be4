// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/document_files.h"
#include "ui/document/parse_error_text.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <new>

#include "core/io/document_json.h"
#include "core/io/load_program.h"
#include "core/io/onnx_import.h"
#include "core/io/text_encoding.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/graph_document.h"
#include "ui/files/atomic_write.h"
#include "ui/files/autosave.h"
#include "core/language/bpg_text.h"
#include "ui/files/canvas_state.h"
#include "ui/files/disk_watch.h"
#include "ui/files/recent_files.h"

namespace bp {

namespace {

// The message names the file and the place in it ("FILE:LINE:COL: error: ..."): it is the text.
void showOpenError(QWidget* window, const QString& error) {
    QMessageBox::warning(window, DocumentFiles::tr("Cannot open the file"), error);
}

QString suffixOf(const QString& path) { return QFileInfo(path).suffix().toLower(); }
// The document (JSON inside): .bps, its own extension, or .json as before.
bool isDocument(const QString& path) { return suffixOf(path) == QLatin1String("bps") || suffixOf(path) == QLatin1String("json"); }
bool isSavable(const QString& path) { return isDocument(path) || suffixOf(path) == QLatin1String("bpg"); }
std::string fileNameArg(const QString& path) { return QFile::encodeName(path).toStdString(); }

// The .bpg text for the source panel of a graph that came without one; empty when the graph has
// no .bpg spelling (a value that is nan or inf).
QString writtenSource(const Program& program) {
    try {
        return QString::fromStdString(writeProgram(program));
    } catch (const std::exception&) {
        return {};
    }
}

// "today, 14:32:05" or "2024-05-01 14:32".
QString whenText(const QDateTime& utc) {
    const QDateTime local = utc.toLocalTime();
    if (local.date() == QDate::currentDate())
        return DocumentFiles::tr("today, %1").arg(local.time().toString(QStringLiteral("HH:mm:ss")));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// The encoding of a .bpg file as it is on disk (UTF-8 for anything else, or when unreadable).
TextEncoding encodingOnDisk(const QString& path) {
    QFile file(path);
    if (path.isEmpty() || suffixOf(path) != QLatin1String("bpg") || !file.open(QIODevice::ReadOnly)) return {};
    return decodeText(file.readAll().toStdString()).encoding;
}

}  // namespace

DocumentFiles::DocumentFiles(GraphDocument* doc, GraphScene* scene, GraphView* view, QWidget* window)
    : QObject(window), doc_(doc), scene_(scene), view_(view), window_(window), recent_(new RecentFiles(this)),
      watch_(new DiskWatch(this)) {
    autosave_ = new Autosave(
        doc_,
        [this] {
            const bool watched = !doc_->filePath().isEmpty() && watch_->path() == doc_->filePath();
            return Autosave::Snapshot{documentToJson(captureDocument(*doc_, *scene_, *view_)), displayName(),
                                      doc_->filePath(), watched ? watch_->knownHash() : QByteArray()};
        },
        this);
    connect(autosave_, &Autosave::failed, this, &DocumentFiles::message);
    // A node dragged by hand is work the file does not hold (a document keeps positions): the
    // title's `*` until it is saved. Receiver and slot are the document's, so the connection goes with it.
    connect(scene_, &GraphScene::nodeDragged, doc_, &GraphDocument::markModified);
    connect(autosave_, &Autosave::failed, this, &DocumentFiles::autosaveTrouble);
    connect(autosave_, &Autosave::working, this, [this] { emit autosaveTrouble(QString()); });
    connect(watch_, &DiskWatch::changedOnDisk, this, &DocumentFiles::fileChangedOnDisk);
    connect(watch_, &DiskWatch::removedFromDisk, this, &DocumentFiles::fileRemovedFromDisk);
}

QString DocumentFiles::displayName() const {
    if (!doc_->filePath().isEmpty()) return QFileInfo(doc_->filePath()).fileName();
    return untitledName_.isEmpty() ? tr("Untitled") : untitledName_;
}

void DocumentFiles::setCurrentFile(const QString& path, const QString& untitledName) {
    doc_->markSaved(path);
    untitledName_ = untitledName;
    savedPositions_ = scene_->nodePositions();
    textEncoding_ = encodingOnDisk(path);
    if (path.isEmpty()) {
        watch_->stop();
    } else {
        watch_->watchAsOnDisk(path);
        recent_->add(path);
    }
    emit titleChanged(displayName());
}

void DocumentFiles::showUntitled(const QString& name) { setCurrentFile(QString(), name); }

// ---- open ------------------------------------------------------------------------------------

QString DocumentFiles::open(const QString& path) {
    DocumentFile loaded;
    QString source;
    try {
        if (isDocument(path)) {
            loaded = loadDocumentFile(fileNameArg(path));
            source = QString::fromStdString(loaded.source);
        } else {
            const bool bpg = suffixOf(path) == QLatin1String("bpg");
            // .bpg text reports a ParseError (with its place) to open it as text with errors.
            loaded = documentOf(bpg ? loadProgramFile(fileNameArg(path)) : loadProgram(fileNameArg(path)));
            QFile text(path);
            if (bpg && text.open(QIODevice::ReadOnly))
                source = QString::fromStdString(decodeText(text.readAll().toStdString()).utf8);
        }
    } catch (const std::bad_alloc&) {
        return outOfMemoryOpening(path);
    } catch (const ParseError& e) {
        if (suffixOf(path) == QLatin1String("bpg") && e.line > 0 && openTextWithErrors(path)) return {};
        return errorText(e);
    } catch (const std::exception& e) {
        return errorText(e);
    }
    const int onnxOpset = loaded.program.onnxOpset;
    const SourceVerdict sourceVerdict = loaded.sourceVerdict;
    try {
        if (source.isEmpty()) source = writtenSource(loaded.program);
        restoreDocument(std::move(loaded), source, *doc_, *scene_, *view_);
    } catch (const std::bad_alloc&) {
        // The document was replaced but not evaluated: nothing half-built stays on screen.
        doc_->setProgram(Program{}, QString());
        showUntitled(tr("Untitled"));
        return outOfMemoryOpening(path);
    }
    setCurrentFile(path, QString());
    if (sourceVerdict != SourceVerdict::Agrees) {
        const QString note =
            sourceVerdict == SourceVerdict::DoesNotParse
                ? tr("The text saved in “%1” has errors; the graph comes from the document's nodes, and this is "
                     "their text.")
                : tr("The text saved in “%1” describes another graph than the document's nodes (was the file "
                     "edited by hand?); the graph comes from the nodes, and this is their text.");
        emit sourceSetAside(note.arg(QFileInfo(path).fileName()));
    }
    if (onnxOpset > kNewestKnownOnnxOpset)
        emit message(tr("“%1” declares ONNX opset %2; this program knows opsets up to %3, so an operator whose "
                        "meaning changed since may have been imported with its older meaning.")
                         .arg(QFileInfo(path).fileName())
                         .arg(onnxOpset)
                         .arg(kNewestKnownOnnxOpset));
    return {};
}

// A .bpg with errors opens as an editor opens it: its text in the Source panel with the errors
// marked, an empty canvas until the text is fixed and applied; Save writes the text back.
bool DocumentFiles::openTextWithErrors(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    const QByteArray bytes = file.readAll();
    doc_->setProgram(Program{}, QString());
    setCurrentFile(path, QString());
    doc_->restoreTypedSource(QString::fromStdString(decodeText(bytes.toStdString()).utf8));
    doc_->markTypedSourceSaved();  // the file holds this text: nothing is unsaved yet
    emit message(tr("“%1” has errors: the Source panel marks them. Fix the text and apply it (Ctrl+Return).")
                     .arg(QFileInfo(path).fileName()));
    return true;
}

QString DocumentFiles::outOfMemoryOpening(const QString& path) {
    return tr("%1: Backprop Studio ran out of memory opening this file: evaluating the graph needs more memory "
              "than the program may use. Make the graph's values smaller.")
        .arg(path);
}

void DocumentFiles::tellOpenError(const QString& error) { showOpenError(window_, error); }

bool DocumentFiles::openInteractively(const QString& path) {
    if (!maybeSave()) return false;
    const QString error = open(path);
    if (error.isEmpty()) return true;
    showOpenError(window_, error);
    if (!QFileInfo::exists(path)) recent_->remove(path);
    return false;
}

// The file first, then the question about unsaved work: cancelling the dialog asks nothing.
bool DocumentFiles::openWithDialog() {
    const QString start = doc_->filePath().isEmpty() ? QString() : QFileInfo(doc_->filePath()).path();
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Open a graph"), start,
        tr("Graphs (*.bpg *.bps *.json *.onnx);;Graph text (*.bpg);;Backprop Studio documents (*.bps *.json);;ONNX models "
           "(*.onnx);;All files (*)"));
    if (path.isEmpty()) return false;
    return openInteractively(path);
}

// ---- save ------------------------------------------------------------------------------------

QByteArray DocumentFiles::encodeFor(const QString& path) const {
    if (isDocument(path))
        return QByteArray::fromStdString(documentText(captureDocument(*doc_, *scene_, *view_)));
    if (suffixOf(path) == QLatin1String("bpg")) {
        const std::string text = savedBpgText();
        // The encoding the file had (UTF-8 with its mark, or Latin-1), byte for byte; UTF-8 once
        // the user has agreed to it for text that Latin-1 cannot hold (asked in saveTo).
        if (auto bytes = encodeText(text, textEncoding_)) return QByteArray::fromStdString(*bytes);
        throw std::runtime_error("the file is Latin-1 (ISO 8859-1) text and the text now holds characters that "
                                 "Latin-1 cannot: Save asks whether to write it as UTF-8");
    }
    return {};
}

std::string DocumentFiles::savedBpgText() const {
    return bpgTextFor(doc_->program(), doc_->sourceText().toStdString());
}

// Text the file's Latin-1 cannot hold: the user says whether it may become UTF-8.
// `typed` is the text to save; none for the graph's text (what saveTo writes).
bool DocumentFiles::agreeToEncodingChange(const QString& path, const std::string* typed) {
    if (suffixOf(path) != QLatin1String("bpg") || textEncoding_.charset == TextEncoding::Charset::Utf8) return true;
    try {
        if (encodeText(typed ? *typed : savedBpgText(), textEncoding_)) return true;
    } catch (const std::exception&) {
        return true;  // text that cannot be written: saveTo says why
    }
    const auto answer = QMessageBox::question(
        window_, tr("Save as UTF-8?"),
        tr("“%1” is Latin-1 (ISO 8859-1) text, and the text now holds characters that Latin-1 cannot. Save it as "
           "UTF-8? Its other accented letters are then written as UTF-8 too, which older editors may show wrongly.")
            .arg(QFileInfo(path).fileName()),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    if (answer != QMessageBox::Save) return false;
    textEncoding_ = TextEncoding{};
    return true;
}

QString DocumentFiles::saveTo(const QString& path) {
    if (!isSavable(path))
        return tr("Backprop Studio saves a graph as a .bps document (with positions, view and step) or as .bpg "
                  "text; “%1” is neither.")
            .arg(QFileInfo(path).fileName());
    QByteArray bytes;
    try {
        bytes = encodeFor(path);
    } catch (const std::exception& e) {
        return tr("Could not save “%1” as .bpg text: %2.\nSave it as a .bps document, which keeps every value.")
            .arg(QFileInfo(path).fileName(), errorText(e));
    }
    const QString error = writeFileAtomically(path, bytes);
    if (!error.isEmpty()) return error;
    setCurrentFile(path, QString());
    watch_->watch(path, bytes);
    return {};
}

QString DocumentFiles::askForSavePath() {
    const QString json = tr("Backprop Studio document (*.bps *.json)");
    const QString bpg = tr("Graph text (*.bpg)");
    QString suggestion = doc_->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                         .filePath(displayName() + QStringLiteral(".bps"));
    else if (!isSavable(suggestion))  // an ONNX model is saved as a document beside it
        suggestion = QFileInfo(suggestion).dir().filePath(QFileInfo(suggestion).completeBaseName() + ".bps");
    QString selected = suffixOf(suggestion) == QLatin1String("bpg") ? bpg : json;
    QString path = QFileDialog::getSaveFileName(window_, tr("Save the graph"), suggestion, json + ";;" + bpg, &selected);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += selected == bpg ? QStringLiteral(".bpg") : QStringLiteral(".bps");
    return path;
}

// Save saves what the user sees: the Source panel's unapplied text is applied first. Text that
// does not parse cannot be the graph: the user is told so and may save the text as it is.
DocumentFiles::TypedSource DocumentFiles::applyTypedSource() {
    if (!doc_->hasUnappliedSource()) return TypedSource::Applied;
    QString problem;
    try {
        doc_->editSource(doc_->typedSource());  // one undo step, as Ctrl+Return
        return TypedSource::Applied;
    } catch (const std::exception& e) {
        problem = errorText(e);
    }
    QMessageBox box(QMessageBox::Warning, tr("The source does not parse"),
                    tr("The text in the Source panel does not make a graph, so the graph cannot be saved as you see "
                       "it."),
                    QMessageBox::NoButton, window_);
    box.setInformativeText(problem + QStringLiteral("\n\n") +
                           tr("You can save the text as it is, in a .bpg file that shows this error when it is "
                              "opened."));
    QPushButton* asText = box.addButton(tr("Save the Text As…"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(asText);
    box.exec();
    if (box.clickedButton() != asText) return TypedSource::Cancelled;
    return saveTypedSourceAsText() ? TypedSource::SavedAsText : TypedSource::Cancelled;
}

bool DocumentFiles::saveTypedSourceAsText() {
    QString suggestion = doc_->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                         .filePath(displayName() + QStringLiteral(".bpg"));
    else if (suffixOf(suggestion) != QLatin1String("bpg"))
        suggestion = QFileInfo(suggestion).dir().filePath(QFileInfo(suggestion).completeBaseName() + ".bpg");
    const QString path = QFileDialog::getSaveFileName(window_, tr("Save the text"), suggestion, tr("Graph text (*.bpg)"));
    if (path.isEmpty()) return false;
    const std::string typed = doc_->typedSource().toStdString();
    if (!agreeToEncodingChange(path, &typed)) return false;
    const QByteArray bytes = QByteArray::fromStdString(encodeText(typed, textEncoding_).value_or(typed));
    const QString error = writeFileAtomically(path, bytes);
    if (!error.isEmpty()) {
        QMessageBox::warning(window_, tr("Not saved"), error);
        return false;
    }
    doc_->markTypedSourceSaved();
    if (QFileInfo(path) == QFileInfo(doc_->filePath())) {  // the file holds the newest work now
        doc_->markSaved(doc_->filePath());
        watch_->watch(path, bytes);
    }
    emit message(tr("Saved the Source panel's text to “%1”; it does not make a graph yet.")
                     .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool DocumentFiles::saveAs() { return saveAfterTypedSource(QString()); }

bool DocumentFiles::save() {
    const QString path = doc_->filePath();
    if (path.isEmpty() || !isSavable(path)) return saveAs();
    return saveAfterTypedSource(path);
}

// The typed source first (applied, or saved as text, or the save cancelled), then the graph to
// `path`, asked for when empty.
bool DocumentFiles::saveAfterTypedSource(QString path) {
    switch (applyTypedSource()) {
    case TypedSource::Cancelled: return false;
    case TypedSource::SavedAsText: return true;
    case TypedSource::Applied: break;
    }
    if (path.isEmpty()) path = askForSavePath();
    if (path.isEmpty() || !agreeToEncodingChange(path)) return false;
    const QString error = saveTo(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(window_, tr("Not saved"), error);
        return false;
    }
    emit message(tr("Saved “%1”.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool DocumentFiles::nodesMovedSinceSave() const {
    if (!isDocument(doc_->filePath())) return false;
    const std::vector<QPointF> now = scene_->nodePositions();
    if (now.size() != savedPositions_.size()) return true;
    for (std::size_t i = 0; i < now.size(); ++i)
        if ((now[i] - savedPositions_[i]).manhattanLength() > 0.5) return true;
    return false;
}

bool DocumentFiles::maybeSave() {
    if (!doc_->isModified() && !nodesMovedSinceSave()) return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("Save the changes to “%1”?").arg(displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, window_);
    box.setInformativeText(tr("They are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

// ---- the session -----------------------------------------------------------------------------

void DocumentFiles::startSession() {
    const QString error = autosave_->start();
    if (!error.isEmpty()) {
        emit message(error);
        emit autosaveTrouble(error);
    }
    offerRecovery();
}

bool DocumentFiles::offerRecovery() {
    QStringList problems;
    std::vector<LeftoverWork> leftovers = autosave_->findLeftovers(&problems);
    for (const QString& problem : problems) QMessageBox::warning(window_, tr("Autosave"), problem);
    bool recovered = false;
    for (LeftoverWork& work : leftovers) {
        if (recovered) {  // one window holds one graph: the next start offers the rest
            Autosave::release(work, false);
            continue;
        }
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved work"),
                        tr("Recover unsaved work from %1?").arg(whenText(work.savedAt)), QMessageBox::NoButton,
                        window_);
        const QString what = work.originalFile.isEmpty()
                                 ? tr("“%1”").arg(work.title)
                                 : tr("“%1” (%2)").arg(work.title, QDir::toNativeSeparators(work.originalFile));
        // The file may have been saved by another program since: then the work is kept apart from it.
        const bool fileChanged = !work.originalFile.isEmpty() && !work.fileHash.isEmpty() &&
                                 DiskWatch::hashOfFile(work.originalFile) != work.fileHash;
        QString info =
            tr("Backprop Studio did not close normally. Changes to %1 that were not saved were kept.").arg(what);
        if (fileChanged)
            info += QStringLiteral("\n\n") +
                    tr("The file has changed on disk since this work was autosaved. Recovered, the work stays apart "
                       "from it (Save asks for a name), so neither is lost.");
        box.setInformativeText(info);
        QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("Decide later"), QMessageBox::RejectRole);
        box.setDefaultButton(recover);
        box.exec();
        if (box.clickedButton() == recover) {
            if (fileChanged) {
                work.originalFile.clear();
                work.title = tr("%1 (recovered)").arg(work.title);
            }
            const QString error = this->recover(work);
            if (!error.isEmpty()) QMessageBox::warning(window_, tr("Cannot recover"), error);
            recovered = error.isEmpty();
            Autosave::release(work, recovered);
        } else {
            Autosave::release(work, box.clickedButton() == discard);
        }
    }
    return recovered;
}

QString DocumentFiles::recover(LeftoverWork& work) {
    try {
        QString source = QString::fromStdString(work.document.source);
        if (source.isEmpty()) source = writtenSource(work.document.program);
        restoreDocument(std::move(work.document), source, *doc_, *scene_, *view_);
    } catch (const std::exception& e) {
        return errorText(e);
    }
    if (!work.typed.isEmpty()) doc_->restoreTypedSource(work.typed);
    // The work belongs to its file again (Save writes there), but no file holds it yet.
    doc_->markSaved(work.originalFile);
    untitledName_ = work.title;
    if (!work.originalFile.isEmpty() && QFileInfo::exists(work.originalFile)) watch_->watchAsOnDisk(work.originalFile);
    else watch_->stop();
    doc_->markModified();
    emit titleChanged(displayName());
    autosave_->writeNow();  // this session's autosave holds it before the leftover goes
    emit message(tr("Recovered the unsaved work. Save it to keep it."));
    return {};
}

void DocumentFiles::endSession() { autosave_->stop(); }

// ---- the file on disk ------------------------------------------------------------------------

void DocumentFiles::fileChangedOnDisk(const QString& changedPath) {
    const QString path = changedPath;  // a copy: opening the file again re-arms the watch
    if (askingAboutDisk_ || path != doc_->filePath()) return;
    askingAboutDisk_ = true;
    QMessageBox box(QMessageBox::Question, tr("File changed on disk"),
                    tr("“%1” was changed on disk by another program. Reload it?").arg(QFileInfo(path).fileName()),
                    QMessageBox::NoButton, window_);
    box.setInformativeText(doc_->isModified() ? tr("Reloading drops the changes made here since it was saved.")
                                              : tr("If you keep the graph shown, it counts as unsaved."));
    QPushButton* reload = box.addButton(tr("Reload"), QMessageBox::AcceptRole);
    box.addButton(tr("Keep the graph shown"), QMessageBox::RejectRole);
    box.setDefaultButton(reload);
    box.exec();
    askingAboutDisk_ = false;
    if (box.clickedButton() != reload) {
        doc_->markModified();  // the window and the file differ now
        return;
    }
    const QString error = open(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(window_, tr("Cannot reload the file"), error);
        doc_->markModified();
    }
}

void DocumentFiles::fileRemovedFromDisk(const QString& path) {
    if (path != doc_->filePath()) return;
    doc_->markModified();
    emit message(tr("“%1” was removed or renamed on disk. The graph stays open: save it to keep it.")
                     .arg(QDir::toNativeSeparators(path)));
}

}  // namespace bp
