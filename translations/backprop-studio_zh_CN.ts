<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddLoss</name>
    <message>
        <source>The graph has no root to compare with a target.</source>
        <translation>该图没有可与目标比较的根节点。</translation>
    </message>
    <message>
        <source>The target is %1 but the output “%2” is %3: they must have the same shape.</source>
        <translation>目标是 %1，但输出“%2”是 %3：两者的形状必须相同。</translation>
    </message>
    <message>
        <source>The target must be finite numbers.</source>
        <translation>目标必须是有限的数。</translation>
    </message>
    <message>
        <source>The output has no name to write the loss with.</source>
        <translation>输出没有名字，无法写出损失。</translation>
    </message>
    <message>
        <source>The mean squared error against a target, to train the model (Graph &gt; Add MSE loss).</source>
        <translation>与目标之间的均方误差，用于训练模型（图 &gt; 添加 MSE 损失）。</translation>
    </message>
    <message>
        <source>It replaces: %1</source>
        <translation>它取代了：%1</translation>
    </message>
    <message>
        <source>The loss could not be made the root of the graph.</source>
        <translation>无法将该损失设为图的根节点。</translation>
    </message>
    <message>
        <source>Add MSE loss</source>
        <translation>添加 MSE 损失</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>param</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>const</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>op</source>
        <translation>运算</translation>
    </message>
    <message>
        <source>forward value</source>
        <translation>前向值</translation>
    </message>
    <message>
        <source>gradient ∂root/∂node</source>
        <translation>梯度 ∂根/∂节点</translation>
    </message>
    <message>
        <source>param (trained)</source>
        <translation>参数（参与训练）</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <source>current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>
Double-click a number to type a new value;
Shift+drag it sideways to change it like a slider.</source>
        <translation>
