<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddLoss</name>
    <message>
        <source>The graph has no root to compare with a target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target is %1 but the output “%2” is %3: they must have the same shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target must be finite numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output has no name to write the loss with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean squared error against a target, to train the model (Graph &gt; Add MSE loss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It replaces: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss could not be made the root of the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add MSE loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>param</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>const</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient ∂root/∂node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>param (trained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Double-click a number to type a new value;
Shift+drag it sideways to change it like a slider.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel: zoom; drag the background: pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a node: select it (the inspector shows it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left / Alt+Right: select an input / a node that uses the selected one; Up / Down: the node above / below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: type a new value of the selected leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab: the next panel (also from the source panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a number of a leaf: type a new value (Enter applies, Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+drag a number sideways: change it like a slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a .bpg, .bps, .json or .onnx file on the window: open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source panel: Ctrl+Return applies the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computation graphs, forward values and the backward pass, edge by edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1 (built with %2), Eigen %3, ONNX %4, nlohmann_json %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop Studio is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY. See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0-or-later&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .bpg language — Backprop Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph language: every operator and function, with an example each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts — Backprop Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key the window knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Backprop Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Backprop Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version, the libraries and the licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version and licence of Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies when Backprop Studio starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Backprop Studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(applies on restart)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageReference</name>
    <message>
        <source>The graph language (.bpg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One statement per line (&lt;code&gt;;&lt;/code&gt; also separates); &lt;code&gt;#&lt;/code&gt; starts a comment; newlines inside &lt;code&gt;( )&lt;/code&gt; or &lt;code&gt;[ ]&lt;/code&gt; are ignored. Leaves come first, then one assignment per op; the last assignment is the root of the backward pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators and functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local derivative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;code&gt;+ - * /&lt;/code&gt; are elementwise with NumPy broadcasting on two dimensions; &lt;code&gt;@&lt;/code&gt; is the matrix product. Errors name the place: &lt;code&gt;FILE:LINE:COL: error: MESSAGE&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples (File &gt; Examples opens them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Apply the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SceneExport</name>
    <message>
        <source>Cannot write “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scale must be a positive number, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 × %2 picture is too large to write; choose a smaller scale or SVG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory for a %1 × %2 picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures are written as .png or .svg, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no graph to draw.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepExport</name>
    <message>
        <source>This phase has no steps to draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::AddLossDialog</name>
    <message>
        <source>Add MSE loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph ends at &lt;b&gt;%1&lt;/b&gt;, a %2 matrix. The loss compares it with a target:&lt;br&gt;&lt;tt&gt;&amp;nbsp;&amp;nbsp;loss = mse(%1, target)&lt;/tt&gt;&lt;br&gt;the mean of (%1 − target)² over the entries, as PyTorch&apos;s &lt;tt&gt;MSELoss()&lt;/tt&gt;.&lt;br&gt;It becomes the root: the backward pass, training and the gradient check use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph has no output to compare with a target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target, a %1 literal (the zeros are a start):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::AtomicWrite</name>
    <message>
        <source>Could not save “%1”: %2.
The file on disk was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 of %2 bytes could be written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::Autosave</name>
    <message>
        <source>Autosave is off: cannot create the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave is off: cannot lock “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An autosave could not be read and was set aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::ChainRuleDock</name>
    <message>
        <source>Chain rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::DocumentFiles</name>
    <message>
        <source>Cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has errors: the Source panel marks them. Fix the text and apply it (Ctrl+Return).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Backprop Studio ran out of memory opening this file: evaluating the graph needs more memory than the program may use. Make the graph&apos;s values smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphs (*.bpg *.bps *.json *.onnx);;Graph text (*.bpg);;Backprop Studio documents (*.bps *.json);;ONNX models (*.onnx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop Studio saves a graph as a .bps document (with positions, view and step) or as .bpg text; “%1” is neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save “%1” as .bpg text: %2.
Save it as a .bps document, which keeps every value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop Studio document (*.bps *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph text (*.bpg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source does not parse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text in the Source panel does not make a graph, so the graph cannot be saved as you see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can save the text as it is, in a .bpg file that shows this error when it is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Text As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the Source panel&apos;s text to “%1”; it does not make a graph yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are lost if you don&apos;t save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved work from %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop Studio did not close normally. Changes to %1 that were not saved were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has changed on disk since this work was autosaved. Recovered, the work stays apart from it (Save asks for a name), so neither is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (recovered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered the unsaved work. Save it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed on disk by another program. Reload it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloading drops the changes made here since it was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you keep the graph shown, it counts as unsaved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the graph shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reload the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was removed or renamed on disk. The graph stays open: save it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files you open and save are listed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the files listed here (the files stay on disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::ExportActions</name>
    <message>
        <source>Export &amp;picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canvas as it shows now, as PNG (1x, 2x, 3x) or SVG, for slides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all s&amp;teps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One numbered picture per step of the current phase, for a slide deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 phase has no steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes %1 pictures, %2 … %3, one per step of the %4 phase (the phase the cursor is in; step into the other phase first to export that one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” already holds %n step picture(s). Replace them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing the steps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing step %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1

%n picture(s) were written before the problem.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n of %1 pictures written to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n picture(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bp::ExportDialog</name>
    <message>
        <source>Export picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG %1x (%2 × %3 pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (a drawing, sharp at any size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the step pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a folder; add a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::FindBar</name>
    <message>
        <source>Find node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find node: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name, e.g. w1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous node that matches (Shift+F3, Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next node that matches (F3, Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a node by its name: selects it and centres the view on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::GradientCheckDock</name>
    <message>
        <source>Gradient check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare every leaf&apos;s gradient from the backward pass with central finite differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric: (f(x+h) − f(x−h)) / 2h with h = %1·max(1, |x|), f = Σ seed·root. An entry agrees when |analytic − numeric| ≤ %2 + %3·max(|analytic|, |numeric|).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|difference|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient from the backward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central finite difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A long gradient check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Check gradients” to compare every leaf&apos;s gradient with central differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph has changed since: run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leaves of this graph hold %L1 numbers. The check runs two forward passes for each of them, which takes about %2. The window stays usable meanwhile.

Run the check?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: %L1 leaf entries would take about %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %L1 leaf entries (about %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No derivative exists here (relu or abs at 0): the backward pass&apos;s value lies between the slopes on the left and on the right, a valid subgradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ All %L1 leaf entries agree with central differences (largest difference %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %L1 of %L2 entries disagree, in %3: a wrong derivative, or a value that is inf or nan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Entries at a kink (relu or abs at 0): %n. There the backward pass&apos;s value lies between the one-sided slopes, a valid subgradient.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The table lists %L1 of them: every disagreement, then the first that agree.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::GraphView</name>
    <message>
        <source>Laying out %L1 nodes… %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::GuardedApplication</name>
    <message>
        <source>Out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop Studio ran out of memory and stopped what it was doing: the graph needs more memory than the program may use. Save your work, then make the graph&apos;s values smaller.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (forward)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient (backward)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a node to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Edit the value below, or double-click the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type one number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::LeafSliders</name>
    <message>
        <source>%1 has %2 entries: edit them in the table above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to change a value; everything follows. One drag is one undo step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::MainWindow</name>
    <message>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;as opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right/Space: step   Left/Backspace: back   Home/End   Wheel: zoom   Drag: pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new graph from a small template: a neuron and its loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a .bpg graph, a .bps document or an .onnx model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window (asks about unsaved work)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window (asks about unsaved work)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lay out again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place every node again by the automatic layout (nodes moved by hand too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window over the whole screen, with its panels (F11; F5 presents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the chain rule of the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the inspector: the selected node whole, sliders for a leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the .bpg text of the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the change of the loss an edit predicts and the change that happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the list of edits (click one to go back to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide σ(z) and σ′(z) with the z of every sigmoid node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the vanishing-gradient demo: deep chains of sigmoid, tanh or relu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide training with SGD and the loss curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the PyTorch script that computes the same numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the comparison of every gradient with central differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the step buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset the window layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;MSE loss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1: it is the root now (Ctrl+Z takes it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a model that ends at its output a loss to train: mse(output, target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Backprop Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::PredictDock</name>
    <message>
        <source>Predict the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a weight — double-click a number on the canvas, Shift+drag it, or use the inspector&apos;s sliders — and this panel compares the gradient&apos;s prediction &lt;b&gt;ΔL ≈ ∂L/∂w · Δw&lt;/b&gt; with the change that really happens to the loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ seed∘%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3 (Δ = %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>∂%1/∂%2 · Δ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ ∂%1/∂w · Δw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss does not depend on this value here: its gradient is 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number is not finite: no comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient predicted the change to within %1%: for a small step the loss moves along its slope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prediction is off by %1%: the step is too large for the straight-line (first-order) estimate — the slope changed along the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::PredictReveal</name>
    <message>
        <source>Let the class &amp;predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step first shows “?” for its result; Step or R reveals it (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the number the class was asked to predict (R, or Step)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, large type: the canvas, the steps and the chain rule (F5; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation &amp;type size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type size of presentation mode: %1% of the window&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentations start with the class &amp;predicting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5 also switches on “Let the class predict”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::PyTorchCodeDock</name>
    <message>
        <source>PyTorch code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the script to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the script as a .py file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leaves of this graph hold %L1 numbers: the script is too long to show here. Save as… writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph in PyTorch. Run it with &lt;b&gt;python3 graph.py&lt;/b&gt;: PyTorch prints the same &lt;span style=&apos;color:%1&apos;&gt;values&lt;/span&gt; and &lt;span style=&apos;color:%2&apos;&gt;gradients&lt;/span&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write this graph in PyTorch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the PyTorch script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>graph.py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the script</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::SigmoidChartDock</name>
    <message>
        <source>Sigmoid chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph has no sigmoid node. Open &lt;b&gt;mlp-1-2-2&lt;/b&gt; or &lt;b&gt;deep-sigmoid&lt;/b&gt; to see where each one sits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number: check the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;the gradient is tiny&lt;/b&gt; (%1× below the maximum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near the maximum 1/4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gradient is scaled by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 → σ′ = %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 of %2 sigmoid entries are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::SourceDock</name>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the graph from this text (Ctrl+Return). Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop what was typed and show the text of the graph on the canvas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 ms after the last key press.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph changed while you were typing: Apply builds it from this text, Revert shows the graph&apos;s text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited: press Ctrl+Return to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A long text is not applied as you type: press Ctrl+Return to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canvas shows the last graph that parsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text is not applied yet: press Ctrl+Return to apply it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::StepToolBar</name>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (%1 forward, %2 backward steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::TrainingDock</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero grad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimizer.zero_grad(), then forward and one backward pass: fresh gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss.backward() once more without zero_grad: the gradients of the leaves add up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimizer.step(): every param moves by −lr × its gradient (with momentum, its buffer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As many times as Steps says: zero_grad, forward, backward, step. One undo step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The gradients now hold the sum of %1 backward passes&lt;/b&gt; (%1× one pass). Like PyTorch, backward() &lt;i&gt;adds&lt;/i&gt; into each leaf&apos;s .grad; only zero_grad() clears it. That is why a training loop calls optimizer.zero_grad() before every backward(). An optimizer step now moves the weights %1× as far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2, loss %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss %1. Each step: w ← w − lr·∂L/∂w.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::TrainingSession</name>
    <message>
        <source>%1 → %2 (Δ %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate changed: the momentum buffers start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The momentum changed: its buffers start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no graph to train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training needs a 1x1 loss as the root; &apos;%1&apos; is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph has no param to train: the optimizer updates the leaves declared with &apos;param&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights changed since the last step: the curve starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer step (gradients of %1 backward passes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step used the sum of %1 backward passes: %1× the gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step: loss %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training run, steps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: %1 steps of zero_grad, forward, backward, step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training done at step %1: loss %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at step %1: the loss is %2. Try a smaller learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at step %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at step %1: the weights were changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::ValueEditor</name>
    <message>
        <source>There is no such node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is computed from its inputs: only a leaf (input, param or const) has a value to type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 entries: double-click one of them, or edit it in the inspector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Enter applies, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as a literal: Enter applies, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a literal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type one number for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; this literal is %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::VanishingDemoDock</name>
    <message>
        <source>Vanishing gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of layers zₖ = wₖ·hₖ₋₁ + b, hₖ = act(zₖ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the graph on the canvas with a deep chain of this depth and activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deep chain: %1, depth %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph on the canvas is not a deep chain (z1, h1, z2, h2, …). Choose a depth and an activation and press &lt;b&gt;Build the chain on the canvas&lt;/b&gt;, or open the &lt;b&gt;deep-sigmoid&lt;/b&gt; example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, depth %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖∂L/∂z%1‖ = %2 at the top, ‖∂L/∂z1‖ = %3 at the bottom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient shrinks &lt;b&gt;%1×&lt;/b&gt; on its way down, &lt;b&gt;%2×&lt;/b&gt; per layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient grows &lt;b&gt;%1×&lt;/b&gt; on its way down, &lt;b&gt;%2×&lt;/b&gt; per layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient keeps its size through every layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient has died on its way down: it is exactly 0 at the bottom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;σ′ ≤ 1/4, so each sigmoid layer (weight 1) shrinks it at least 4×.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;tanh′ ≤ 1 and near 1 at small z: it shrinks much more slowly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;relu′ = 1 where z &gt; 0: the gradient passes unchanged (and dies where z ≤ 0).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::charts::LayerGradientChart</name>
    <message>
        <source>off the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer k (1 = nearest the input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖∂L/∂zₖ‖ (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 (off the log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::charts::LossCurveChart</name>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimizer step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (+%1 more off the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L0 = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bp::charts::SigmoidChart</name>
    <message>
        <source>σ(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ′(z) = σ(z)(1 − σ(z))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max σ′</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sigmoid nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z (the input of the sigmoid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: z = %2, σ′ = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max σ′(0) = 1/4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (σ′ off the chart)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
