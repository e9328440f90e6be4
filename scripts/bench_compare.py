#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Backprop Studio against PyTorch and Graphviz, side by side in one run (issue 8).

    /usr/bin/python3 scripts/bench_compare.py [BINARY] [--runs N] [--bench BPS_BENCH] [--keep DIR]
                                              [--only mlp,chain,render,edit,window,memory]

BINARY defaults to build/app/backprop-studio, BPS_BENCH to build/bench/bps_bench next to it (and
the hand-written chain, bps_chain_loop, there too).
Every workload is generated afresh (.bpg files with fixed random seeds, in a temporary folder).
Each row times the whole `backprop-studio` process (start-up, libraries, parsing, the work,
the output) against the other tool doing only the work, best of N runs each (the machine is
shared; the best run is the one least disturbed), and prints the ratio and whether it meets the
issue's goal. The numbers are checked too: losses and gradients agree with PyTorch to 1e-6.

Threads and BLAS: both run on one thread (torch.set_num_threads(1), and OPENBLAS_NUM_THREADS=1
for our process and PyTorch's BLAS alike), core against core, and both on OpenBLAS, the BLAS a
user's PyTorch has an equivalent of (pip's wheels bundle MKL). Debian's python3-torch links
libblas.so.3, which is the reference BLAS unless OpenBLAS is the system's choice; the script
starts itself again with Debian's OpenBLAS folder first on LD_LIBRARY_PATH (unpacking the
libopenblas0-pthread .deb with `apt-get download` and `dpkg -x` when it is not installed), and
reads /proc/self/maps to say which BLAS PyTorch really loaded. The MLP row fails on any other.

Memory is the peak resident size (GNU time) of `backprop-studio trace` on a 1,000,000-op chain, which
evaluates and keeps the whole trace, minus that of the same command on a one-op graph, per node.
The window rows are bps_window_bench's medians: the real window with every dock, from the input
event (a key) to the last frame it causes, on generated graphs of ~1,000 and ~100,000 nodes. The
edit and step rows of bps_bench are the canvas alone (a breakdown): the document's edit and the
canvas rendered again offscreen, against one frame; a step of the cursor and the view's own
repaint (the event loop paints what the view marked dirty), against 2 ms.