双击数字可输入新值；
按住 Shift 横向拖动可像滑块一样调节它。</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>unexpected %1, expected %2</source>
        <translation>意外的%1，这里应为%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; opened at %2 is never closed</source>
        <translation>在 %2 处打开的“%1”没有闭合</translation>
    </message>
    <message>
        <source>number &apos;%1&apos;</source>
        <translation>数字“%1”</translation>
    </message>
    <message>
        <source>name &apos;%1&apos;</source>
        <translation>名字“%1”</translation>
    </message>
    <message>
        <source>keyword &apos;%1&apos;</source>
        <translation>关键字“%1”</translation>
    </message>
    <message>
        <source>end of line</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>文件末尾</translation>
    </message>
    <message>
        <source>token &apos;%1&apos;</source>
        <translation>符号“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; to close &apos;%2&apos; at %3</source>
        <translation>用来闭合 %3 处“%2”的“%1”</translation>
    </message>
    <message>
        <source>a literal (a number or [...])</source>
        <translation>字面量（一个数或 [...]）</translation>
    </message>
    <message>
        <source>the end of the literal</source>
        <translation>字面量的结尾</translation>
    </message>
    <message>
        <source>a statement (a declaration, an assignment or backward)</source>
        <translation>语句（声明、赋值或 backward）</translation>
    </message>
    <message>
        <source>end of line (a declaration&apos;s value is a literal)</source>
        <translation>行尾（声明的值是字面量）</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>&apos;=&apos;</source>
        <translation>“=”</translation>
    </message>
    <message>
        <source>&apos;=&apos; after &apos;%1&apos;</source>
        <translation>“%1”后面的“=”</translation>
    </message>
    <message>
        <source>the name of the root</source>
        <translation>根节点的名字</translation>
    </message>
    <message>
        <source>a literal seed (a number or [...])</source>
        <translation>字面量种子（一个数或 [...]）</translation>
    </message>
    <message>
        <source>an expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;)&apos;</source>
        <translation>“,”或“)”</translation>
    </message>
    <message>
        <source>&apos;)&apos;</source>
        <translation>“)”</translation>
    </message>
    <message>
        <source>&apos;[&apos; to start row %1</source>
        <translation>开始第 %1 行的“[”</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>unexpected character %1</source>
        <translation>意外的字符 %1</translation>
    </message>
    <message>
        <source>unexpected character %1 (full-width: did you mean &apos;%2&apos;?)</source>
        <translation>意外的字符 %1（这是全角字符：你是想输入 &apos;%2&apos; 吗？）</translation>
    </message>
    <message>
        <source>unexpected character %1 (a full-width space: did you mean an ordinary space &apos; &apos;?)</source>
        <translation>意外的字符 %1（这是全角空格：你是想输入普通空格 &apos; &apos; 吗？）</translation>
    </message>
    <message>
        <source>unexpected character %1 (a combining accent: type the accented letter as one character)</source>
        <translation>意外的字符 %1（这是组合重音符：请把带重音的字母作为一个字符输入）</translation>
    </message>
    <message>
        <source>&apos;.%1()&apos; is PyTorch&apos;s method call; .bpg writes a function of the value: %1(x) instead of x.%1() (and .T for the transpose)</source>
        <translation>“.%1()”是 PyTorch 的方法调用；.bpg 把它写成作用于值的函数：用 %1(x) 代替 x.%1()（转置用 .T）</translation>
    </message>
    <message>
        <source>unknown name &apos;%1&apos;</source>
        <translation>未知的名字“%1”</translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos;</source>
        <translation>未知的函数“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already defined at line %2</source>
        <translation>“%1”已在第 %2 行定义过</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a keyword and cannot be a name</source>
        <translation>“%1”是关键字，不能用作名字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes %2 arguments, got %3</source>
        <translation>“%1”需要 %2 个参数，但给了 %3 个</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes 1 argument, got %2</source>
        <translation>“%1”需要 1 个参数，但给了 %2 个</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>nothing to evaluate: the program assigns no name</source>
        <translation>没有可计算的内容：程序没有给任何名字赋值</translation>
    </message>
    <message>
        <source>the root &apos;%1&apos; is %2: a root that is not 1x1 needs a seed, e.g. `backward %1 with %3`</source>
        <translation>根节点“%1”是 %2：不是 1x1 的根节点需要种子，例如 `backward %1 with %3`</translation>
    </message>
    <message>
        <source>the root &apos;%1&apos; is %2: a root that is not 1x1 needs a seed, e.g. `backward %1 with M` with M a %2 literal</source>
        <translation>根节点“%1”是 %2：不是 1x1 的根节点需要种子，例如 `backward %1 with M`，其中 M 是 %2 的字面量</translation>
    </message>
    <message>
        <source>&apos;%1=&apos; changes a name, but in .bpg each name is defined once (it is a node of the graph): write a new name, e.g. %3 = %2 %1 ...</source>
        <translation>“%1=”会修改一个名字，但在 .bpg 中每个名字只定义一次（它是图中的一个节点）：请写一个新名字，例如 %3 = %2 %1 ...</translation>
    </message>
    <message>
        <source>assignment of a bare name or literal: write %1 = ... with an operation</source>
        <translation>赋值的右边只是一个名字或字面量：请写成带运算的 %1 = ...</translation>
    </message>
    <message>
        <source>only one backward statement is allowed; the first is at line %1</source>
        <translation>只允许一条 backward 语句；第一条在第 %1 行</translation>
    </message>
    <message>
        <source>the seed is %1 but the root &apos;%2&apos; is %3: the seed must have the root&apos;s shape</source>
        <translation>种子是 %1，但根节点“%2”是 %3：种子的形状必须与根节点相同</translation>
    </message>
    <message>
        <source>argument %1 of &apos;%2&apos; must be a number</source>
        <translation>“%2”的第 %1 个参数必须是数</translation>
    </message>
    <message>
        <source>argument %1 of &apos;%2&apos; is an axis: 0 (down the rows) or 1 (along each row), got %3</source>
        <translation>“%2”的第 %1 个参数是轴：0（沿各行向下）或 1（沿每一行），但给了 %3</translation>
    </message>
    <message>
        <source>argument %1 of &apos;%2&apos; must be a whole number, got %3</source>
        <translation>“%2”的第 %1 个参数必须是整数，但给了 %3</translation>
    </message>
    <message>
        <source>ragged matrix literal: row %1 has %2 entries, row 1 has %3</source>
        <translation>矩阵字面量各行长度不一：第 %1 行有 %2 个元素，第 1 行有 %3 个</translation>
    </message>
    <message>
        <source>ragged matrix literal: row %1 has 1 entry, row 1 has %2</source>
        <translation>矩阵字面量各行长度不一：第 %1 行有 1 个元素，第 1 行有 %2 个</translation>
    </message>
    <message>
        <source>matrix literal has more than %1 entries, the limit</source>
        <translation>矩阵字面量的元素超过上限 %1 个</translation>
    </message>
    <message>
        <source>the number &apos;%1&apos; is too large for a double</source>
        <translation>数“%1”太大，双精度浮点数放不下</translation>
    </message>
    <message>
        <source>malformed number &apos;%1&apos;</source>
        <translation>格式错误的数“%1”</translation>
    </message>
    <message>
        <source>the program has more than %1 nodes, the limit</source>
        <translation>程序的节点超过上限 %1 个</translation>
    </message>
    <message>
        <source>operator &apos;%1&apos; is not supported</source>
        <translation>不支持运算符“%1”</translation>
    </message>
    <message>
        <source>the literal is %1 bytes, over the limit of %2</source>
        <translation>字面量有 %1 字节，超过上限 %2</translation>
    </message>
    <message>
        <source>the source is %1 bytes, over the limit of %2</source>
        <translation>源代码有 %1 字节，超过上限 %2</translation>
    </message>
    <message>
        <source>shape mismatch: %1 and %2 do not broadcast (each dimension must be equal, or 1 in one of them)</source>
        <translation>形状不匹配：%1 和 %2 无法广播（每一维必须相等，或其中一个为 1）</translation>
    </message>
    <message>
        <source>shape mismatch in matrix product: %1 @ %2 (the columns of the left, %3, must equal the rows of the right, %4)</source>
        <translation>矩阵乘法形状不匹配：%1 @ %2（左边的列数 %3 必须等于右边的行数 %4）</translation>
    </message>
    <message>
        <source>cannot reshape %1 to %2 (the number of entries must stay the same)</source>
        <translation>无法把 %1 变形为 %2（元素个数必须不变）</translation>
    </message>
    <message>
        <source>the axis must be 0 (down the rows) or 1 (along each row), got %1</source>
        <translation>轴必须是 0（沿各行向下）或 1（沿每一行），但给了 %1</translation>
    </message>
    <message>
        <source>shape mismatch in a loss of logits and targets: %1 and %2 (they must be the same)</source>
        <translation>logits 与目标的损失形状不匹配：%1 和 %2（两者必须相同）</translation>
    </message>
    <message>
        <source>shape mismatch: the scores are %1, so the targets must be %2 class indices (0 to %3) or %1 class probabilities, not %4</source>
        <translation>形状不匹配：得分是 %1，所以目标必须是 %2 的类别索引（0 到 %3）或 %1 的类别概率，而不是 %4</translation>
    </message>
    <message>
        <source>shape mismatch in concat: %1 and %2 (one above the other, they need the same number of columns)</source>
        <translation>concat 形状不匹配：%1 和 %2（上下拼接需要相同的列数）</translation>
    </message>
    <message>
        <source>shape mismatch in concat: %1 and %2 (side by side, they need the same number of rows)</source>
        <translation>concat 形状不匹配：%1 和 %2（左右拼接需要相同的行数）</translation>
    </message>
    <message>
        <source>one_hot takes a column of class indices (nx1), not %1</source>
        <translation>one_hot 需要一列类别索引（nx1），而不是 %1</translation>
    </message>
    <message>
        <source>the number of classes must be between 1 and 1000000, got %1</source>
        <translation>类别数必须在 1 到 1000000 之间，但给了 %1</translation>
    </message>
    <message>
        <source>%1 would be %2 (%3 entries), more than the limit of %4 entries a value</source>
        <translation>%1 将是 %2（%3 个元素），超过每个值 %4 个元素的上限</translation>
    </message>
    <message>
        <source>%1 would be %2 (too many entries), more than the limit of %3 entries a value</source>
        <translation>%1 将是 %2（元素太多），超过每个值 %3 个元素的上限</translation>
    </message>
    <message>
        <source>%1 (%2) takes the graph past its memory budget: evaluating it would need about %3 MB, more than %4 MB (raise it with the environment variable BACKPROP_STUDIO_MEMORY_MB)</source>
        <translation>%1（%2）使图超出内存预算：计算它大约需要 %3 MB，超过 %4 MB（可用环境变量 BACKPROP_STUDIO_MEMORY_MB 调高）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a leaf: only inputs, params and consts take values</source>
        <translation>“%1”不是叶节点：只有 input、param 和 const 可以赋值</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2, the new value is %3</source>
        <translation>“%1”是 %2，新值却是 %3</translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>cannot open file: it is a directory</source>
        <translation>无法打开文件：这是一个目录</translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>the file is larger than the limit of %1</source>
        <translation>文件大于上限 %1</translation>
    </message>
    <message>
        <source>the input is larger than the limit of %1</source>
        <translation>输入大于上限 %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the program writes this format but does not read it</source>
        <translation>本程序能写出这种格式，但不能读取它</translation>
    </message>
    <message>
        <source>a literal</source>
        <translation>一个字面量</translation>
    </message>
    <message>
        <source>the result of %1</source>
        <translation>%1 的结果</translation>
    </message>
    <message>
        <source>a number after &apos;^&apos;</source>
        <translation>“^”后面的数</translation>
    </message>
    <message>
        <source>this is a PyTorch checkpoint (torch.save&apos;s output), which holds the weights but not the computation; bring the model in from Python with the backprop_studio module (backprop_studio.show(loss), or backprop_studio.from_module(model, x)), or export it with torch.onnx.export and open the .onnx file</source>
        <translation>这是 PyTorch 检查点（torch.save 的输出），它保存了权重，但没有保存计算过程；请在 Python 中用 backprop_studio 模块导入模型（backprop_studio.show(loss) 或 backprop_studio.from_module(model, x)），或用 torch.onnx.export 导出后打开 .onnx 文件</translation>
    </message>
    <message>
        <source>a PyTorch script is written by &apos;convert&apos;, not read; to bring a model in from PyTorch, export it with torch.onnx.export or use the backprop_studio Python module</source>
        <translation>PyTorch 脚本由“convert”写出，但不能读取；要从 PyTorch 导入模型，请用 torch.onnx.export 导出，或使用 backprop_studio Python 模块</translation>
    </message>
    <message>
        <source>not enough memory to load the model</source>
        <translation>内存不足，无法加载模型</translation>
    </message>
    <message>
        <source>the rows %1 and columns %2 are not a block inside %3</source>
        <translation>第 %1 行和第 %2 列不是 %3 之内的一块</translation>
    </message>
    <message>
        <source>index %1 is out of range for %2 of %3 (from -%4 to %5)</source>
        <translation>索引 %1 超出了 %3 的%2的范围（应在 -%4 到 %5 之间）</translation>
    </message>
    <message>
        <source>the range %1 picks none of %2 of %3</source>
        <translation>范围 %1 没有选中 %3 的任何%2</translation>
    </message>
    <message>
        <source>a slice with a step (a:b:c) is not supported; write a:b</source>
        <translation>不支持带步长的切片（a:b:c）；请写成 a:b</translation>
    </message>
    <message>
        <source>the rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>the columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>an index or a range (i, a:b, :)</source>
        <translation>索引或范围（i、a:b、:）</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;]&apos; after an index</source>
        <translation>索引后面的“,”或“]”</translation>
    </message>
    <message>
        <source>an index is a whole number, not %1</source>
        <translation>索引必须是整数，而不是 %1</translation>
    </message>
    <message>
        <source>cannot read ONNX models: %1</source>
        <translation>无法读取 ONNX 模型：%1</translation>
    </message>
    <message>
        <source>the ONNX importer module could not be loaded (%1); it is installed beside the program as lib/backprop-studio/bps_onnx.so</source>
        <translation>无法加载 ONNX 导入模块（%1）；它应安装在程序旁边的 lib/backprop-studio/bps_onnx.so</translation>
    </message>
    <message>
        <source>the ONNX importer module %1 belongs to another version of the program</source>
        <translation>ONNX 导入模块 %1 属于本程序的另一个版本</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>node %1 (&apos;%2&apos;)</source>
        <translation>节点 %1（“%2”）</translation>
    </message>
    <message>
        <source>no &quot;%1&quot; field</source>
        <translation>没有 &quot;%1&quot; 字段</translation>
    </message>
    <message>
        <source>the string %1</source>
        <translation>字符串 %1</translation>
    </message>
    <message>
        <source>an empty list</source>
        <translation>空列表</translation>
    </message>
    <message>
        <source>a list of 1 item</source>
        <translation>含 1 项的列表</translation>
    </message>
    <message>
        <source>a list of %1 items</source>
        <translation>含 %1 项的列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>二进制数据</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>the number %1 (written with a decimal point; a whole number is written %2)</source>
        <translation>数 %1（带小数点；整数应写成 %2）</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>数 %1</translation>
    </message>
    <message>
        <source>%1 must be a string, not %2</source>
        <translation>%1 必须是字符串，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a finite number, not %2</source>
        <translation>%1 必须是有限的数，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a list [x, y], not %2</source>
        <translation>%1 必须是列表 [x, y]，而不是%2</translation>
    </message>
    <message>
        <source>%1[%2]</source>
        <translation>%1[%2]</translation>
    </message>
    <message>
        <source>%1 has %2 entries, more than the limit of %3</source>
        <translation>%1 有 %2 个元素，超过上限 %3</translation>
    </message>
    <message>
        <source>not a Backprop Studio document: lists and objects are nested more than %1 deep</source>
        <translation>不是 Backprop Studio 文档：列表和对象的嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>not a Backprop Studio document: it holds %1, not an object</source>
        <translation>不是 Backprop Studio 文档：它包含的是%1，而不是对象</translation>
    </message>
    <message>
        <source>not a Backprop Studio document: no &quot;format&quot; field</source>
        <translation>不是 Backprop Studio 文档：没有 &quot;format&quot; 字段</translation>
    </message>
    <message>
        <source>not a Backprop Studio document: no &quot;format&quot; field (the --json output of &apos;eval&apos; is a report, not a document; &apos;backprop-studio convert FILE -o OUT.json&apos; writes a document)</source>
        <translation>不是 Backprop Studio 文档：没有 &quot;format&quot; 字段（“eval”的 --json 输出是报告而不是文档；“backprop-studio convert FILE -o OUT.json”才会写出文档）</translation>
    </message>
    <message>
        <source>not a Backprop Studio document: &quot;format&quot; is %1, expected &quot;%2&quot;</source>
        <translation>不是 Backprop Studio 文档：&quot;format&quot; 是%1，应为 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number, not %1</source>
        <translation>&quot;version&quot; 必须是整数，而不是%1</translation>
    </message>
    <message>
        <source>written by a newer Backprop Studio (format version %1); this one reads up to version %2</source>
        <translation>由更新的 Backprop Studio 写出（格式版本 %1）；本版本最多读取版本 %2</translation>
    </message>
    <message>
        <source>format version %1 does not exist (versions start at 1)</source>
        <translation>格式版本 %1 不存在（版本从 1 开始）</translation>
    </message>
    <message>
        <source>&quot;nodes&quot; must be a list of nodes, not %1</source>
        <translation>&quot;nodes&quot; 必须是节点列表，而不是%1</translation>
    </message>
    <message>
        <source>&quot;nodes&quot; is empty: a document has at least one node</source>
        <translation>&quot;nodes&quot; 是空的：文档至少要有一个节点</translation>
    </message>
    <message>
        <source>&quot;nodes&quot; lists %1 nodes, more than the limit of %2</source>
        <translation>&quot;nodes&quot; 列出了 %1 个节点，超过上限 %2</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是%1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a node name (letters, Chinese too, digits and _, not starting with a digit, not a keyword; or %N for an anonymous node)</source>
        <translation>“%1”不是节点名（由字母（含中文）、数字和 _ 组成，不以数字开头，不是关键字；匿名节点写作 %N）</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is already used by node %2</source>
        <translation>名字“%1”已被节点 %2 使用</translation>
    </message>
    <message>
        <source>&quot;kind&quot; is &apos;%1&apos;; it is one of input, param, const, op</source>
        <translation>&quot;kind&quot; 是“%1”；它应是 input、param、const、op 之一</translation>
    </message>
    <message>
        <source>a leaf of kind &apos;%1&apos; has &quot;op&quot;: &quot;%1&quot; or none, not %2</source>
        <translation>种类为“%1”的叶节点的 &quot;op&quot; 应为 &quot;%1&quot; 或省略，而不是%2</translation>
    </message>
    <message>
        <source>a leaf (input, param, const) has no inputs</source>
        <translation>叶节点（input、param、const）没有输入</translation>
    </message>
    <message>
        <source>a leaf (input, param, const) has no &quot;attrs&quot;</source>
        <translation>叶节点（input、param、const）没有 &quot;attrs&quot;</translation>
    </message>
    <message>
        <source>unknown op &apos;%1&apos; (known: %2)</source>
        <translation>未知的运算“%1”（已知：%2）</translation>
    </message>
    <message>
        <source>an op has no &quot;value&quot; in the document: it is computed from its inputs</source>
        <translation>文档中的运算节点没有 &quot;value&quot;：它由输入计算得出</translation>
    </message>
    <message>
        <source>&quot;inputs&quot; must be a list of node names, not %1</source>
        <translation>&quot;inputs&quot; 必须是节点名的列表，而不是%1</translation>
    </message>
    <message>
        <source>&quot;inputs&quot; must list node names, not %1</source>
        <translation>&quot;inputs&quot; 必须列出节点名，而不是%1</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is node %2, listed after this one; an op comes after its inputs</source>
        <translation>输入“%1”是节点 %2，排在本节点之后；运算必须排在它的输入之后</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is not a node of the document</source>
        <translation>输入“%1”不是文档中的节点</translation>
    </message>
    <message>
        <source>&quot;attrs&quot; must be an object, not %1</source>
        <translation>&quot;attrs&quot; 必须是对象，而不是%1</translation>
    </message>
    <message>
        <source>&quot;attrs&quot;.&quot;shape&quot; must be [rows, cols], not %1</source>
        <translation>&quot;attrs&quot;.&quot;shape&quot; 必须是 [rows, cols]，而不是%1</translation>
    </message>
    <message>
        <source>&quot;attrs&quot;.&quot;shape&quot; %1 is not a shape (at least 1x1, at most %2 entries)</source>
        <translation>&quot;attrs&quot;.&quot;shape&quot; %1 不是合法的形状（至少 1x1，最多 %2 个元素）</translation>
    </message>
    <message>
        <source>the op &apos;%1&apos; takes no attribute &apos;%2&apos;</source>
        <translation>运算“%1”没有属性“%2”</translation>
    </message>
    <message>
        <source>&quot;attrs&quot;.&apos;%1&apos; must be a whole number, not %2</source>
        <translation>&quot;attrs&quot;.“%1”必须是整数，而不是 %2</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos; in &quot;attrs&quot; (known: exponent, shape, slope, min, max, axis, classes)</source>
        <translation>&quot;attrs&quot; 中有未知属性“%1”（已知：exponent、shape、slope、min、max、axis、classes）</translation>
    </message>
    <message>
        <source>&quot;root&quot; is &apos;%1&apos;, which is not a node of the document</source>
        <translation>&quot;root&quot; 是“%1”，但它不是文档中的节点</translation>
    </message>
    <message>
        <source>the root &apos;%1&apos; is %2, so the document needs a &quot;seed&quot; of that shape</source>
        <translation>根节点“%1”是 %2，所以文档需要这个形状的 &quot;seed&quot;</translation>
    </message>
    <message>
        <source>&quot;seed&quot; is %1 but the root &apos;%2&apos; is %3</source>
        <translation>&quot;seed&quot; 是 %1，但根节点“%2”是 %3</translation>
    </message>
    <message>
        <source>&quot;positions&quot; must be an object {name: [x, y]}, not %1</source>
        <translation>&quot;positions&quot; 必须是对象 {name: [x, y]}，而不是%1</translation>
    </message>
    <message>
        <source>&quot;positions&quot; places &apos;%1&apos;, which is not a node</source>
        <translation>&quot;positions&quot; 放置了“%1”，但它不是节点</translation>
    </message>
    <message>
        <source>the position of &apos;%1&apos;</source>
        <translation>“%1”的位置</translation>
    </message>
    <message>
        <source>&quot;view&quot; must be an object {&quot;zoom&quot;, &quot;center&quot;}, not %1</source>
        <translation>&quot;view&quot; 必须是对象 {&quot;zoom&quot;, &quot;center&quot;}，而不是%1</translation>
    </message>
    <message>
        <source>&quot;view&quot;.&quot;zoom&quot; must be greater than 0, not %1</source>
        <translation>&quot;view&quot;.&quot;zoom&quot; 必须大于 0，而不是 %1</translation>
    </message>
    <message>
        <source>&quot;step&quot; must be a whole number from -1 (the end) up, not %1</source>
        <translation>&quot;step&quot; 必须是不小于 -1（表示最后）的整数，而不是%1</translation>
    </message>
    <message>
        <source>the document holds more than %1 JSON values (numbers, strings, lists), the limit</source>
        <translation>文档包含的 JSON 值（数、字符串、列表）超过上限 %1 个</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>%1 has a negative dimension (%2)</source>
        <translation>%1 有负的维度（%2）</translation>
    </message>
    <message>
        <source>%1 has dims %2: more than the limit of %3 entries</source>
        <translation>%1 的维度是 %2：超过 %3 个元素的上限</translation>
    </message>
    <message>
        <source>%1 has dims %2: Backprop Studio&apos;s values are 2-D matrices, so every dimension before the last two must be 1</source>
        <translation>%1 的维度是 %2：Backprop Studio 的值是二维矩阵，所以最后两维之前的每一维都必须是 1</translation>
    </message>
    <message>
        <source>%1 has dims %2: it holds no entries</source>
        <translation>%1 的维度是 %2：它不含任何元素</translation>
    </message>
    <message>
        <source>%1 keeps its data in an external file (data_location EXTERNAL); only models with their weights inside the .onnx file can be opened</source>
        <translation>%1 把数据放在外部文件中（data_location EXTERNAL）；只能打开权重保存在 .onnx 文件内部的模型</translation>
    </message>
    <message>
        <source>%1 is split into segments, which is not supported</source>
        <translation>%1 被拆分成了多段，不支持这种张量</translation>
    </message>
    <message>
        <source>%1 has more than %2 dimensions</source>
        <translation>%1 的维数超过 %2</translation>
    </message>
    <message>
        <source>%1 has element type %2, which is not supported (FLOAT, DOUBLE, INT32 and INT64 are)</source>
        <translation>%1 的元素类型是 %2，不受支持（支持 FLOAT、DOUBLE、INT32 和 INT64）</translation>
    </message>
    <message>
        <source>%1 has both raw_data and typed data</source>
        <translation>%1 同时有 raw_data 和类型化数据</translation>
    </message>
    <message>
        <source>%1 has %2 bytes of raw_data, but %3 of %4 needs %5</source>
        <translation>%1 的 raw_data 有 %2 字节，但 %4 类型的 %3 需要 %5 字节</translation>
    </message>
    <message>
        <source>%1 has %2 values, but %3 needs %4</source>
        <translation>%1 有 %2 个值，但 %3 需要 %4 个</translation>
    </message>
    <message>
        <source>input &apos;%1&apos;</source>
        <translation>输入“%1”</translation>
    </message>
    <message>
        <source>initializer &apos;%1&apos;</source>
        <translation>初始化器“%1”</translation>
    </message>
    <message>
        <source>constant &apos;%1&apos;</source>
        <translation>常量“%1”</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos;</source>
        <translation>张量“%1”</translation>
    </message>
    <message>
        <source>the model&apos;s matrices hold more than the limit of %1 entries in all</source>
        <translation>模型的矩阵总共超过 %1 个元素的上限</translation>
    </message>
    <message>
        <source>node &apos;%1&apos; (node %2)</source>
        <translation>节点“%1”（节点 %2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 must be a constant (an initializer or a Constant node), but %2 is computed by the graph</source>
        <translation>%1 必须是常量（初始化器或 Constant 节点），但%2是由计算图算出的</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be a list of integers</source>
        <translation>属性“%1”必须是整数列表</translation>
    </message>
    <message>
        <source>its result would have more than %1 dimensions</source>
        <translation>它的结果维数将超过 %1</translation>
    </message>
    <message>
        <source>its result</source>
        <translation>它的结果</translation>
    </message>
    <message>
        <source>%1 must hold integers, not %2</source>
        <translation>%1 必须是整数，而不是 %2</translation>
    </message>
    <message>
        <source>%1 must be a list of integers, not a tensor of dims %2</source>
        <translation>%1 必须是整数列表，而不是维度为 %2 的张量</translation>
    </message>
    <message>
        <source>%1 holds an out-of-range number</source>
        <translation>%1 中有超出范围的数</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be an integer</source>
        <translation>属性“%1”必须是整数</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be a number</source>
        <translation>属性“%1”必须是数</translation>
    </message>
    <message>
        <source>internal error: the result %1 is held in a %2 matrix</source>
        <translation>内部错误：结果 %1 存放在 %2 的矩阵中</translation>
    </message>
    <message>
        <source>the axes</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>the exponent</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>the target shape</source>
        <translation>目标形状</translation>
    </message>
    <message>
        <source>the starts</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>the ends</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>the steps</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>axis %1 is out of range for %2 dimensions</source>
        <translation>轴 %1 超出了 %2 维的范围</translation>
    </message>
    <message>
        <source>axis %1 is listed twice</source>
        <translation>轴 %1 列出了两次</translation>
    </message>
    <message>
        <source>the dims %1 and %2 do not broadcast</source>
        <translation>维度 %1 和 %2 无法广播</translation>
    </message>
    <message>
        <source>the exponent must be a single number, not a tensor of dims %1</source>
        <translation>指数必须是单个数，而不是维度为 %1 的张量</translation>
    </message>
    <message>
        <source>MatMul needs operands of at least one dimension</source>
        <translation>MatMul 的操作数至少要有一维</translation>
    </message>
    <message>
        <source>cannot multiply %1 by %2: the inner dimensions %3 and %4 differ</source>
        <translation>无法把 %1 乘以 %2：内侧维度 %3 和 %4 不同</translation>
    </message>
    <message>
        <source>A and B must be 2-D, not %1 and %2</source>
        <translation>A 和 B 必须是二维的，而不是 %1 和 %2</translation>
    </message>
    <message>
        <source>cannot multiply A %1 by B %2: the inner dimensions %3 and %4 differ</source>
        <translation>无法把 A %1 乘以 B %2：内侧维度 %3 和 %4 不同</translation>
    </message>
    <message>
        <source>C %1 does not broadcast to the product&apos;s dims %2</source>
        <translation>C %1 无法广播到乘积的维度 %2</translation>
    </message>
    <message>
        <source>axis %1 is out of range</source>
        <translation>轴 %1 超出范围</translation>
    </message>
    <message>
        <source>the target shape copies dimension %1, which the input lacks</source>
        <translation>目标形状复制了第 %1 维，但输入没有这一维</translation>
    </message>
    <message>
        <source>the target shape holds an invalid dimension %1</source>
        <translation>目标形状含有无效的维度 %1</translation>
    </message>
    <message>
        <source>the target shape has too many entries</source>
        <translation>目标形状的元素太多</translation>
    </message>
    <message>
        <source>cannot infer the -1 in the target shape for %1 entries</source>
        <translation>无法为 %1 个元素推断目标形状中的 -1</translation>
    </message>
    <message>
        <source>cannot reshape %1 to %2: the number of entries differs</source>
        <translation>无法把 %1 变形为 %2：元素个数不同</translation>
    </message>
    <message>
        <source>has no target shape</source>
        <translation>没有目标形状</translation>
    </message>
    <message>
        <source>the target shape has too many dimensions</source>
        <translation>目标形状的维数太多</translation>
    </message>
    <message>
        <source>perm has %1 entries for %2</source>
        <translation>perm 有 %1 项，但输入是 %2</translation>
    </message>
    <message>
        <source>perm is not a permutation</source>
        <translation>perm 不是一个排列</translation>
    </message>
    <message>
        <source>cannot squeeze axis %1 of %2</source>
        <translation>无法压缩 %2 的轴 %1</translation>
    </message>
    <message>
        <source>has no axes</source>
        <translation>没有轴</translation>
    </message>
    <message>
        <source>the result would have too many dimensions</source>
        <translation>结果的维数会太多</translation>
    </message>
    <message>
        <source>needs a tensor of at least one dimension</source>
        <translation>需要至少一维的张量</translation>
    </message>
    <message>
        <source>works along axis %1 of %2, a dimension before the last two, which Backprop Studio&apos;s 2-D matrices do not have</source>
        <translation>沿 %2 的轴 %1 计算，这是最后两维之前的维度，而 Backprop Studio 的二维矩阵没有这一维</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be a string</source>
        <translation>属性“%1”必须是字符串</translation>
    </message>
    <message>
        <source>the labels have dims %1, not [%2]</source>
        <translation>标签的维度是 %1，而不是 [%2]</translation>
    </message>
    <message>
        <source>a label equals ignore_index %1; ignored labels are not supported</source>
        <translation>有标签等于 ignore_index %1；不支持被忽略的标签</translation>
    </message>
    <message>
        <source>the scores must be [N, C], not %1</source>
        <translation>得分必须是 [N, C]，而不是 %1</translation>
    </message>
    <message>
        <source>class weights are not supported</source>
        <translation>不支持类别权重</translation>
    </message>
    <message>
        <source>its log_prob output is not supported</source>
        <translation>不支持它的 log_prob 输出</translation>
    </message>
    <message>
        <source>reduction &apos;%1&apos; is not supported (mean and sum are: one number)</source>
        <translation>不支持归约方式“%1”（支持 mean 和 sum：得到一个数）</translation>
    </message>
    <message>
        <source>only the exact gelu (approximate=&apos;none&apos;) is supported</source>
        <translation>只支持精确的 gelu（approximate=&apos;none&apos;）</translation>
    </message>
    <message>
        <source>the %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>the %1 must be a single number</source>
        <translation>%1 必须是单个数</translation>
    </message>
    <message>
        <source>gathers from a 2-D table only, not %1</source>
        <translation>只能从二维表中取值，而不是 %1</translation>
    </message>
    <message>
        <source>the indices must be [n], not %1</source>
        <translation>索引必须是 [n]，而不是 %1</translation>
    </message>
    <message>
        <source>its inputs have different numbers of dimensions</source>
        <translation>它的输入维数不同</translation>
    </message>
    <message>
        <source>the inputs&apos; dims %1 and %2 differ off the axis</source>
        <translation>输入的维度 %1 和 %2 在拼接轴以外不同</translation>
    </message>
    <message>
        <source>starts, ends, axes and steps must have the same length</source>
        <translation>starts、ends、axes 和 steps 的长度必须相同</translation>
    </message>
    <message>
        <source>a step of 0</source>
        <translation>步长为 0</translation>
    </message>
    <message>
        <source>the slice of axis %1 is empty</source>
        <translation>轴 %1 上的切片是空的</translation>
    </message>
    <message>
        <source>slices a dimension before the last two</source>
        <translation>切片作用在最后两维之前的维度上</translation>
    </message>
    <message>
        <source>normalizes [N, C] data only, not %1</source>
        <translation>只能归一化 [N, C] 的数据，而不是 %1</translation>
    </message>
    <message>
        <source>input %1 has dims %2, not [%3]</source>
        <translation>输入 %1 的维度是 %2，而不是 [%3]</translation>
    </message>
    <message>
        <source>normalizes [N, D] or [D] data only, not %1</source>
        <translation>只能归一化 [N, D] 或 [D] 的数据，而不是 %1</translation>
    </message>
    <message>
        <source>its mean and inverse standard deviation outputs are not supported</source>
        <translation>不支持它的均值和标准差倒数输出</translation>
    </message>
    <message>
        <source>the constant has too many entries</source>
        <translation>常量的元素太多</translation>
    </message>
    <message>
        <source>needs exactly one attribute that gives its value</source>
        <translation>需要恰好一个给出其值的属性</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; does not have the type its name says</source>
        <translation>属性“%1”的类型与其名称不符</translation>
    </message>
    <message>
        <source>the value of %1</source>
        <translation>%1 的值</translation>
    </message>
    <message>
        <source>the graph declares a tensor without a name</source>
        <translation>计算图声明了一个没有名字的张量</translation>
    </message>
    <message>
        <source>%1 is declared twice</source>
        <translation>%1 声明了两次</translation>
    </message>
    <message>
        <source>the model has sparse initializers, which are not supported</source>
        <translation>模型含有稀疏初始化器，不支持</translation>
    </message>
    <message>
        <source>%1 is not a tensor</source>
        <translation>%1 不是张量</translation>
    </message>
    <message>
        <source>%1 has no shape in the model; export it with a fixed input shape</source>
        <translation>%1 在模型中没有形状；请用固定的输入形状导出</translation>
    </message>
    <message>
        <source>%1 has too many dimensions</source>
        <translation>%1 的维数太多</translation>
    </message>
    <message>
        <source>unsupported ONNX op &apos;%1&apos; in %2: convolution and pooling work on tensors of more than two dimensions (images), and Backprop Studio&apos;s values are 2-D matrices; such tensors are not supported yet</source>
        <translation>%2 中有不支持的 ONNX 算子“%1”：卷积和池化作用于二维以上的张量（图像），而 Backprop Studio 的值是二维矩阵；暂不支持这样的张量</translation>
    </message>
    <message>
        <source>unsupported ONNX op &apos;%1&apos; in %2 (supported: %3)</source>
        <translation>%2 中有不支持的 ONNX 算子“%1”（支持：%3）</translation>
    </message>
    <message>
        <source>%1 has 1 input; %3 takes %4</source>
        <translation>%1 有 1 个输入；%3 需要 %4 个</translation>
    </message>
    <message>
        <source>%1 has %2 inputs; %3 takes %4</source>
        <translation>%1 有 %2 个输入；%3 需要 %4 个</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <source>%1 lacks its input %2</source>
        <translation>%1 缺少第 %2 个输入</translation>
    </message>
    <message>
        <source>%1 must have exactly one output, it has %2</source>
        <translation>%1 必须恰好有一个输出，它有 %2 个</translation>
    </message>
    <message>
        <source>%1 must have 1 to %2 outputs, it has %3</source>
        <translation>%1 必须有 1 到 %2 个输出，它有 %3 个</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of %2 is not supported</source>
        <translation>不支持 %2 的属性“%1”</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; is given twice</source>
        <translation>属性“%1”给出了两次</translation>
    </message>
    <message>
        <source>%1 defines &apos;%2&apos;, which is already defined</source>
        <translation>%1 定义了“%2”，但它已经定义过</translation>
    </message>
    <message>
        <source>%1 uses &apos;%2&apos;, which no node, graph input or initializer defines</source>
        <translation>%1 使用了“%2”，但没有任何节点、计算图输入或初始化器定义它</translation>
    </message>
    <message>
        <source>the graph has a cycle: %1 depends on its own output</source>
        <translation>计算图有环：%1 依赖它自己的输出</translation>
    </message>
    <message>
        <source>the graph has no outputs</source>
        <translation>计算图没有输出</translation>
    </message>
    <message>
        <source>the graph&apos;s output &apos;%1&apos; is not computed by any node</source>
        <translation>计算图的输出“%1”没有被任何节点算出</translation>
    </message>
    <message>
        <source>the model declares its output &apos;%1&apos; with other dims than the %2 its graph computes</source>
        <translation>模型声明的输出“%1”的维度与计算图算出的 %2 不同</translation>
    </message>
    <message>
        <source>the graph has %1 nodes, more than the limit of %2</source>
        <translation>计算图有 %1 个节点，超过上限 %2</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes), not an ONNX model</source>
        <translation>文件是空的（0 字节），不是 ONNX 模型</translation>
    </message>
    <message>
        <source>the file is %1 bytes, more than the limit of %2 bytes</source>
        <translation>文件有 %1 字节，超过 %2 字节的上限</translation>
    </message>
    <message>
        <source>this is a Git LFS pointer, not the model: run git lfs pull</source>
        <translation>这是 Git LFS 指针，不是模型本身：请运行 git lfs pull</translation>
    </message>
    <message>
        <source>this is an HTML page, not an ONNX model (did a download save a web page instead of the file?)</source>
        <translation>这是 HTML 网页，不是 ONNX 模型（是不是下载时保存成了网页而不是文件？）</translation>
    </message>
    <message>
        <source>this is a text file, not an ONNX model (ONNX models are binary protobuf files); it begins %1</source>
        <translation>这是文本文件，不是 ONNX 模型（ONNX 模型是二进制的 protobuf 文件）；它的开头是 %1</translation>
    </message>
    <message>
        <source>the file is damaged: its ONNX data is malformed, or nested more than %1 levels deep</source>
        <translation>文件已损坏：其中的 ONNX 数据格式错误，或嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>the file is truncated: it ends after %1 bytes, in the middle of the model&apos;s %2 (an unfinished download or copy?)</source>
        <translation>文件被截断了：它在 %1 字节后结束，正处于模型的 %2 中间（下载或复制没有完成？）</translation>
    </message>
    <message>
        <source>the file is damaged: unexpected data at byte %1 of %2</source>
        <translation>文件已损坏：在第 %1 字节（共 %2 字节）处有意外的数据</translation>
    </message>
    <message>
        <source>this is not an ONNX model (the data is not an ONNX protobuf message)</source>
        <translation>这不是 ONNX 模型（数据不是 ONNX 的 protobuf 消息）</translation>
    </message>
    <message>
        <source>this is not an ONNX model (it has no ir_version, which every ONNX model starts with)</source>
        <translation>这不是 ONNX 模型（它没有 ir_version，而每个 ONNX 模型都以它开头）</translation>
    </message>
    <message>
        <source>the model has no graph (is the file truncated?)</source>
        <translation>模型没有计算图（文件是不是被截断了？）</translation>
    </message>
    <message>
        <source>the model has no opset_import for the default ONNX domain (is the file truncated?)</source>
        <translation>模型没有默认 ONNX 域的 opset_import（文件是不是被截断了？）</translation>
    </message>
    <message>
        <source>cannot write the non-finite value %1 in .bpg</source>
        <translation>无法在 .bpg 中写出非有限值 %1</translation>
    </message>
    <message>
        <source>cannot write an empty matrix in .bpg</source>
        <translation>无法在 .bpg 中写出空矩阵</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>the seed: %1</source>
        <translation>种子：%1</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <source>%1 × %2 = +%3</source>
        <translation>%1 × %2 = +%3</translation>
    </message>
    <message>
        <source>+ a %1 contribution%2</source>
        <translation>+ 一个 %1 的贡献%2</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1: error: %2</source>
        <translation>%1：错误：%2</translation>
    </message>
    <message>
        <source>%1:%2:%3: error: %4</source>
        <translation>%1:%2:%3：错误：%4</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>On the canvas</source>
        <translation>在画布上</translation>
    </message>
    <message>
        <source>Wheel: zoom; drag the background: pan</source>
        <translation>滚轮：缩放；拖动背景：平移</translation>
    </message>
    <message>
        <source>Click a node: select it (the inspector shows it)</source>
        <translation>单击节点：选中它（检查器中显示其详情）</translation>
    </message>
    <message>
        <source>Alt+Left / Alt+Right: select an input / a node that uses the selected one; Up / Down: the node above / below</source>
        <translation>Alt+← / Alt+→：选中所选节点的一个输入 / 使用所选节点的一个节点；↑ / ↓：上方 / 下方的节点</translation>
    </message>
    <message>
        <source>Enter: type a new value of the selected leaf</source>
        <translation>Enter：为所选叶节点输入新值</translation>
    </message>
    <message>
        <source>Tab: the next panel (also from the source panel)</source>
        <translation>Tab：切换到下一个面板（在源代码面板中也可用）</translation>
    </message>
    <message>
        <source>Double-click a number of a leaf: type a new value (Enter applies, Esc cancels)</source>
        <translation>双击叶节点的数字：输入新值（Enter 应用，Esc 取消）</translation>
    </message>
    <message>
        <source>Shift+drag a number sideways: change it like a slider</source>
        <translation>按住 Shift 横向拖动数字：像滑块一样调节它</translation>
    </message>
    <message>
        <source>Drop a .bpg, .bps, .json or .onnx file on the window: open it</source>
        <translation>把 .bpg、.bps、.json 或 .onnx 文件拖放到窗口上：打开它</translation>
    </message>
    <message>
        <source>Source panel: Ctrl+Return applies the text</source>
        <translation>源代码面板：Ctrl+Return 应用文本</translation>
    </message>
    <message>
        <source>Computation graphs, forward values and the backward pass, edge by edge.</source>
        <translation>计算图、前向传播的值与逐条边的反向传播。</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2), Eigen %3, ONNX %4, nlohmann_json %5</source>
        <translation>Qt %1（构建时使用 %2），Eigen %3，ONNX %4，nlohmann_json %5</translation>
    </message>
    <message>
        <source>Backprop Studio is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY. See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0-or-later&lt;/a&gt;.</source>
        <translation>Backprop Studio 是自由软件：你可以依据自由软件基金会发布的 GNU 通用公共许可证第 3 版或（由你选择）任何更新的版本，重新发布和/或修改它。本软件不提供任何担保。详见 &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0-or-later&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language reference</source>
        <translation>语言参考(&amp;L)</translation>
    </message>
    <message>
        <source>The .bpg language — Backprop Studio</source>
        <translation>.bpg 语言 — Backprop Studio</translation>
    </message>
    <message>
        <source>The graph language: every operator and function, with an example each</source>
        <translation>描述计算图的语言：每个运算符和函数，各附一个示例</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts — Backprop Studio</source>
        <translation>键盘快捷键 — Backprop Studio</translation>
    </message>
    <message>
        <source>Every key the window knows</source>
        <translation>窗口支持的所有按键</translation>
    </message>
    <message>
        <source>&amp;About Backprop Studio</source>
        <translation>关于 Backprop Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About Backprop Studio</source>
        <translation>关于 Backprop Studio</translation>
    </message>
    <message>
        <source>The version, the libraries and the licence</source>
        <translation>版本、所用的库和许可证</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>The version and licence of Qt</source>
        <translation>Qt 的版本和许可证</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Applies when Backprop Studio starts again</source>
        <translation>重新启动 Backprop Studio 后生效</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language applies when Backprop Studio starts again.</source>
        <translation>新的界面语言将在重新启动 Backprop Studio 后生效。</translation>
    </message>
    <message>
        <source>(applies on restart)</source>
        <translation>（重启后生效）</translation>
    </message>
