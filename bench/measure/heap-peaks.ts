import fs from 'node:fs';

/** The service's V8 heap at its largest in a part (MB): used, total (what V8 has reserved), and outside the heap (Buffers). */
export interface HeapPeak { heapUsed: number; heapTotal: number; external: number }

/**
 * Reads what heap-sampler.ts (preloaded into the service) appended since the last call: the peak
 * of each figure over those samples. An empty window (no sample yet) gives zeros.
 */
export class HeapPeaks {
  private offset = 0;

  constructor(private readonly file: string) {}

  takePeak(): HeapPeak {
    const peak: HeapPeak = { heapUsed: 0, heapTotal: 0, external: 0 };
    let text: string;
    try {
      // Whole lines only (ASCII): a line still being written is read next time.
      const unread = fs.readFileSync(this.file).subarray(this.offset).toString('latin1');
      text = unread.slice(0, unread.lastIndexOf('\n') + 1);
      this.offset += text.length;
    } catch {
      return peak;
    }
    for (const line of text.split('\n')) {
      const [used, total, external] = line.split(' ').map(Number);
      if (!Number.isFinite(external)) continue;
      peak.heapUsed = Math.max(peak.heapUsed, used);
      peak.heapTotal = Math.max(peak.heapTotal, total);
      peak.external = Math.max(peak.external, external);
    }
    return peak;
  }
}
