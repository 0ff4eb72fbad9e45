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
      expect(String(ms)).toMatch(/^\d+(\.\d)?$/);
    }
  });
});