</context>
<context>
    <name>LanguageReference</name>
    <message>
        <source>The graph language (.bpg)</source>
        <translation>计算图语言（.bpg）</translation>
    </message>
    <message>
        <source>One statement per line (&lt;code&gt;;&lt;/code&gt; also separates); &lt;code&gt;#&lt;/code&gt; starts a comment; newlines inside &lt;code&gt;( )&lt;/code&gt; or &lt;code&gt;[ ]&lt;/code&gt; are ignored. Leaves come first, then one assignment per op; the last assignment is the root of the backward pass.</source>
        <translation>每行一条语句（也可用 &lt;code&gt;;&lt;/code&gt; 分隔）；&lt;code&gt;#&lt;/code&gt; 开始注释；&lt;code&gt;( )&lt;/code&gt; 或 &lt;code&gt;[ ]&lt;/code&gt; 内的换行会被忽略。先写叶节点，然后每个运算一条赋值语句；最后一条赋值是反向传播的根节点。</translation>
    </message>
    <message>
        <source>Operators and functions</source>
        <translation>运算符与函数</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>运算</translation>
    </message>
    <message>
        <source>Drawn as</source>
        <translation>画作</translation>
    </message>
    <message>
        <source>Written as</source>
        <translation>写作</translation>
    </message>
    <message>
        <source>Local derivative</source>
        <translation>局部导数</translation>
    </message>
    <message>
        <source>&lt;code&gt;+ - * /&lt;/code&gt; are elementwise with NumPy broadcasting on two dimensions; &lt;code&gt;@&lt;/code&gt; is the matrix product. Errors name the place: &lt;code&gt;FILE:LINE:COL: error: MESSAGE&lt;/code&gt;.</source>
        <translation>&lt;code&gt;+ - * /&lt;/code&gt; 逐元素运算，支持二维的 NumPy 广播；&lt;code&gt;@&lt;/code&gt; 是矩阵乘法。错误信息会指明位置：&lt;code&gt;文件:行:列: error: 信息&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>Examples (File &gt; Examples opens them)</source>
        <translation>示例（用“文件 &gt; 示例”打开）</translation>
    </message>
    <message>
        <source>A name is letters, digits and &lt;code&gt;_&lt;/code&gt;, not starting with a digit, as in Python; the letters may be Chinese, Japanese, Korean, Greek, Cyrillic or accented Latin: &lt;code&gt;损失 = mse(输出, 目标)&lt;/code&gt;.</source>
        <translation>名字由字母、数字和 &lt;code&gt;_&lt;/code&gt; 组成，不能以数字开头，与 Python 相同；字母可以是中文、日文、韩文、希腊文、西里尔文或带重音的拉丁字母：&lt;code&gt;损失 = mse(输出, 目标)&lt;/code&gt;。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Apply the source</source>
        <translation>应用源代码</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