Needs Debian's python3-torch and graphviz's `dot`; rows whose tool is missing are skipped.
"""
import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- workloads ---------------------------------------------------------------------------------

MLP_SIZES = (784, 256, 256, 10)
MLP_BATCH = 64
MLP_STEPS = 30
MLP_LR = 0.5
CHAIN_STEPS = 10_000  # v = v + 0.001 * tanh(v): 3 ops a step, 30,000 ops
CHAIN_LR = 0.1
MEMORY_CHAIN_OPS = 1_000_000  # issue 16: <= 150 B/node after `trace` on a 1M-op chain
MEMORY_GOAL = 150
SCALAR_NET = (24, 24, 24, 1)


def fmt(x, digits):
    """A short decimal (the text is what both tools read, so they start from the same doubles)."""
    return f'{x:.{digits}f}'.rstrip('0').rstrip('.') or '0'


def matrix_text(rows, cols, draw):
    """`[[a,b],[c,d]]` and, beside it, the same numbers as Python floats."""
    text_rows, values = [], []
    for _ in range(rows):
        row = [draw() for _ in range(cols)]
        text_rows.append('[' + ','.join(row) + ']')
        values.append([float(v) for v in row])
    return '[' + ',\n'.join(text_rows) + ']', values


def mlp_workload(seed=8):
    """An MLP 64x784 -> 256 -> 256 -> 10, sigmoid after every layer, MSE against a 0/1 target.

    Rows are samples (x is 64x784, W1 784x256, b1 1x256 broadcast over the rows), as a PyTorch
    nn.Linear with its weight stored transposed."""
    rng = random.Random(seed)
    lines, data = ['# MLP 64x784 -> 256 -> 256 -> 10, sigmoid, MSE (scripts/bench_compare.py)'], {}
    text, data['x'] = matrix_text(MLP_BATCH, MLP_SIZES[0], lambda: fmt(rng.random(), 3))
    lines.append(f'input x = {text}')
    target = [[1.0 if c == r % MLP_SIZES[-1] else 0.0 for c in range(MLP_SIZES[-1])] for r in range(MLP_BATCH)]
    data['t'] = target
    lines.append('const t = [' + ',\n'.join('[' + ','.join(fmt(v, 0) for v in row) + ']' for row in target) + ']')
    for layer, (n_in, n_out) in enumerate(zip(MLP_SIZES, MLP_SIZES[1:]), start=1):
        bound = 1 / n_in ** 0.5
        draw = lambda: fmt(rng.uniform(-bound, bound), 4)
        text, data[f'w{layer}'] = matrix_text(n_in, n_out, draw)
        lines.append(f'param w{layer} = {text}')
        text, data[f'b{layer}'] = matrix_text(1, n_out, draw)
        lines.append(f'param b{layer} = {text}')
    h = 'x'
    for layer in range(1, len(MLP_SIZES)):
        lines.append(f'h{layer} = sigmoid({h} @ w{layer} + b{layer})')
        h = f'h{layer}'
    lines.append(f'loss = mse({h}, t)')
    return '\n'.join(lines) + '\n', data


def chain_workload(steps, v0=0.5, k=0.001):
    """v = v + k * tanh(v), `steps` times: 3 ops a step (tanh, mul, add); the root is the last v."""
    lines = ['# v = v + 0.001 * tanh(v) (scripts/bench_compare.py)', f'param v0 = {v0}', f'const k = {k}']
    lines += [f'v{i} = v{i - 1} + k * tanh(v{i - 1})' for i in range(1, steps + 1)]
    return '\n'.join(lines) + '\n'


def scalar_net_workload(widths=SCALAR_NET, seed=24):
    """A fully connected sigmoid net expanded to scalars: per neuron a weight and a product per
    input, a chain of additions, a bias, a sigmoid; then a squared error. Also returns the graph
    as (node count, edges) for `dot`: node ids in creation order, as the parser creates them."""
    rng = random.Random(seed)
    lines = ['# a 24-24-24-1 sigmoid net expanded to scalars (scripts/bench_compare.py)']
    nodes, edges = 0, []

    def leaf():
        nonlocal nodes
        nodes += 1
        return nodes - 1

    def op(*inputs):
        nonlocal nodes
        edges.extend((i, nodes) for i in inputs)
        nodes += 1
        return nodes - 1

    prev_names, prev_ids = [], []
    for i in range(widths[0]):
        lines.append(f'input x{i} = {fmt(rng.uniform(-1, 1), 3)}')
        prev_names.append(f'x{i}')
        prev_ids.append(leaf())
    for layer in range(1, len(widths)):
        names, ids = [], []
        for j in range(widths[layer]):
            weights = []
            for i in range(widths[layer - 1]):
                lines.append(f'param w{layer}_{j}_{i} = {fmt(rng.uniform(-0.5, 0.5), 3)}')
                weights.append(leaf())
            lines.append(f'param b{layer}_{j} = {fmt(rng.uniform(-0.1, 0.1), 3)}')
            bias = leaf()
            terms = ' + '.join(f'w{layer}_{j}_{i} * {prev_names[i]}' for i in range(widths[layer - 1]))
            lines.append(f'h{layer}_{j} = sigmoid({terms} + b{layer}_{j})')
            total = None
            for w, x in zip(weights, prev_ids):
                product = op(w, x)
                total = product if total is None else op(total, product)
            ids.append(op(op(total, bias)))
            names.append(f'h{layer}_{j}')
        prev_names, prev_ids = names, ids
    lines.append('const y = 1')
    target = leaf()
    lines.append(f'loss = ({prev_names[0]} - y) ^ 2')
    diff = op(prev_ids[0], target)
    op(diff)
    return '\n'.join(lines) + '\n', (nodes, edges)


def dot_text(nodes, edges):
    """The same graph for Graphviz, left to right, boxes about our node size."""
    out = ['digraph G {', ' rankdir=LR; nodesep=0.4; ranksep=1.1;',
           ' node [shape=box, fixedsize=true, width=1.4, height=0.8];']
    out += [f' n{v};' for v in range(nodes)]
    out += [f' n{a} -> n{b};' for a, b in edges]
    return '\n'.join(out + ['}']) + '\n'


# ---- OpenBLAS for PyTorch -----------------------------------------------------------------------

OPENBLAS_DIR = '/usr/lib/x86_64-linux-gnu/openblas-pthread'
BLAS_MARK = 'BPS_BENCH_OPENBLAS'  # set once the script runs with OpenBLAS first on the path


def unpacked_openblas():
    """Debian's OpenBLAS folder, or the same folder unpacked from the .deb into a cache when the
    package is not installed; None when neither works."""
    if os.path.exists(os.path.join(OPENBLAS_DIR, 'libblas.so.3')):
        return OPENBLAS_DIR
    cache = os.path.join(os.path.expanduser('~'), '.cache', 'bps-bench-openblas')
    unpacked = cache + OPENBLAS_DIR
    if not os.path.exists(os.path.join(unpacked, 'libblas.so.3')):
        os.makedirs(cache, exist_ok=True)
        try:
            subprocess.run(['apt-get', 'download', 'libopenblas0-pthread'], cwd=cache, check=True,
                           capture_output=True)
            deb = next(f for f in os.listdir(cache) if f.startswith('libopenblas0-pthread') and f.endswith('.deb'))
            subprocess.run(['dpkg', '-x', deb, cache], cwd=cache, check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError, StopIteration) as e:
            print(f'OpenBLAS for PyTorch: could not unpack libopenblas0-pthread ({e})', file=sys.stderr)
            return None
    return unpacked


def run_with_openblas():
    """Starts this script again with OpenBLAS first on the library path and one BLAS thread (the
    dynamic loader reads LD_LIBRARY_PATH only at start-up). Returns when that is already so."""
    if os.environ.get(BLAS_MARK):
        return
    env = dict(os.environ, OPENBLAS_NUM_THREADS='1', OMP_NUM_THREADS='1')
    env[BLAS_MARK] = '1'
    folder = unpacked_openblas()
    if folder:
        env['LD_LIBRARY_PATH'] = folder + (':' + env['LD_LIBRARY_PATH'] if env.get('LD_LIBRARY_PATH') else '')
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


def loaded_blas():
    """The BLAS libraries mapped into this process (after `import torch`)."""
    with open('/proc/self/maps') as f:
        paths = {line.split()[-1] for line in f if '/' in line}
    return sorted(p for p in paths if 'blas' in os.path.basename(p) or 'mkl' in os.path.basename(p))


# ---- running and timing ------------------------------------------------------------------------

def run_process(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, CPU seconds user+system, peak RSS in KB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors='replace')
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f'{" ".join(cmd)} failed ({code}): {err.strip()[:400]}')
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code


def peak_rss_kb(cmd):
    """Peak resident memory of cmd in KB, measured by GNU time: a child of this Python process
    would inherit its high-water mark (PyTorch's hundreds of MB) across exec."""
    time_tool = shutil.which('time', path='/usr/bin:/bin')
    if not time_tool:
        raise RuntimeError('GNU time (/usr/bin/time) is needed to measure memory')
    with tempfile.NamedTemporaryFile('r') as out:
        subprocess.run([time_tool, '-f', '%M', '-o', out.name] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        return int(out.read().split()[-1])


def best_of(runs, fn):
    """The best (smallest) of `runs` measurements of fn() -> tuple, compared on the first item;
    also the best of each other item."""
    results = [fn() for _ in range(runs)]
    return tuple(min(r[i] for r in results) for i in range(len(results[0]))), results


def time_ours(cmd, runs, out_path=None):
    """Best wall and CPU time of our whole process; the output of one run is kept in out_path."""
    def once():
        if out_path:
            with open(out_path, 'wb') as f:
                w, c, m, _ = run_process(cmd, stdout=f)
        else:
            w, c, m, _ = run_process(cmd)
        return w, c, m
    (wall, cpu, _), results = best_of(runs, once)
    return wall, cpu, max(r[2] for r in results)


# ---- PyTorch -----------------------------------------------------------------------------------

def torch_mlp(torch, data, runs):
    """The 30 SGD steps alone (tensors made before the clock starts): best wall time, best CPU time
    of the process over the steps, and the losses."""
    f64 = torch.float64
    best, best_cpu, losses = float('inf'), float('inf'), None
    for _ in range(runs):
        x = torch.tensor(data['x'], dtype=f64)
        t = torch.tensor(data['t'], dtype=f64)
        params = [torch.tensor(data[k], dtype=f64, requires_grad=True)
                  for layer in range(1, len(MLP_SIZES)) for k in (f'w{layer}', f'b{layer}')]
        opt = torch.optim.SGD(params, lr=MLP_LR)

        def forward():
            h = x
            for layer in range(len(MLP_SIZES) - 1):
                h = torch.sigmoid(h @ params[2 * layer] + params[2 * layer + 1])
            return torch.nn.functional.mse_loss(h, t)

        start, start_cpu = time.perf_counter(), time.process_time()
        run_losses = []
        for _ in range(MLP_STEPS):
            opt.zero_grad()
            loss = forward()
            run_losses.append(loss.item())
            loss.backward()
            opt.step()
        with torch.no_grad():
            run_losses.append(forward().item())  # LN, as `train` reports it
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        losses = run_losses
    return best, best_cpu, losses


def openblas_core_type():
    """The OpenBLAS kernel family for this processor (read from /proc/cpuinfo), or None."""
    try:
        with open('/proc/cpuinfo') as f:
            flags = next((line.split(':', 1)[1].split() for line in f if line.startswith('flags')), [])
    except OSError:
        return None
    if 'avx512f' in flags:
        return 'SkylakeX'
    if 'avx2' in flags and 'fma' in flags:
        return 'Haswell'
    return None


def torch_mlp_in_child(core_type, runs):
    """torch_mlp in a new Python process whose OpenBLAS is told the processor (it reads
    OPENBLAS_CORETYPE when it loads): the best time in seconds, or None."""
    code = ('import sys, json; sys.path.insert(0, sys.argv[1]); import bench_compare as b, torch; '
            'torch.set_num_threads(1); t = b.torch_mlp(torch, b.mlp_workload()[1], int(sys.argv[2]))[0]; '
            'print(json.dumps(t))')
    env = dict(os.environ, OPENBLAS_CORETYPE=core_type)
    try:
        out = subprocess.run([sys.executable, '-c', code, os.path.dirname(os.path.abspath(__file__)), str(runs)],
                             env=env, capture_output=True, text=True, check=True).stdout
        return float(out.strip().splitlines()[-1])
    except (OSError, subprocess.CalledProcessError, ValueError, IndexError):
        return None


def torch_chain(torch, steps, runs, v0=0.5, k=0.001):
    """Building the chain and back-propagating it: best time, the root's value, d root / d v0."""
    best, value, grad = float('inf'), None, None
    for _ in range(runs):
        start = time.perf_counter()
        v0_t = torch.tensor(v0, dtype=torch.float64, requires_grad=True)
        v = v0_t
        for _ in range(steps):
            v = v + k * torch.tanh(v)
        v.backward()
        best = min(best, time.perf_counter() - start)
        value, grad = v.item(), v0_t.grad.item()
    return best, value, grad


# ---- bps_bench ---------------------------------------------------------------------------------

def bench_numbers(bench, names):
    """Google Benchmark's real time per iteration, in ms (the median of 3 repetitions), of each
    benchmark in `names`."""
    out = subprocess.run([bench, '--benchmark_filter=^(' + '|'.join(names) + ')$', '--benchmark_format=json',
                          '--benchmark_repetitions=3', '--benchmark_report_aggregates_only=true'],
                         capture_output=True, text=True, check=True,
                         env=dict(os.environ, QT_QPA_PLATFORM='offscreen')).stdout
    scale = {'ns': 1e-6, 'us': 1e-3, 'ms': 1.0, 's': 1e3}
    times = {}
    for b in json.loads(out)['benchmarks']:
        if b.get('aggregate_name') == 'median':
            times[b['run_name']] = b['real_time'] * scale[b['time_unit']]
    return times


def window_numbers(window_bench, sizes):
    """bps_window_bench's medians: the real window, from the input event to its last frame."""
    out = subprocess.run([window_bench, '--json', '--sizes', ','.join(sizes)], capture_output=True, text=True,
                         check=True, env=dict(os.environ, QT_QPA_PLATFORM=os.environ.get('QT_QPA_PLATFORM', 'offscreen'))).stdout
    return {(r['shape'], r['size'], r['action']): r for r in json.loads(out)['results']}


# ---- the report ----------------------------------------------------------------------------------

def machine():
    model = 'unknown CPU'
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ''
    try:
        with open('/proc/meminfo') as f:
            mem = f'{int(f.readline().split()[1]) / 2**20:.0f} GB RAM, '
    except (OSError, ValueError, IndexError):
        pass
    load = os.getloadavg()[0]
    return f'{model}, {os.cpu_count()} cores, {mem}{platform.system()} {platform.release()}, load {load:.1f}'


def ms(seconds):
    return f'{seconds * 1000:.1f} ms' if seconds < 10 else f'{seconds:.1f} s'


# Issue 16: render time grows at most 12x per 10x nodes from 10k to 1M, on the chain and on the
# scalar net, and the million-node net renders in 60 s. One run each (the largest take seconds).
GROWTH_NETS = ((41, 41, 41, 1), (130, 130, 130, 1), (410, 410, 410, 1))  # 10,419 / 102,444 / 1.0M nodes
GROWTH_CHAINS = (3_334, 33_334, 333_334)  # steps of 3 ops: 10,004 / 100,004 / 1,000,004 nodes


def render_growth(binary, path, table):
    """Adds the growth rows; returns how many failed."""
    failures = 0
    for shape, workloads in (('scalar net', [scalar_net_workload(w)[0] for w in GROWTH_NETS]),
                             ('chain', [chain_workload(n) for n in GROWTH_CHAINS])):
        times = []
        for i, text in enumerate(workloads):
            name = path(f'growth{i}.bpg')
            with open(name, 'w') as f:
                f.write(text)
            times.append(time_ours([binary, 'render', name, '-o', path('growth.svg')], 1)[0])
        growth = max(b / a for a, b in zip(times, times[1:]))
        ok = growth <= 12
        table.add(f'render growth per 10x nodes, {shape} 10k -> 100k -> 1M (whole process, SVG)',
                  ' / '.join(ms(t) for t in times), '-', f'{growth:.1f}x', '<= 12x', ok,
                  'the larger of the two steps')
        failures += not ok
        if shape == 'scalar net':
            ok = times[-1] <= 60
            table.add('render of the 1.0M-node scalar net 410-410-410-1 (whole process, SVG)', ms(times[-1]),
                      '60 s', f'{times[-1] / 60:.2f}', '<= 1', ok)
            failures += not ok
    return failures


class Table:
    def __init__(self):
        self.rows = []

    def add(self, work, ours, against, ratio, goal, ok, note=''):
        self.rows.append((work, ours, against, ratio, goal, 'pass' if ok else 'FAIL', note))

    def skip(self, work, why):
        self.rows.append((work, '-', '-', '-', '-', 'skipped', why))

    def print(self):
        head = ('work', 'ours', 'against', 'ratio', 'goal', 'result', 'notes')
        print('| ' + ' | '.join(head) + ' |')
        print('|' + '|'.join('---' for _ in head) + '|')
        for row in self.rows:
            print('| ' + ' | '.join(str(c) for c in row) + ' |')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('binary', nargs='?', default=os.path.join(ROOT, 'build', 'app', 'backprop-studio'))
    parser.add_argument('--bench', help='bps_bench (default: bench/bps_bench in the binary\'s build folder)')
    parser.add_argument('--runs', type=int, default=5, help='runs of each timing; the best counts (default 5)')
    parser.add_argument('--keep', help='write the workloads here and keep them')
    parser.add_argument('--only', help='comma-separated rows: mlp,chain,render,edit,window,memory')
    args = parser.parse_args()
    run_with_openblas()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f'no program at {binary}: build it, or give its path')
    bench = args.bench or os.path.join(os.path.dirname(os.path.dirname(binary)), 'bench', 'bps_bench')
    rows = set((args.only or 'mlp,chain,render,edit,window,memory').split(','))
    runs = max(1, args.runs)
    work_dir = args.keep or tempfile.mkdtemp(prefix='bps-bench-')
    os.makedirs(work_dir, exist_ok=True)
    path = lambda name: os.path.join(work_dir, name)
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

    try:
        import torch
        torch.set_num_threads(1)  # one thread each: core against core
        blas = loaded_blas()
        torch_openblas = any('openblas' in p for p in blas)
        torch_note = f'PyTorch {torch.__version__}, 1 thread, BLAS {", ".join(blas) or "none loaded"}'
    except ImportError:
        torch, torch_note, torch_openblas = None, 'PyTorch missing', False
    dot = shutil.which('dot')

    print(f'Machine: {machine()}')
    print(f'Ours: {binary} (whole process, best of {runs}); {torch_note}; '
          f'Graphviz dot: {"yes" if dot else "missing"}')
    startup_wall, startup_cpu, _ = time_ours([binary, 'examples'], runs * 2)
    print(f'Process start-up alone (`backprop-studio examples`, no Qt): {ms(startup_wall)} '
          f'({ms(startup_cpu)} CPU)')
    print()
    table = Table()
    failures = 0

    if 'mlp' in rows:
        text, data = mlp_workload()
        with open(path('mlp.bpg'), 'w') as f:
            f.write(text)
        wall, cpu, _ = time_ours([binary, 'train', path('mlp.bpg'), '--steps', str(MLP_STEPS), '--lr', str(MLP_LR),
                                  '--json'], max(1, runs // 2), path('mlp.out.json'))
        with open(path('mlp.out.json')) as f:
            ours = json.load(f)['loss']
        note = f'{len(text) / 2**20:.1f} MB source; CPU {ms(cpu)}'
        if torch:
            t, t_cpu, losses = torch_mlp(torch, data, max(1, runs // 2))
            diff = max(abs(a - b) for a, b in zip(ours, losses))
            agree = len(ours) == len(losses) and diff <= 1e-6
            ok = agree and torch_openblas and wall / t <= 1.0
            table.add('MLP 64x784-256-256-10, 30 SGD steps (train, whole process)', ms(wall),
                      f'PyTorch with {"OpenBLAS" if torch_openblas else "NOT OpenBLAS"}, 30 steps: {ms(t)}',
                      f'{wall / t:.2f}', '<= 1.0', ok,
                      f'{note}, PyTorch\'s steps {ms(t_cpu)} (CPU ratio {cpu / t_cpu:.2f}); '
                      f'losses agree to {diff:.1e}' + ('' if agree else ' (DISAGREE)'))
            failures += not ok
            # The same steps with OpenBLAS told which processor this is: what a user's PyTorch
            # (MKL, or an OpenBLAS that knows the processor) does. For information, no goal.
            core = openblas_core_type()
            told = torch_mlp_in_child(core, max(1, runs // 2)) if core else None
            if told:
                table.add(f'MLP as above, against PyTorch with OpenBLAS told the processor (OPENBLAS_CORETYPE={core})',
                          ms(wall), f'PyTorch, 30 steps: {ms(told)}', f'{wall / told:.2f}', '-', True,
                          'for information: OpenBLAS 0.3.21 runs a generic kernel on a processor it does not know')
        else:
            table.skip('MLP 30 SGD steps', f'ours {ms(wall)}; ' + torch_note)

    if 'chain' in rows:
        with open(path('chain.bpg'), 'w') as f:
            f.write(chain_workload(CHAIN_STEPS))
        wall, cpu, _ = time_ours([binary, 'train', path('chain.bpg'), '--steps', '1', '--lr', str(CHAIN_LR), '--json'],
                                 runs, path('chain.out.json'))
        with open(path('chain.out.json')) as f:
            out = json.load(f)
        value, grad = out['loss'][0], (0.5 - out['params']['v0'][0][0]) / CHAIN_LR
        note = f'CPU {ms(cpu)}, of which start-up {ms(startup_cpu)}'
        if torch:
            t, t_value, t_grad = torch_chain(torch, CHAIN_STEPS, runs)
            diff = max(abs(value - t_value), abs(grad - t_grad))
            agree = diff <= 1e-6
            ok = agree and wall / t <= 0.05
            table.add(f'scalar chain v = v + 0.001*tanh(v), {3 * CHAIN_STEPS:,} ops, 1 train step (whole process)',
                      ms(wall), f'PyTorch build + backward: {ms(t)}', f'{wall / t:.3f}', '<= 0.05', ok,
                      f'{note}; value and gradient agree to {diff:.1e}' + ('' if agree else ' (DISAGREE)'))
            failures += not ok
        else:
            table.skip('scalar chain', f'ours {ms(wall)}; ' + torch_note)
        # The same arithmetic written by hand (bench/chain_loop), a whole process too.
        loop = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(binary))), 'bench', 'bps_chain_loop')
        if os.path.exists(loop):
            l_wall, _, _ = time_ours([loop, str(CHAIN_STEPS), '0.5', '0.001', str(CHAIN_LR)], runs, path('loop.json'))
            with open(path('loop.json')) as f:
                hand = json.load(f)
            diff = max(abs(value - hand['loss'][0]), abs(grad - hand['grad']))
            ok = diff <= 1e-9 and wall / l_wall <= 2.0
            table.add(f'scalar chain as above, against the same arithmetic as a hand-written C++ loop (whole processes)',
                      ms(wall), f'bench/chain_loop: {ms(l_wall)}', f'{wall / l_wall:.1f}', '<= 2', ok,
                      f'value and gradient agree to {diff:.1e}')
            failures += not ok
        else:
            table.skip('scalar chain against a hand-written loop', f'{loop} not built')

    if 'render' in rows:
        text, (nodes, edges) = scalar_net_workload()
        with open(path('net.bpg'), 'w') as f:
            f.write(text)
        with open(path('net.dot'), 'w') as f:
            f.write(dot_text(nodes, edges))
        render_runs = max(1, min(runs, 3))
        wall, cpu, _ = time_ours([binary, 'render', path('net.bpg'), '-o', path('net.svg')], render_runs)
        note = f'{nodes:,} nodes, {len(edges):,} edges, SVG; CPU {ms(cpu)}'
        if dot:
            t, t_cpu, _ = time_ours([dot, '-Tplain', path('net.dot'), '-o', path('net.plain')], render_runs)
            ok = wall / t <= 0.5
            table.add('render of a 24-24-24-1 net expanded to scalars (whole process)', ms(wall),
                      f'dot -Tplain: {ms(t)}', f'{wall / t:.2f}', '<= 0.5', ok, note)
            failures += not ok
        else:
            table.skip('render', f'ours {ms(wall)}; dot missing')
        failures += render_growth(binary, path, table)

    if 'edit' in rows:
        names = ['BM_EditWeightAndRepaintCanvas1000Nodes', 'BM_StepOneEdgeAndUpdateView1000Nodes',
                 'BM_EditWeight1000Nodes', 'BM_StepOneEdge1000Nodes']
        if os.access(bench, os.X_OK):
            times = bench_numbers(bench, names)
            edit, step = times.get(names[0]), times.get(names[1])
            if edit is not None:
                ok = edit <= 1000 / 60
                table.add('edit one weight of a ~1,000-node graph, to the repainted canvas (bps_bench)',
                          f'{edit:.2f} ms', 'one frame: 16.7 ms', f'{edit / (1000 / 60):.2f}', '<= 1', ok,
                          f'document alone {times.get(names[2], float("nan")):.2f} ms')
                failures += not ok
            if step is not None:
                ok = step <= 2.0
                table.add('step one edge of the backward pass, to the repainted canvas (bps_bench)',
                          f'{step:.2f} ms', '2 ms', f'{step / 2.0:.2f}', '<= 1', ok,
                          f'cursor alone {times.get(names[3], float("nan")) * 1000:.1f} µs')
                failures += not ok
        else:
            table.skip('edit and step', f'no bps_bench at {bench}')

    if 'window' in rows:
        window_bench = os.path.join(os.path.dirname(bench), 'bps_window_bench')
        if os.access(window_bench, os.X_OK):
            results = window_numbers(window_bench, ['1k', '100k'])
            goals = [  # (shape, size, action, measure, goal in ms, what)
                ('net', '1k', 'step', 'cpu', 2.0, 'step, ~1,000-node net, CPU'),
                ('net', '1k', 'step predicting', 'cpu', 2.0, 'step with the class predicting, ~1,000-node net, CPU'),
                ('net', '1k', 'edit', 'wall', 16.0, 'edit (a key on the inspector\'s slider), ~1,000-node net'),
                ('chain', '100k', 'step', 'wall', 16.0, 'step, 100,000-node chain'),
                ('chain', '100k', 'edit', 'wall', 100.0, 'edit, 100,000-node chain'),
                ('net', '100k', 'step', 'wall', 16.0, 'step, ~100,000-node net'),
                ('net', '100k', 'edit', 'wall', 100.0, 'edit, ~100,000-node net'),
                ('net', '100k', 'open', 'wall', 5000.0, 'open and draw the ~100,000-node net'),
            ]
            for shape, size, action, measure, goal, what in goals:
                r = results.get((shape, size, action))
                if not r:
                    continue
                t = r[f'{measure}_median_ms']
                ok = t <= goal
                table.add(f'window: {what} (bps_window_bench, event to last frame)', f'{t:.2f} ms',
                          f'{goal:g} ms', f'{t / goal:.2f}', '<= 1', ok,
                          f'{r["nodes"]:,} nodes; median of {r["count"]}; worst {r[f"{measure}_max_ms"]:.1f} ms')
                failures += not ok
        else:
            table.skip('window', f'no bps_window_bench at {window_bench}')

    if 'memory' in rows:
        ops = MEMORY_CHAIN_OPS
        with open(path('chain_memory.bpg'), 'w') as f:
            f.write(chain_workload((ops + 2) // 3))
        with open(path('empty.bpg'), 'w') as f:
            f.write('input x = 1\ny = -x\n')
        # `trace` evaluates and keeps the whole trace (one event per edge); its text goes to /dev/null.
        big = peak_rss_kb([binary, 'trace', path('chain_memory.bpg')])
        empty = min(peak_rss_kb([binary, 'trace', path('empty.bpg')]) for _ in range(3))
        no_trace = peak_rss_kb([binary, 'eval', path('chain_memory.bpg')])
        nodes = 3 * ((ops + 2) // 3) + 2
        per_node = (big - empty) * 1024 / nodes
        ok = per_node <= MEMORY_GOAL
        table.add(f'memory of a {ops:,}-op scalar chain after evaluation, trace included (peak RSS)',
                  f'{per_node:.0f} B/node', f'empty graph: {empty / 1024:.1f} MB', f'{per_node / MEMORY_GOAL:.2f}',
                  f'<= {MEMORY_GOAL} B/node', ok,
                  f'{big / 1024:.1f} MB in all; without the trace (eval): {(no_trace - empty) * 1024 / nodes:.0f} B/node')
        failures += not ok

    table.print()
    if not args.keep:
        shutil.rmtree(work_dir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
