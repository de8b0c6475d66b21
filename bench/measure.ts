/**
 * Timing helpers shared by the benchmarks. Every figure is a median over several runs after warm-up
 * runs (so the JIT has compiled the hot paths), and targets are judged on ratios against a baseline
 * measured in the same process, so a busy shared machine moves both sides alike.
 */

export interface Timing {
  /** Median of the measured runs, in milliseconds. */
  medianMs: number;
  /**
   * Median CPU time of this process per run (user + system, every thread). On a shared machine whose
   * load exceeds its cores, wall time also counts the neighbours' turns; CPU time counts only ours.
   */
  medianCpuMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured. */
export function time(work: () => unknown, { warmup = 2, runs = 7 } = {}): Timing {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = work();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    sink = work();
    const cpuUsed = process.cpuUsage(cpuStart);
    samples.push(performance.now() - start);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
  }
  // Keep the result observable so the work cannot be optimised away.
  if (sink === Symbol.for('never')) console.log(sink);
  return {
    medianMs: median(samples),
    medianCpuMs: median(cpu),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    runs,
  };
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

/** One benchmark's share of the report: a titled table plus notes, printed and written to RESULTS.md. */
export interface BenchSection {
  title: string;
  /** First row is the header. */
  table: string[][];
  /** Plain sentences under the table (method, targets met or missed). */
  notes: string[];
  /** False when a target was missed; `npm run bench` then exits 1. */
  ok: boolean;
}