</context>
<context>
    <name>SceneExport</name>
    <message>
        <source>Cannot write “%1”.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <source>The scale must be a positive number, not %1.</source>
        <translation>缩放倍数必须是正数，而不是 %1。</translation>
    </message>
    <message>
        <source>A %1 × %2 picture is too large to write; choose a smaller scale or SVG.</source>
        <translation>%1 × %2 的图片太大，无法写出；请选择更小的倍数或 SVG。</translation>
    </message>
    <message>
        <source>Not enough memory for a %1 × %2 picture.</source>
        <translation>内存不足，无法生成 %1 × %2 的图片。</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Pictures are written as .png or .svg, not “%1”.</source>
        <translation>图片只能保存为 .png 或 .svg，不能是“%1”。</translation>
    </message>
    <message>
        <source>There is no graph to draw.</source>
        <translation>没有可绘制的图。</translation>
    </message>
</context>
<context>
    <name>StepExport</name>
    <message>
        <source>This phase has no steps to draw.</source>
        <translation>这个阶段没有可绘制的步骤。</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
</context>
<context>
    <name>StepStrip</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>The leaves hold their values; press → to compute the graph one node at a time.</source>
        <translation>叶节点已有各自的值；按 → 逐个节点地计算这个图。</translation>
    </message>
    <message>
        <source>Forward %1 / %2: %3</source>
        <translation>前向传播 %1 / %2：%3</translation>
    </message>
    <message>
        <source>Backward %1 / %2: %3 → %4</source>
        <translation>反向传播 %1 / %2：%3 → %4</translation>
    </message>
    <message>
        <source>shape %1</source>
        <translation>形状 %1</translation>
    </message>
    <message>
        <source>(%1 of %2 terms so far)</source>
        <translation>（目前已有 %2 项中的 %1 项）</translation>
    </message>
    <message>
        <source>(%1 of %2 edges)</source>
        <translation>（%2 条边中的第 %1 条）</translation>
    </message>
    <message>
        <source>%1 was broadcast over %2 rows: its gradient sums them</source>
        <translation>%1 被广播到了 %2 行：它的梯度把这些行加起来</translation>
    </message>
    <message>
        <source>%1 was broadcast over %2 columns: its gradient sums them</source>
        <translation>%1 被广播到了 %2 列：它的梯度把这些列加起来</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另外还有 %1 项</translation>
    </message>
    <message>
        <source>… and %1 more entries</source>
        <translation>……另外还有 %1 个元素</translation>
    </message>
    <message>
        <source>row %1 of %2:</source>
        <translation>第 %1 行（共 %2 行）：</translation>
    </message>
    <message>
        <source>entry [%1, %2]:</source>
        <translation>元素 [%1, %2]：</translation>
    </message>
    <message>
        <source>(%1 held from the previous backward pass)</source>
        <translation>（%1 是上一次反向传播留下的）</translation>
    </message>
    <message>
        <source>⚠ the first non-finite value arises at %1 = %2: %3</source>
        <translation>⚠ 第一个非有限值出现在 %1 = %2：%3</translation>
    </message>
    <message>
        <source>⚠ the first non-finite gradient arises at %1 = %2: %3</source>
        <translation>⚠ 第一个非有限梯度出现在 %1 = %2：%3</translation>
    </message>
    <message>
        <source>along %1 → %2:</source>
        <translation>沿 %1 → %2：</translation>
    </message>
    <message>
        <source>(the seed: %1)</source>
        <translation>（初始梯度：%1）</translation>
    </message>
