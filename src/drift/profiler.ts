import fs from 'node:fs';
import type { FieldInput } from '../dataset/dataset.types';
import { DEFAULT_LIMITS, FieldAccumulator, ProfilerLimits } from './field-accumulator';
import { readRecords } from './records';

/**
 * Profiles a CSV or JSON Lines file column by column, streaming: memory stays bounded by the
 * limits (tracked values, quantile sample), not by the file. Two passes: the first learns counts,
 * types, moments, min/max, frequencies and a sample; the second, only when some column is numeric,
 * counts values into histogram bins over [min, max], which are only known after the first.
 * The result is what registerDatasetVersion takes as `fields` (rowCount = any profile's count).
 */
export interface ProfileOptions extends Partial<ProfilerLimits> {
  /** Hears progress; by default a line on stderr for files of 8 MB or more. */
  onProgress?: (progress: Progress) => void;
}
export interface Progress { pass: 1 | 2; passes: 1 | 2; bytesRead: number; totalBytes: number }

export async function profileFile(path: string, options: ProfileOptions = {}): Promise<FieldInput[]> {
  const totalBytes = (await fs.promises.stat(path)).size;
  const limits = { ...DEFAULT_LIMITS, ...definedOnly(options) };
  const report = options.onProgress ?? (totalBytes >= 8 * 1024 * 1024 ? stderrProgress(path) : () => {});
  const fields = new Map<string, FieldAccumulator>();
  let rows = 0;
  for await (const record of readRecords(path, (bytesRead) => report({ pass: 1, passes: 2, bytesRead, totalBytes }))) {
    rows++;
    for (const [name, value] of record) {
      let field = fields.get(name);
      if (!field) fields.set(name, (field = new FieldAccumulator(name, limits)));
      field.add(value);
    }
  }
  const numeric = [...fields.values()].filter((f) => f.numeric);
  if (numeric.length) {
    for await (const record of readRecords(path, (bytesRead) => report({ pass: 2, passes: 2, bytesRead, totalBytes }))) {
      for (const f of numeric) f.addToHistogram(record.get(f.name) ?? null);
    }
  } else report({ pass: 2, passes: 2, bytesRead: totalBytes, totalBytes }); // nothing to bin: done
  // A JSONL key first seen late was missing (null) in the rows before it: count covers every row.
  return [...fields.values()].map((f) => ({ name: f.name, type: f.type, profile: { ...f.profile(rows) } as Record<string, unknown> }));
}

/** Writes "profile data.csv: pass 1/2 45% (12.3 of 27.0 MB)" to stderr, at most twice a second. */
export function stderrProgress(path: string): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    const done = p.bytesRead >= p.totalBytes;
    if (!done && now - last < 500) return;
    last = now;
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    const pct = p.totalBytes ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 100;
    process.stderr.write(`\rprofile ${path}: pass ${p.pass}/${p.passes} ${pct}% (${mb(p.bytesRead)} of ${mb(p.totalBytes)} MB)${done && p.pass === p.passes ? '\n' : ''}`);
  };
}

function definedOnly(options: ProfileOptions): Partial<ProfilerLimits> {
  const out: Partial<ProfilerLimits> = {};
  for (const key of ['histogramBins', 'topValues', 'maxTracked', 'sampleSize'] as const) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}
