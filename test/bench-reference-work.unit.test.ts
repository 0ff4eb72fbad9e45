import { referenceWorkMs } from '../bench/machine';

describe('bench: the reference workload that tells a fast host from a slow one (machine.ts)', () => {
  it('times a fixed piece of work, in ms, as the best of its runs', () => {
    const first = referenceWorkMs();
    const second = referenceWorkMs();
    // Real work, not a constant: a JSON round trip of ~1 MB three times and 16 MB hashed take
    // milliseconds on any machine this runs on, and rounding keeps one decimal.
    for (const ms of [first, second]) {
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThan(1);
      expect(Math.round(ms * 10)).toBe(ms * 10);
    }
  });

  it('takes longer when the process has more to do at the same time', async () => {
    const quiet = referenceWorkMs();
    // Twice as many busy threads as cores: every run of the five shares its core, so even the best
    // is slower (what the reference is for: a host whose cores give less).
    const { Worker } = await import('node:worker_threads');
    const cores = (await import('node:os')).cpus().length;
    const busy = Array.from({ length: 2 * cores }, () => new Worker('const end = Date.now() + 3000; while (Date.now() < end) {}', { eval: true }));
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(referenceWorkMs()).toBeGreaterThan(quiet);
    } finally {
      await Promise.all(busy.map((w) => w.terminate()));
    }
  });
});