</context>
<context>
    <name>bp::AddLossDialog</name>
    <message>
        <source>Add MSE loss</source>
        <translation>添加 MSE 损失</translation>
    </message>
    <message>
        <source>The graph ends at &lt;b&gt;%1&lt;/b&gt;, a %2 matrix. The loss compares it with a target:&lt;br&gt;&lt;tt&gt;&amp;nbsp;&amp;nbsp;loss = mse(%1, target)&lt;/tt&gt;&lt;br&gt;the mean of (%1 − target)² over the entries, as PyTorch&apos;s &lt;tt&gt;MSELoss()&lt;/tt&gt;.&lt;br&gt;It becomes the root: the backward pass, training and the gradient check use it.</source>
        <translation>该图以 &lt;b&gt;%1&lt;/b&gt; 结束，它是一个 %2 矩阵。损失将它与目标比较：&lt;br&gt;&lt;tt&gt;&amp;nbsp;&amp;nbsp;loss = mse(%1, target)&lt;/tt&gt;&lt;br&gt;即 (%1 − target)² 在所有元素上的平均值，与 PyTorch 的 &lt;tt&gt;MSELoss()&lt;/tt&gt; 相同。&lt;br&gt;它将成为根节点：反向传播、训练和梯度检验都以它为准。</translation>
    </message>
    <message>
        <source>The graph has no output to compare with a target.</source>
        <translation>该图没有可与目标比较的输出。</translation>
    </message>
    <message>
        <source>Target, a %1 literal (the zeros are a start):</source>
        <translation>目标，一个 %1 字面量（先填了零）：</translation>
    </message>
    <message>
        <source>Add loss</source>
        <translation>添加损失</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
</context>
<context>
    <name>bp::AtomicWrite</name>
    <message>
        <source>Could not save “%1”: %2.
The file on disk was not changed.</source>
        <translation>无法保存“%1”：%2。
磁盘上的文件没有改动。</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>only %1 of %2 bytes could be written</source>
        <translation>%2 字节中只写入了 %1 字节</translation>
    </message>
</context>
<context>
    <name>bp::Autosave</name>
    <message>
        <source>Autosave is off: cannot create the folder “%1”.</source>
        <translation>自动保存已关闭：无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>Autosave is off: cannot lock “%1”.</source>
        <translation>自动保存已关闭：无法锁定“%1”。</translation>
    </message>
    <message>
        <source>Autosave failed. %1</source>
        <translation>自动保存失败。%1</translation>
    </message>
    <message>
        <source>An autosave could not be read and was set aside: %1</source>
        <translation>有一份自动保存无法读取，已被移到一边：%1</translation>
    </message>
</context>
<context>
    <name>bp::ChainRuleDock</name>
    <message>
        <source>Chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <source>No graph</source>
        <translation>没有计算图</translation>
    </message>
    <message>
        <source>One entry, its own chain:</source>
        <translation>单个元素自己的链式法则：</translation>
    </message>
    <message>
        <source>One entry of the gradient of %1, its own chain:</source>
        <translation>%1 的梯度中的一个元素，它自己的链式法则：</translation>
    </message>
</context>
<context>
    <name>bp::DocumentFiles</name>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>today, %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>“%1” has errors: the Source panel marks them. Fix the text and apply it (Ctrl+Return).</source>
        <translation>“%1”有错误：源代码面板中已标出。请修改文本并应用（Ctrl+Return）。</translation>
    </message>
    <message>
        <source>%1: Backprop Studio ran out of memory opening this file: evaluating the graph needs more memory than the program may use. Make the graph&apos;s values smaller.</source>
        <translation>%1：Backprop Studio 打开此文件时内存不足：计算该图所需的内存超出了程序可用的上限。请把图中的值改小一些。</translation>
    </message>
    <message>
        <source>Open a graph</source>
        <translation>打开计算图</translation>
    </message>
    <message>
        <source>Graphs (*.bpg *.bps *.json *.onnx);;Graph text (*.bpg);;Backprop Studio documents (*.bps *.json);;ONNX models (*.onnx);;All files (*)</source>
        <translation>计算图 (*.bpg *.bps *.json *.onnx);;计算图文本 (*.bpg);;Backprop Studio 文档 (*.bps *.json);;ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backprop Studio saves a graph as a .bps document (with positions, view and step) or as .bpg text; “%1” is neither.</source>
        <translation>Backprop Studio 将计算图保存为 .bps 文档（包含位置、视图和步骤）或 .bpg 文本；“%1”两者都不是。</translation>
    </message>
    <message>
        <source>Could not save “%1” as .bpg text: %2.
Save it as a .bps document, which keeps every value.</source>
        <translation>无法将“%1”保存为 .bpg 文本：%2。
请保存为 .bps 文档，它会保留所有的值。</translation>
    </message>
    <message>
        <source>Backprop Studio document (*.bps *.json)</source>
        <translation>Backprop Studio 文档 (*.bps *.json)</translation>
    </message>
    <message>
        <source>Graph text (*.bpg)</source>
        <translation>计算图文本 (*.bpg)</translation>
    </message>
    <message>
        <source>Save the graph</source>
        <translation>保存计算图</translation>
    </message>
    <message>
        <source>The source does not parse</source>
        <translation>源代码无法解析</translation>
    </message>
    <message>
        <source>The text in the Source panel does not make a graph, so the graph cannot be saved as you see it.</source>
        <translation>源代码面板中的文本构不成计算图，因此无法按你看到的样子保存。</translation>
    </message>
    <message>
        <source>You can save the text as it is, in a .bpg file that shows this error when it is opened.</source>
        <translation>你可以把文本原样保存为 .bpg 文件，打开时会显示这个错误。</translation>
    </message>
    <message>
        <source>Save the Text As…</source>
        <translation>文本另存为…</translation>
    </message>
    <message>
        <source>Save the text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved the Source panel&apos;s text to “%1”; it does not make a graph yet.</source>
        <translation>已将源代码面板的文本保存到“%1”；它目前还构不成计算图。</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>保存对“%1”的更改吗？</translation>
    </message>
    <message>
        <source>They are lost if you don&apos;t save them.</source>
        <translation>如果不保存，这些更改将会丢失。</translation>
    </message>
    <message>
        <source>Autosave</source>
        <translation>自动保存</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Recover unsaved work from %1?</source>
        <translation>恢复 %1 未保存的工作吗？</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>“%1”（%2）</translation>
    </message>
    <message>
        <source>Backprop Studio did not close normally. Changes to %1 that were not saved were kept.</source>
        <translation>Backprop Studio 上次没有正常关闭。对 %1 所做的未保存更改已被保留。</translation>
    </message>
    <message>
        <source>The file has changed on disk since this work was autosaved. Recovered, the work stays apart from it (Save asks for a name), so neither is lost.</source>
        <translation>自动保存这份工作之后，磁盘上的文件已被改动。恢复后，这份工作与该文件分开保存（保存时会询问文件名），两者都不会丢失。</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>%1 (recovered)</source>
        <translation>%1（已恢复）</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Recovered the unsaved work. Save it to keep it.</source>
        <translation>已恢复未保存的工作。请保存以保留它。</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>“%1” was changed on disk by another program. Reload it?</source>
        <translation>“%1”已被另一个程序在磁盘上修改。要重新载入吗？</translation>
    </message>
    <message>
        <source>Reloading drops the changes made here since it was saved.</source>
        <translation>重新载入会丢弃自上次保存以来在这里所做的更改。</translation>
    </message>
    <message>
        <source>If you keep the graph shown, it counts as unsaved.</source>
        <translation>如果保留当前显示的图，它将被视为未保存。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep the graph shown</source>
        <translation>保留当前的图</translation>
    </message>
    <message>
        <source>Cannot reload the file</source>
        <translation>无法重新载入文件</translation>
    </message>
    <message>
        <source>“%1” was removed or renamed on disk. The graph stays open: save it to keep it.</source>
        <translation>磁盘上的“%1”已被删除或重命名。计算图仍然打开着：请保存以保留它。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>The files you open and save are listed here</source>
        <translation>你打开和保存过的文件会列在这里</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the files listed here (the files stay on disk)</source>
        <translation>清除这里列出的文件（文件本身仍留在磁盘上）</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>The text saved in “%1” has errors; the graph comes from the document&apos;s nodes, and this is their text.</source>
        <translation>“%1”中保存的文本有错误；计算图取自文档中的节点，这里显示的是由节点写出的文本。</translation>
    </message>
    <message>
        <source>The text saved in “%1” describes another graph than the document&apos;s nodes (was the file edited by hand?); the graph comes from the nodes, and this is their text.</source>
        <translation>“%1”中保存的文本描述的计算图与文档中的节点不一致（文件是否被手工编辑过？）；计算图取自节点，这里显示的是由节点写出的文本。</translation>
    </message>
    <message>
        <source>“%1” declares ONNX opset %2; this program knows opsets up to %3, so an operator whose meaning changed since may have been imported with its older meaning.</source>
        <translation>“%1”声明的 ONNX 算子集版本是 %2；本程序只认识到版本 %3，因此某个此后含义有变化的算子可能是按旧的含义导入的。</translation>
    </message>
    <message>
        <source>Save as UTF-8?</source>
        <translation>保存为 UTF-8 吗？</translation>
    </message>
    <message>
        <source>“%1” is Latin-1 (ISO 8859-1) text, and the text now holds characters that Latin-1 cannot. Save it as UTF-8? Its other accented letters are then written as UTF-8 too, which older editors may show wrongly.</source>
        <translation>“%1”是 Latin-1（ISO 8859-1）编码的文本，而现在的文本含有 Latin-1 无法表示的字符。要保存为 UTF-8 吗？这样其中其他带重音的字母也会以 UTF-8 写出，旧的编辑器可能会显示错误。</translation>
    </message>
</context>
<context>
    <name>bp::ExportActions</name>
    <message>
        <source>Export &amp;picture…</source>
        <translation>导出图片(&amp;P)…</translation>
    </message>
    <message>
        <source>The canvas as it shows now, as PNG (1x, 2x, 3x) or SVG, for slides</source>
        <translation>把画布当前的样子导出为 PNG（1 倍、2 倍、3 倍）或 SVG，用于幻灯片</translation>
    </message>
    <message>
        <source>Export all s&amp;teps…</source>
        <translation>导出所有步骤(&amp;T)…</translation>
    </message>
    <message>
        <source>One numbered picture per step of the current phase, for a slide deck</source>
        <translation>当前阶段的每一步各导出一张编号的图片，用于制作幻灯片</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>“%1” exists. Replace it?</source>
        <translation>“%1”已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Cannot export the picture</source>
        <translation>无法导出图片</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Export all steps</source>
        <translation>导出所有步骤</translation>
    </message>
    <message>
        <source>The %1 phase has no steps.</source>
        <translation>%1阶段没有步骤。</translation>
    </message>
    <message numerus="yes">
        <source>“%1” already holds %n step picture(s). Replace them?</source>
        <translation>
            <numerusform>“%1”中已有 %n 张步骤图片。要替换它们吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing the steps…</source>
        <translation>正在绘制步骤…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Drawing step %1 of %2…</source>
        <translation>正在绘制第 %1 步，共 %2 步…</translation>
    </message>
    <message>
        <source>Cannot export the steps</source>
        <translation>无法导出步骤</translation>
    </message>
    <message numerus="yes">
        <source>%1

%n picture(s) were written before the problem.</source>
        <translation>
            <numerusform>%1

出现问题之前已写出 %n 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n of %1 pictures written to %2</source>
        <translation>
            <numerusform>已取消：%1 张图片中已有 %n 张写入 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n picture(s) to %1</source>
        <translation>
            <numerusform>已将 %n 张图片写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Writes %1 pictures, %2 … %3 (.png or .svg, as chosen below), one per step of the %4 phase (the phase the cursor is in; step into the other phase first to export that one).</source>
        <translation>将写出 %1 张图片，%2 … %3（.png 或 .svg，按下方的选择），%4阶段的每一步一张（即光标所在的阶段；要导出另一个阶段，请先步进到那个阶段）。</translation>
    </message>
</context>
<context>
    <name>bp::ExportDialog</name>
    <message>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Export all steps</source>
        <translation>导出所有步骤</translation>
    </message>
    <message>
        <source>PNG %1x (%2 × %3 pixels)</source>
        <translation>PNG %1 倍（%2 × %3 像素）</translation>
    </message>
    <message>
        <source>SVG (a drawing, sharp at any size)</source>
        <translation>SVG（矢量图，任意尺寸都清晰）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Folder for the step pictures</source>
        <translation>存放步骤图片的文件夹</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>“%1” is a folder; add a file name.</source>
        <translation>“%1”是一个文件夹；请加上文件名。</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation>“%1”是文件，不是文件夹。</translation>
    </message>
