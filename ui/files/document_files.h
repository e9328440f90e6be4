// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files behind the window's document: open (.bpg, .json, .onnx), save and save as (.json
// keeps positions, view and step; .bpg writes the text), recent files, the question before work
// is dropped, autosave and the offer to recover after a crash, and the file changed on disk.
//
// The plain calls (open, saveTo, ...) ask nothing and return an error message, empty on
// success; the interactive ones (openWithDialog, save, saveAs, maybeSave) ask and report in
// dialogs over the window.
#include <QObject>
#include <QPointF>
#include <QString>
#include <vector>

#include "core/io/text_encoding.h"

namespace bp {

class Autosave;
class DiskWatch;
class GraphDocument;
class GraphScene;
class GraphView;
class RecentFiles;
struct LeftoverWork;

class DocumentFiles : public QObject {
    Q_OBJECT
public:
    DocumentFiles(GraphDocument* doc, GraphScene* scene, GraphView* view, QWidget* window);

    // ---- asking nothing
    // Opens a file; a .bpg with errors opens as text in the Source panel, errors marked. On
    // failure the open graph is untouched, except out of memory while the new
    // graph is evaluated: the window is then left with an empty graph.
    QString open(const QString& path);
    // Shows why a file could not be opened, in a box over the window.
    void tellOpenError(const QString& error);
    // Writes the document to `path` (.json or .bpg, atomically) and makes it the current file.
    QString saveTo(const QString& path);
    // The document now shows something that is not a file (an example): `name` goes in the title.
    void showUntitled(const QString& name);
    // The title's name: the file's name, or the example's, or "Untitled".
    QString displayName() const;

    // ---- asking
    bool openWithDialog();
    bool openInteractively(const QString& path);  // asks to save first, reports a failure
    bool save();                                   // Save As when there is no file to write back to
    bool saveAs();
    // Before the work is dropped (close, open another): Save / Discard / Cancel. True: go on.
    // Asks when the document is modified, and also when nodes of a .json document were moved
    // (positions are saved there, but moving a node is no edit of the graph).
    bool maybeSave();
    bool nodesMovedSinceSave() const;

    // ---- the session: autosave and recovery
    // At start: offers the work of sessions that crashed, starts autosaving.
    void startSession();
    // Offers leftover work; returns whether some was recovered. Called by startSession.
    bool offerRecovery();
    // Opens leftover work as unsaved work of this window.
    QString recover(LeftoverWork& work);
    // A clean end: the autosave goes.
    void endSession();

    Autosave* autosave() const { return autosave_; }
    RecentFiles* recentFiles() const { return recent_; }
    DiskWatch* diskWatch() const { return watch_; }

signals:
    void titleChanged(const QString& name);
    void message(const QString& text);  // for the status bar
    // Autosave cannot protect the work (its folder cannot be made, a write failed): `reason`;
    // empty when it works again. Lasting, unlike a message: the work is at risk until it ends.
    void autosaveTrouble(const QString& reason);
    // An opened document's "source" disagreed with its nodes: the nodes were drawn, and their
    // text shown instead; `note` says so, for the Source panel.
    void sourceSetAside(const QString& note);

private:
    enum class TypedSource { Applied, SavedAsText, Cancelled };
    TypedSource applyTypedSource();
    bool saveAfterTypedSource(QString path);
    bool saveTypedSourceAsText();
    QString outOfMemoryOpening(const QString& path);
    bool openTextWithErrors(const QString& path);
    QByteArray encodeFor(const QString& path) const;
    std::string savedBpgText() const;  // what Save writes to a .bpg file, as text
    bool agreeToEncodingChange(const QString& path, const std::string* typed = nullptr);
    void setCurrentFile(const QString& path, const QString& untitledName);
    void fileChangedOnDisk(const QString& path);
    void fileRemovedFromDisk(const QString& path);
    QString askForSavePath();

    GraphDocument* doc_;
    GraphScene* scene_;
    GraphView* view_;
    QWidget* window_;
    Autosave* autosave_;
    RecentFiles* recent_;
    DiskWatch* watch_;
    QString untitledName_;
    std::vector<QPointF> savedPositions_;  // the canvas as last opened or saved
    TextEncoding textEncoding_;            // of the .bpg file on disk: saved back the same way
    bool askingAboutDisk_ = false;
};

}  // namespace bp