</context>
<context>
    <name>bp::FindBar</name>
    <message>
        <source>Find node</source>
        <translation>查找节点</translation>
    </message>
    <message>
        <source>Find node: </source>
        <translation>查找节点：</translation>
    </message>
    <message>
        <source>name, e.g. w1</source>
        <translation>名字，例如 w1</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>The previous node that matches (Shift+F3, Shift+Enter)</source>
        <translation>上一个匹配的节点（Shift+F3，Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>The next node that matches (F3, Enter)</source>
        <translation>下一个匹配的节点（F3，Enter）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>&amp;Find node…</source>
        <translation>查找节点(&amp;F)…</translation>
    </message>
    <message>
        <source>Find a node by its name: selects it and centres the view on it</source>
        <translation>按名字查找节点：选中它并将视图移到它的中心</translation>
    </message>
    <message>
        <source>No such node</source>
        <translation>没有这个节点</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>bp::GradientCheckDock</name>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>检验梯度</translation>
    </message>
    <message>
        <source>Compare every leaf&apos;s gradient from the backward pass with central finite differences</source>
        <translation>将反向传播得到的每个叶节点的梯度与中心有限差分进行比较</translation>
    </message>
    <message>
        <source>Numeric: (f(x+h) − f(x−h)) / 2h with h = %1·max(1, |x|), f = Σ seed·root. An entry agrees when |analytic − numeric| ≤ %2 + %3·max(|analytic|, |numeric|).</source>
        <translation>数值梯度：(f(x+h) − f(x−h)) / 2h，其中 h = %1·max(1, |x|)，f = Σ seed·根节点。当 |解析值 − 数值| ≤ %2 + %3·max(|解析值|, |数值|) 时，该元素判为一致。</translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation>叶节点</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>元素</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Analytic</source>
        <translation>解析梯度</translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation>数值梯度</translation>
    </message>
    <message>
        <source>|difference|</source>
        <translation>|差值|</translation>
    </message>
    <message>
        <source>The gradient from the backward pass</source>
        <translation>反向传播得到的梯度</translation>
    </message>
    <message>
        <source>The central finite difference</source>
        <translation>中心有限差分</translation>
    </message>
    <message>
        <source>A long gradient check</source>
        <translation>耗时较长的梯度检验</translation>
    </message>
    <message>
        <source>Press “Check gradients” to compare every leaf&apos;s gradient with central differences.</source>
        <translation>按“检验梯度”，将每个叶节点的梯度与中心差分进行比较。</translation>
    </message>
    <message>
        <source>The graph has changed since: run it again.</source>
        <translation>此后计算图已有改动：请重新运行。</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>%L1 seconds</source>
        <translation>%L1 秒</translation>
    </message>
    <message>
        <source>%L1 minutes</source>
        <translation>%L1 分钟</translation>
    </message>
    <message>
        <source>%L1 hours</source>
        <translation>%L1 小时</translation>
    </message>
    <message>
        <source>The leaves of this graph hold %L1 numbers. The check runs two forward passes for each of them, which takes about %2. The window stays usable meanwhile.

Run the check?</source>
        <translation>这个图的叶节点共有 %L1 个数。检验对每个数都要做两次前向传播，大约需要 %2。在此期间窗口仍可使用。

要运行检验吗？</translation>
    </message>
    <message>
        <source>Not run: %L1 leaf entries would take about %2.</source>
        <translation>未运行：%L1 个叶节点元素大约需要 %2。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检验…</translation>
    </message>
    <message>
        <source>Checking %L1 leaf entries (about %2)…</source>
        <translation>正在检验 %L1 个叶节点元素（约 %2）…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>检验失败：%1</translation>
    </message>
    <message>
        <source>kink</source>
        <translation>折点</translation>
    </message>
    <message>
        <source>No derivative exists here (relu or abs at 0): the backward pass&apos;s value lies between the slopes on the left and on the right, a valid subgradient.</source>
        <translation>此处不可导（relu 或 abs 在 0 处）：反向传播的值介于左右两侧的斜率之间，是一个有效的次梯度。</translation>
    </message>
    <message>
        <source>✓ All %L1 leaf entries agree with central differences (largest difference %2).</source>
        <translation>✓ 全部 %L1 个叶节点元素都与中心差分一致（最大差值 %2）。</translation>
    </message>
    <message>
        <source>✗ %L1 of %L2 entries disagree, in %3: a wrong derivative, or a value that is inf or nan.</source>
        <translation>✗ %L2 个元素中有 %L1 个不一致，位于 %3：可能是导数有误，或某个值为 inf 或 nan。</translation>
    </message>
    <message numerus="yes">
        <source>Entries at a kink (relu or abs at 0): %n. There the backward pass&apos;s value lies between the one-sided slopes, a valid subgradient.</source>
        <translation>
            <numerusform>位于折点（relu 或 abs 在 0 处）的元素：%n 个。在这些位置，反向传播的值介于两侧的单侧斜率之间，是一个有效的次梯度。</numerusform>
        </translation>
    </message>
    <message>
        <source>The table lists %L1 of them: every disagreement, then the first that agree.</source>
        <translation>表中列出其中 %L1 个：先列出所有不一致的，再列出前几个一致的。</translation>
    </message>
</context>
<context>
    <name>bp::GraphView</name>
    <message>
        <source>Laying out %L1 nodes… %2%</source>
        <translation>正在布局 %L1 个节点… %2%</translation>
    </message>
</context>
<context>
    <name>bp::GuardedApplication</name>
    <message>
        <source>Out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Backprop Studio ran out of memory and stopped what it was doing: the graph needs more memory than the program may use. Save your work, then make the graph&apos;s values smaller.</source>
        <translation>Backprop Studio 内存不足，已停止当前操作：该图所需的内存超出了程序可用的上限。请先保存你的工作，然后把图中的值改小一些。</translation>
    </message>
</context>
<context>
    <name>bp::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Value (forward)</source>
        <translation>值（前向）</translation>
    </message>
    <message>
        <source>Gradient (backward)</source>
        <translation>梯度（反向）</translation>
    </message>
    <message>
        <source>Click a node to inspect it.</source>
        <translation>单击一个节点以查看它。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2，%3</translation>
    </message>
    <message>
        <source>&lt;br&gt;Edit the value below, or double-click the node.</source>
        <translation>&lt;br&gt;在下方编辑它的值，或双击该节点。</translation>
    </message>
    <message>
        <source>type one number</source>
        <translation>输入一个数</translation>
    </message>
    <message>
        <source>“%1” is not a number: %2</source>
        <translation>“%1”不是数：%2</translation>
    </message>
    <message>
        <source>Click an entry to see its own chain in the chain-rule panel</source>
        <translation>点击一个元素，在链式法则面板中查看它自己的链</translation>
    </message>
    <message>
        <source>&lt;br&gt;Called %1 in the source.</source>
        <translation>&lt;br&gt;在源码中名为 %1。</translation>
    </message>
    <message>
        <source>&lt;br&gt;In the imported file: %1</source>
        <translation>&lt;br&gt;导入文件中的原名：%1</translation>
    </message>
    <message>
        <source>&lt;br&gt;F2 renames it.</source>
        <translation>&lt;br&gt;按 F2 重命名。</translation>
    </message>
</context>
<context>
    <name>bp::LeafSliders</name>
    <message>
        <source>%1 has %2 entries: edit them in the table above.</source>
        <translation>%1 有 %2 个元素：请在上方的表格中编辑。</translation>
    </message>
    <message>
        <source>Drag to change a value; everything follows. One drag is one undo step.</source>
        <translation>拖动以改变数值，所有结果随之更新。每次拖动算作一步撤销。</translation>
    </message>
    <message>
        <source>%1 per step</source>
        <translation>每格 %1</translation>
    </message>
</context>
<context>
    <name>bp::MainWindow</name>
    <message>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>&lt;as opened&gt;</source>
        <translation>&lt;刚打开时&gt;</translation>
    </message>
    <message>
        <source>Right/Space: step   Left/Backspace: back   Home/End   Wheel: zoom   Drag: pan</source>
        <translation>→/空格：下一步   ←/Backspace：上一步   Home/End：开头/结尾   滚轮：缩放   拖动：平移</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>A new graph from a small template: a neuron and its loss</source>
        <translation>从一个小模板新建计算图：一个神经元及其损失</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .bpg graph, a .bps document or an .onnx model</source>
        <translation>打开 .bpg 计算图、.bps 文档或 .onnx 模型</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close this window (asks about unsaved work)</source>
        <translation>关闭此窗口（会询问未保存的工作）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window (asks about unsaved work)</source>
        <translation>关闭窗口（会询问未保存的工作）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit graph</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lay out again</source>
        <translation>重新布局(&amp;L)</translation>
    </message>
    <message>
        <source>Place every node again by the automatic layout (nodes moved by hand too)</source>
        <translation>按自动布局重新摆放每个节点（包括手动移动过的节点）</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <source>The window over the whole screen, with its panels (F11; F5 presents)</source>
        <translation>窗口连同面板铺满整个屏幕（F11；F5 进入演示）</translation>
    </message>
    <message>
        <source>Show or hide the chain rule of the current step</source>
        <translation>显示或隐藏当前步骤的链式法则</translation>
    </message>
    <message>
        <source>Show or hide the inspector: the selected node whole, sliders for a leaf</source>
        <translation>显示或隐藏检查器：所选节点的完整内容，叶节点的滑块</translation>
    </message>
    <message>
        <source>Show or hide the .bpg text of the graph</source>
        <translation>显示或隐藏计算图的 .bpg 文本</translation>
    </message>
    <message>
        <source>Show or hide the change of the loss an edit predicts and the change that happened</source>
        <translation>显示或隐藏一次编辑所预测的损失变化与实际发生的变化</translation>
    </message>
    <message>
        <source>Show or hide the list of edits (click one to go back to it)</source>
        <translation>显示或隐藏编辑列表（单击某一项可回到那一步）</translation>
    </message>
    <message>
        <source>Show or hide σ(z) and σ′(z) with the z of every sigmoid node</source>
        <translation>显示或隐藏 σ(z) 和 σ′(z)，以及每个 sigmoid 节点的 z</translation>
    </message>
    <message>
        <source>Show or hide the vanishing-gradient demo: deep chains of sigmoid, tanh or relu</source>
        <translation>显示或隐藏梯度消失演示：由 sigmoid、tanh 或 relu 组成的深层链</translation>
    </message>
    <message>
        <source>Show or hide training with SGD and the loss curve</source>
        <translation>显示或隐藏 SGD 训练和损失曲线</translation>
    </message>
    <message>
        <source>Show or hide the PyTorch script that computes the same numbers</source>
        <translation>显示或隐藏计算出相同数值的 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Show or hide the comparison of every gradient with central differences</source>
        <translation>显示或隐藏每个梯度与中心差分的比较</translation>
    </message>
    <message>
        <source>Show or hide the step buttons</source>
        <translation>显示或隐藏步进按钮</translation>
    </message>
    <message>
        <source>&amp;Reset the window layout</source>
        <translation>重置窗口布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start</source>
        <translation>把每个面板放回首次启动时的位置</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>计算图(&amp;G)</translation>
    </message>
    <message>
        <source>Add &amp;MSE loss…</source>
        <translation>添加 &amp;MSE 损失…</translation>
    </message>
    <message>
        <source>Added %1: it is the root now (Ctrl+Z takes it back)</source>
        <translation>已添加 %1：它现在是根节点（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Give a model that ends at its output a loss to train: mse(output, target)</source>
        <translation>为以输出结尾的模型加上用于训练的损失：mse(output, target)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — Backprop Studio</source>
        <translation>%1[*] — Backprop Studio</translation>
    </message>
    <message>
        <source>Cannot open the example</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source># A new graph: leaves first (input, param, const), then one op per line.
# The last line is the root of the backward pass. F1 lists every operator and function.
</source>
        <translation># 一个新的计算图：先写叶节点（input、param、const），然后每行一个运算。
# 最后一行是反向传播的根节点。按 F1 可查看所有运算符和函数。
</translation>
    </message>
    <message>
        <source>⚠ Autosave is off: save your work yourself (Ctrl+S)</source>
        <translation>⚠ 自动保存已关闭：请自行保存你的工作（Ctrl+S）</translation>
    </message>
    <message>
        <source>Show the l&amp;egend</source>
        <translation>显示图例(&amp;E)</translation>
    </message>
    <message>
        <source>Show or hide the strip under the canvas that says what the colours mean</source>
        <translation>显示或隐藏画布下方说明各颜色含义的图例条</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>A new name for the selected node, in the graph and everywhere in the source (F2)</source>
        <translation>为选中的节点起新名字，图中和源码中的每一处都随之改变（F2）</translation>
    </message>
    <message>
        <source>Renamed: the source says %1 everywhere (Ctrl+Z takes it back)</source>
        <translation>已重命名：源码中各处都写作 %1（Ctrl+Z 可撤销）</translation>
    </message>
</context>
<context>
    <name>bp::PredictDock</name>
    <message>
        <source>Predict the change</source>
        <translation>预测变化</translation>
    </message>
    <message>
        <source>Change a weight — double-click a number on the canvas, Shift+drag it, or use the inspector&apos;s sliders — and this panel compares the gradient&apos;s prediction &lt;b&gt;ΔL ≈ ∂L/∂w · Δw&lt;/b&gt; with the change that really happens to the loss.</source>
        <translation>改变一个权重——双击画布上的数字、按住 Shift 拖动它，或使用检查器中的滑块——这个面板会把梯度的预测 &lt;b&gt;ΔL ≈ ∂L/∂w · Δw&lt;/b&gt; 与损失实际发生的变化进行比较。</translation>
    </message>
    <message>
        <source>Σ seed∘%1</source>
        <translation>Σ seed∘%1</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (Δ = %4)</source>
        <translation>%1：%2 → %3（Δ = %4）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries changed</source>
        <translation>
            <numerusform>%1：%n 个元素发生了变化</numerusform>
        </translation>
    </message>
    <message>
        <source>∂%1/∂%2 · Δ</source>
        <translation>∂%1/∂%2 · Δ</translation>
    </message>
    <message>
        <source>Σ ∂%1/∂w · Δw</source>
        <translation>Σ ∂%1/∂w · Δw</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有任何变化。</translation>
    </message>
    <message>
        <source>The loss does not depend on this value here: its gradient is 0.</source>
        <translation>在这里损失不依赖于这个值：它的梯度为 0。</translation>
    </message>
    <message>
        <source>A number is not finite: no comparison.</source>
        <translation>有一个数不是有限值：无法比较。</translation>
    </message>
    <message>
        <source>The gradient predicted the change to within %1%: for a small step the loss moves along its slope.</source>
        <translation>梯度对变化的预测误差在 %1% 以内：步长较小时，损失沿着它的斜率变化。</translation>
    </message>
    <message>
        <source>The prediction is off by %1%: the step is too large for the straight-line (first-order) estimate — the slope changed along the way.</source>
        <translation>预测偏差为 %1%：对于直线（一阶）估计来说步长太大了——斜率在途中发生了变化。</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
</context>
<context>
    <name>bp::PredictReveal</name>
    <message>
        <source>Let the class &amp;predict</source>
        <translation>让全班预测(&amp;P)</translation>
    </message>
    <message>
        <source>Each step first shows “?” for its result; Step or R reveals it (H)</source>
        <translation>每一步先把结果显示为“?”；按“下一步”或 R 揭晓（H）</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>揭晓(&amp;R)</translation>
    </message>
    <message>
        <source>Show the number the class was asked to predict (R, or Step)</source>
        <translation>显示请全班预测的那个数（R 或“下一步”）</translation>
    </message>
</context>
<context>
    <name>bp::PresentationCharts</name>
    <message>
        <source>σ′(z): how much each sigmoid lets the gradient through</source>
        <translation>σ′(z)：每个 sigmoid 让多少梯度通过</translation>
    </message>
    <message>
        <source>Vanishing gradients: the gradient&apos;s size at each layer</source>
        <translation>梯度消失：每一层的梯度大小</translation>
    </message>
    <message>
        <source>The loss, step by step of training</source>
        <translation>损失：训练的每一步</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:#555&quot;&gt;C: next chart · O: relu beside σ · Esc: back to the graph&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:#555&quot;&gt;C：下一张图表 · O：在 σ 旁显示 relu · Esc：回到计算图&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The loss, step by step of training (none yet: train in the Training panel first)</source>
        <translation>损失：训练的每一步（还没有：请先在“训练”面板中训练）</translation>
    </message>
</context>
<context>
    <name>bp::PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Presentation &amp;type size</source>
        <translation>演示字号(&amp;T)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>The type size of presentation mode: %1% of the window&apos;s</source>
        <translation>演示模式的字号：窗口字号的 %1%</translation>
    </message>
    <message>
        <source>Presentations start with the class &amp;predicting</source>
        <translation>演示开始时即让全班预测(&amp;P)</translation>
    </message>
    <message>
        <source>F5 also switches on “Let the class predict”</source>
        <translation>按 F5 时同时打开“让全班预测”</translation>
    </message>
    <message>
        <source>Full screen, large type: the canvas, the steps and the chain rule (F5; Esc leaves). C (or a clicker&apos;s B) shows the charts in turn, O draws relu beside σ.</source>
        <translation>全屏、大字：画布、步骤和链式法则（F5；Esc 退出）。C（或翻页笔的 B 键）依次显示各图表，O 在 σ 旁画出 relu。</translation>
    </message>
    <message>
        <source>Presentation: the next chart (σ′, vanishing gradients, loss, graph)</source>
        <translation>演示：下一张图表（σ′、梯度消失、损失、计算图）</translation>
    </message>
    <message>
        <source>Presentation: the chart before</source>
        <translation>演示：上一张图表</translation>
    </message>
    <message>
        <source>Presentation: relu beside σ on the σ′ chart</source>
        <translation>演示：在 σ′ 图表中的 σ 旁显示 relu</translation>
    </message>
</context>
<context>
    <name>bp::PyTorchCodeDock</name>
    <message>
        <source>PyTorch code</source>
        <translation>PyTorch 代码</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the script to the clipboard</source>
        <translation>把脚本复制到剪贴板</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the script as a .py file</source>
        <translation>把脚本保存为 .py 文件</translation>
    </message>
    <message>
        <source>No graph.</source>
        <translation>没有计算图。</translation>
    </message>
    <message>
        <source>The leaves of this graph hold %L1 numbers: the script is too long to show here. Save as… writes it.</source>
        <translation>这个图的叶节点共有 %L1 个数：脚本太长，无法在这里显示。可用“另存为…”写出它。</translation>
    </message>
    <message>
        <source>The graph in PyTorch. Run it with &lt;b&gt;python3 graph.py&lt;/b&gt;: PyTorch prints the same &lt;span style=&apos;color:%1&apos;&gt;values&lt;/span&gt; and &lt;span style=&apos;color:%2&apos;&gt;gradients&lt;/span&gt;.</source>
        <translation>用 PyTorch 写成的计算图。用 &lt;b&gt;python3 graph.py&lt;/b&gt; 运行它：PyTorch 会打印出相同的&lt;span style=&apos;color:%1&apos;&gt;值&lt;/span&gt;和&lt;span style=&apos;color:%2&apos;&gt;梯度&lt;/span&gt;。</translation>
    </message>
    <message>
        <source>Cannot write this graph in PyTorch: %1</source>
        <translation>无法用 PyTorch 写出这个图：%1</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>已复制 ✓</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save the PyTorch script</source>
        <translation>保存 PyTorch 脚本</translation>
    </message>
    <message>
        <source>graph.py</source>
        <translation>graph.py</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save the script</source>
        <translation>无法保存脚本</translation>
    </message>
</context>
<context>
    <name>bp::RenameDialog</name>
    <message>
        <source>Type a name.</source>
        <translation>请输入名字。</translation>
    </message>
    <message>
        <source>“%1” is not a name: a name starts with a letter or _ and goes on with letters, digits and _ (no spaces, dots or dashes).</source>
        <translation>“%1”不是合法的名字：名字以字母或 _ 开头，后面是字母、数字或 _（不能有空格、点或连字符）。</translation>
    </message>
    <message>
        <source>“%1” is a word of the language; choose another name.</source>
        <translation>“%1”是语言的关键字，请换一个名字。</translation>
    </message>
    <message>
        <source>Another node is already called “%1”.</source>
        <translation>已有另一个节点叫“%1”。</translation>
    </message>
    <message>
        <source>This node has no name in the source (it is part of an expression), so it cannot be renamed.</source>
        <translation>这个节点在源码中没有名字（它是某个表达式的一部分），因此不能重命名。</translation>
    </message>
    <message>
        <source>The source does not read with “%1” as this node&apos;s name (the name of a function?); choose another.</source>
        <translation>用“%1”作这个节点的名字后源码无法解析（是函数名吗？），请换一个。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name for &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的新名字：</translation>
    </message>
    <message>
        <source>Select a node to rename it.</source>
        <translation>先选中一个节点再重命名。</translation>
    </message>
    <message>
        <source>Every use in the source is renamed too; Ctrl+Z takes it back.</source>
        <translation>源码中的每一处用法也会一起改名；Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>bp::SigmoidChartDock</name>
    <message>
        <source>Sigmoid chart</source>
        <translation>Sigmoid 曲线</translation>
    </message>
    <message>
        <source>z of %1</source>
        <translation>%1 的 z</translation>
    </message>
    <message>
        <source>The graph has no sigmoid node. Open &lt;b&gt;mlp-1-2-2&lt;/b&gt; or &lt;b&gt;deep-sigmoid&lt;/b&gt; to see where each one sits.</source>
        <translation>这个图没有 sigmoid 节点。打开 &lt;b&gt;mlp-1-2-2&lt;/b&gt; 或 &lt;b&gt;deep-sigmoid&lt;/b&gt; 示例，看看每个节点落在曲线的什么位置。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另外还有 %1 个</translation>
    </message>
    <message>
        <source>not a number: check the weights</source>
        <translation>不是数：请检查权重</translation>
    </message>
    <message>
        <source>&lt;b&gt;the gradient is tiny&lt;/b&gt; (%1× below the maximum)</source>
        <translation>&lt;b&gt;梯度非常小&lt;/b&gt;（比最大值小 %1 倍）</translation>
    </message>
    <message>
        <source>near the maximum 1/4</source>
        <translation>接近最大值 1/4</translation>
    </message>
    <message>
        <source>the gradient is scaled by %1</source>
        <translation>梯度被乘以 %1</translation>
    </message>
    <message>
        <source>%1 = %2 → σ′ = %3: %4</source>
        <translation>%1 = %2 → σ′ = %3：%4</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 sigmoid entries are drawn.</source>
        <translation>%2 个 sigmoid 元素中只画出了前 %1 个。</translation>
    </message>
    <message>
        <source>relu beside σ (dashed)</source>
        <translation>在 σ 旁显示 relu（虚线）</translation>
    </message>
    <message>
        <source>Draws relu(z) and relu′(z) over σ and σ′: a slope of 1 beside a slope of at most 1/4</source>
        <translation>在 σ 和 σ′ 上画出 relu(z) 和 relu′(z)：斜率 1 与至多 1/4 的斜率并列</translation>
    </message>
</context>
<context>
    <name>bp::SourceDock</name>
    <message>
        <source>Source</source>
        <translation>源代码</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Build the graph from this text (Ctrl+Return). Undo takes it back.</source>
        <translation>用这段文本构建计算图（Ctrl+Return）。可以撤销。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Drop what was typed and show the text of the graph on the canvas.</source>
        <translation>丢弃输入的内容，显示画布上计算图的文本。</translation>
    </message>
    <message>
        <source>Apply as you type</source>
        <translation>边输入边应用</translation>
    </message>
    <message>
        <source>Apply %1 ms after the last key press.</source>
        <translation>最后一次按键后 %1 毫秒应用。</translation>
    </message>
    <message>
        <source>The graph changed while you were typing: Apply builds it from this text, Revert shows the graph&apos;s text.</source>
        <translation>你输入时计算图发生了变化：“应用”用这段文本构建图，“还原”显示图的文本。</translation>
    </message>
    <message>
        <source>Edited: press Ctrl+Return to apply.</source>
        <translation>已编辑：按 Ctrl+Return 应用。</translation>
    </message>
    <message>
        <source>A long text is not applied as you type: press Ctrl+Return to apply.</source>
        <translation>长文本不会边输入边应用：请按 Ctrl+Return 应用。</translation>
    </message>
    <message>
        <source>The canvas shows the last graph that parsed.</source>
        <translation>画布显示的是最后一次解析成功的计算图。</translation>
    </message>
    <message>
        <source>Line %1, column %2: </source>
        <translation>第 %1 行，第 %2 列：</translation>
    </message>
    <message>
        <source>This text is not applied yet: press Ctrl+Return to apply it.</source>
        <translation>这段文本还没有应用：按 Ctrl+Return 应用它。</translation>
    </message>
</context>
<context>
    <name>bp::StepToolBar</name>
    <message>
        <source>Steps</source>
        <translation>步进</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source> speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Start (%1 forward, %2 backward steps)</source>
        <translation>开始（前向 %1 步，反向 %2 步）</translation>
    </message>
    <message>
        <source>Forward %1 / %2</source>
        <translation>前向传播 %1 / %2</translation>
    </message>
    <message>
        <source>Backward %1 / %2</source>
        <translation>反向传播 %1 / %2</translation>
    </message>
</context>
<context>
    <name>bp::TrainingDock</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Zero grad</source>
        <translation>梯度清零</translation>
    </message>
    <message>
        <source>Backward again</source>
        <translation>再次反向传播</translation>
    </message>
    <message>
        <source>Optimizer step</source>
        <translation>优化器更新</translation>
    </message>
    <message>
        <source>optimizer.step(): every param moves by −lr × its gradient (with momentum, its buffer)</source>
        <translation>optimizer.step()：每个参数移动 −lr × 它的梯度（使用动量时为其动量缓冲）</translation>
    </message>
    <message>
        <source>As many times as Steps says: zero_grad, forward, backward, step. One undo step.</source>
        <translation>按“步数”重复：zero_grad、前向传播、反向传播、step。整体算作一步撤销。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Clear curve</source>
        <translation>清除曲线</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&lt;b&gt;The gradients now hold the sum of %1 backward passes&lt;/b&gt; (%1× one pass). Like PyTorch, backward() &lt;i&gt;adds&lt;/i&gt; into each leaf&apos;s .grad; only zero_grad() clears it. That is why a training loop calls optimizer.zero_grad() before every backward(). An optimizer step now moves the weights %1× as far.</source>
        <translation>&lt;b&gt;现在的梯度是 %1 次反向传播的总和&lt;/b&gt;（一次的 %1 倍）。与 PyTorch 一样，backward() 会把结果&lt;i&gt;累加&lt;/i&gt;到每个叶节点的 .grad 中，只有 zero_grad() 才会清零。这就是训练循环在每次 backward() 之前都要调用 optimizer.zero_grad() 的原因。现在执行一次优化器更新，权重移动的距离会是原来的 %1 倍。</translation>
    </message>
    <message>
        <source>Step %1 of %2, loss %3</source>
        <translation>第 %1 步，共 %2 步，损失 %3</translation>
    </message>
    <message>
        <source>Loss %1. Each step: w ← w − lr·∂L/∂w.</source>
        <translation>损失 %1。每一步：w ← w − lr·∂L/∂w。</translation>
    </message>
    <message>
        <source>Accuracy %1%</source>
        <translation>准确率 %1%</translation>
    </message>
    <message>
        <source>optimizer.zero_grad(): every gradient becomes zero, nothing else runs</source>
        <translation>optimizer.zero_grad()：每个梯度都变为零，其他什么都不运行</translation>
    </message>
    <message>
        <source>Forward, then loss.backward(): the leaves&apos; gradients add to what they hold (after Zero grad: fresh ones)</source>
        <translation>先前向传播，再 loss.backward()：叶节点的梯度累加到已有的值上（梯度清零之后：得到全新的梯度）</translation>
    </message>
    <message>
        <source>Constant rate</source>
        <translation>固定学习率</translation>
    </message>
    <message>
        <source>Step decay (StepLR)</source>
        <translation>阶梯衰减（StepLR）</translation>
    </message>
    <message>
        <source>Exponential decay (ExponentialLR)</source>
        <translation>指数衰减（ExponentialLR）</translation>
    </message>
    <message>
        <source>How the learning rate changes with the steps: step decay multiplies it by γ every N steps, exponential decay by γ after every step</source>
        <translation>学习率如何随步数变化：阶梯衰减每 N 步乘以 γ，指数衰减每一步都乘以 γ</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Learning rate now %1 (after %2 steps of the schedule)</source>
        <translation>当前学习率 %1（按调度已走 %2 步）</translation>
    </message>
</context>
<context>
    <name>bp::TrainingSession</name>
    <message>
        <source>%1 → %2 (Δ %3)</source>
        <translation>%1 → %2（Δ %3）</translation>
    </message>
    <message>
        <source>The learning rate changed: the momentum buffers start again.</source>
        <translation>学习率已改变：动量缓冲重新开始。</translation>
    </message>
    <message>
        <source>The momentum changed: its buffers start again.</source>
        <translation>动量已改变：其缓冲重新开始。</translation>
    </message>
    <message>
        <source>There is no graph to train.</source>
        <translation>没有可训练的计算图。</translation>
    </message>
    <message>
        <source>Training needs a 1x1 loss as the root; &apos;%1&apos; is %2.</source>
        <translation>训练需要一个 1x1 的损失作为根节点；“%1”是 %2。</translation>
    </message>
    <message>
        <source>The graph has no param to train: the optimizer updates the leaves declared with &apos;param&apos;.</source>
        <translation>该图没有可训练的参数：优化器只更新用“param”声明的叶节点。</translation>
    </message>
    <message>
        <source>The weights changed since the last step: the curve starts again.</source>
        <translation>自上一步以来权重已被改动：曲线重新开始。</translation>
    </message>
    <message>
        <source>Optimizer step (gradients of %1 backward passes)</source>
        <translation>优化器更新（使用 %1 次反向传播的梯度）</translation>
    </message>
    <message>
        <source>Optimizer step</source>
        <translation>优化器更新</translation>
    </message>
    <message>
        <source>The step used the sum of %1 backward passes: %1× the gradient.</source>
        <translation>这一步使用了 %1 次反向传播的总和：梯度的 %1 倍。</translation>
    </message>
    <message>
        <source>One step: loss %1.</source>
        <translation>一步：损失 %1。</translation>
    </message>
    <message>
        <source>Training run, steps: %1</source>
        <translation>训练运行，步数：%1</translation>
    </message>
    <message>
        <source>Training: %1 steps of zero_grad, forward, backward, step.</source>
        <translation>训练：%1 步 zero_grad、前向传播、反向传播、step。</translation>
    </message>
    <message>
        <source>Training done at step %1: loss %2.</source>
        <translation>训练在第 %1 步完成：损失 %2。</translation>
    </message>
    <message>
        <source>Stopped at step %1: the loss is %2. Try a smaller learning rate.</source>
        <translation>在第 %1 步停止：损失为 %2。请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>Stopped at step %1.</source>
        <translation>在第 %1 步停止。</translation>
    </message>
    <message>
        <source>Stopped at step %1: the weights were changed.</source>
        <translation>在第 %1 步停止：权重被改动了。</translation>
    </message>
</context>
<context>
    <name>bp::UndoActions</name>
    <message>
        <source>&amp;Undo typing</source>
        <translation>撤销输入(&amp;U)</translation>
    </message>
    <message>
        <source>Undo typing in the Source panel (the text is not applied yet)</source>
        <translation>撤销源代码面板中的输入（文本尚未应用）</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last edit of the graph</source>
        <translation>撤销对图的上一次编辑</translation>
    </message>
    <message>
        <source>&amp;Redo typing</source>
        <translation>重做输入(&amp;R)</translation>
    </message>
    <message>
        <source>Redo typing in the Source panel</source>
        <translation>重做源代码面板中的输入</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the last edit of the graph that was undone</source>
        <translation>重做上一次被撤销的图编辑</translation>
    </message>
</context>
<context>
    <name>bp::ValueEditor</name>
    <message>
        <source>There is no such node.</source>
        <translation>没有这个节点。</translation>
    </message>
    <message>
        <source>%1 is computed from its inputs: only a leaf (input, param or const) has a value to type.</source>
        <translation>%1 是由它的输入计算出来的：只有叶节点（input、param 或 const）才能输入值。</translation>
    </message>
    <message>
        <source>%1 has %2 entries: double-click one of them, or edit it in the inspector.</source>
        <translation>%1 有 %2 个元素：请双击其中一个，或在检查器中编辑。</translation>
    </message>
    <message>
        <source>%1: Enter applies, Esc cancels</source>
        <translation>%1：Enter 应用，Esc 取消</translation>
    </message>
    <message>
        <source>%1 as a literal: Enter applies, Esc cancels</source>
        <translation>以字面量形式输入 %1：Enter 应用，Esc 取消</translation>
    </message>
    <message>
        <source>Not a number: %1</source>
        <translation>不是数：%1</translation>
    </message>
    <message>
        <source>Not a literal: %1</source>
        <translation>不是字面量：%1</translation>
    </message>
    <message>
        <source>Type one number for %1.</source>
        <translation>请为 %1 输入一个数。</translation>
    </message>
    <message>
        <source>%1 is %2; this literal is %3.</source>
        <translation>%1 是 %2；这个字面量是 %3。</translation>
    </message>
</context>
<context>
    <name>bp::VanishingDemoDock</name>
    <message>
        <source>Vanishing gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>The number of layers zₖ = wₖ·hₖ₋₁ + b, hₖ = act(zₖ)</source>
        <translation>层数：zₖ = wₖ·hₖ₋₁ + b，hₖ = act(zₖ)</translation>
    </message>
    <message>
        <source>Build the chain</source>
        <translation>构建深层链</translation>
    </message>
    <message>
        <source>Replaces the graph on the canvas with a deep chain of this depth and activation</source>
        <translation>用这个深度和激活函数的深层链替换画布上的计算图</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>deep chain: %1, depth %2</source>
        <translation>深层链：%1，深度 %2</translation>
    </message>
    <message>
        <source>Cannot build the chain</source>
        <translation>无法构建深层链</translation>
    </message>
    <message>
        <source>%1, depth %2</source>
        <translation>%1，深度 %2</translation>
    </message>
    <message>
        <source>‖∂L/∂z%1‖ = %2 at the top, ‖∂L/∂z1‖ = %3 at the bottom.</source>
        <translation>顶层 ‖∂L/∂z%1‖ = %2，底层 ‖∂L/∂z1‖ = %3。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient shrinks &lt;b&gt;%1×&lt;/b&gt; on its way down, &lt;b&gt;%2×&lt;/b&gt; per layer.</source>
        <translation>&lt;br&gt;梯度在向下传递的过程中缩小了 &lt;b&gt;%1 倍&lt;/b&gt;，每层缩小 &lt;b&gt;%2 倍&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient grows &lt;b&gt;%1×&lt;/b&gt; on its way down, &lt;b&gt;%2×&lt;/b&gt; per layer.</source>
        <translation>&lt;br&gt;梯度在向下传递的过程中增大了 &lt;b&gt;%1 倍&lt;/b&gt;，每层增大 &lt;b&gt;%2 倍&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient keeps its size through every layer.</source>
        <translation>&lt;br&gt;梯度在每一层都保持原来的大小。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The gradient has died on its way down: it is exactly 0 at the bottom.</source>
        <translation>&lt;br&gt;梯度在向下传递的过程中消失了：到底层时恰好为 0。</translation>
    </message>
    <message>
        <source>&lt;br&gt;σ′ ≤ 1/4, so each sigmoid layer (weight 1) shrinks it at least 4×.</source>
        <translation>&lt;br&gt;σ′ ≤ 1/4，因此每个 sigmoid 层（权重为 1）至少把它缩小 4 倍。</translation>
    </message>
    <message>
        <source>&lt;br&gt;tanh′ ≤ 1 and near 1 at small z: it shrinks much more slowly.</source>
        <translation>&lt;br&gt;tanh′ ≤ 1，且在 z 较小时接近 1：梯度缩小得慢得多。</translation>
    </message>
    <message>
        <source>&lt;br&gt;relu′ = 1 where z &gt; 0: the gradient passes unchanged (and dies where z ≤ 0).</source>
        <translation>&lt;br&gt;在 z &gt; 0 处 relu′ = 1：梯度原样通过（在 z ≤ 0 处则消失）。</translation>
    </message>
    <message>
        <source>The graph on the canvas is not a deep chain (z1, h1, z2, h2, …). Choose a depth and an activation and press &lt;b&gt;Build the chain&lt;/b&gt; (it replaces the graph on the canvas), or open the &lt;b&gt;deep-sigmoid&lt;/b&gt; example.</source>
        <translation>画布上的图不是深层链（z1, h1, z2, h2, …）。请选择深度和激活函数，然后按 &lt;b&gt;构建深层链&lt;/b&gt;（它会替换画布上的图），或者打开 &lt;b&gt;deep-sigmoid&lt;/b&gt; 示例。</translation>
    </message>
</context>
<context>
    <name>bp::charts::DecisionRegionsView</name>
    <message>
        <source>Decision regions: each point of the plane in the colour of the class the network gives it; the data points in the colour of their own class</source>
        <translation>决策区域：平面上的每个点按网络预测的类别着色；数据点按其自身的类别着色</translation>
    </message>
</context>
<context>
    <name>bp::charts::LayerGradientChart</name>
    <message>
        <source>off the chart</source>
        <translation>超出图表范围</translation>
    </message>
    <message>
        <source>layer k (1 = nearest the input)</source>
        <translation>第 k 层（1 = 最靠近输入）</translation>
    </message>
    <message>
        <source>‖∂L/∂zₖ‖ (log scale)</source>
        <translation>‖∂L/∂zₖ‖（对数坐标）</translation>
    </message>
    <message>
        <source>gradient size</source>
        <translation>梯度大小</translation>
    </message>
    <message>
        <source>%1 = %2 (off the log scale)</source>
        <translation>%1 = %2（超出对数坐标范围）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>bp::charts::LossCurveChart</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>optimizer step</source>
        <translation>优化器更新次数</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <source>L%1 = %2</source>
        <translation>L%1 = %2</translation>
    </message>
    <message>
        <source> (+%1 more off the chart)</source>
        <translation>（另有 %1 个超出图表范围）</translation>
    </message>
    <message>
        <source>L0 = %1</source>
        <translation>L0 = %1</translation>
    </message>
</context>
<context>
    <name>bp::charts::SigmoidChart</name>
    <message>
        <source>σ(z)</source>
        <translation>σ(z)</translation>
    </message>
    <message>
        <source>σ′(z) = σ(z)(1 − σ(z))</source>
        <translation>σ′(z) = σ(z)(1 − σ(z))</translation>
    </message>
    <message>
        <source>max σ′</source>
        <translation>σ′ 的最大值</translation>
    </message>
    <message>
        <source>sigmoid nodes</source>
        <translation>sigmoid 节点</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>选中的</translation>
    </message>
    <message>
        <source>off the chart</source>
        <translation>超出图表范围</translation>
    </message>
    <message>
        <source>z (the input of the sigmoid)</source>
        <translation>z（sigmoid 的输入）</translation>
    </message>
    <message>
        <source>%1: z = %2, σ′ = %3</source>
        <translation>%1：z = %2，σ′ = %3</translation>
    </message>
    <message>
        <source>max σ′(0) = 1/4</source>
        <translation>最大值 σ′(0) = 1/4</translation>
    </message>
    <message>
        <source> (σ′ off the chart)</source>
        <translation>（σ′ 超出图表范围）</translation>
    </message>
    <message>
        <source>relu(z)</source>
        <translation>relu(z)</translation>
    </message>
    <message>
        <source>relu′(z)</source>
        <translation>relu′(z)</translation>
    </message>
</context>
</TS>
