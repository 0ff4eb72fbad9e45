import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeResultStem } from '../bench/results-file';

describe('bench: where a run writes its results (results-file.ts)', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the plain name for the first run of the day', () => {
    expect(freeResultStem(dir, 'large-2026-12-03')).toBe('large-2026-12-03');
  });

  it('numbers a later run of the same day instead of overwriting the first, whichever file exists', () => {
    fs.writeFileSync(path.join(dir, 'large-2026-12-03.json'), '{}');
    expect(freeResultStem(dir, 'large-2026-12-03')).toBe('large-2026-12-03-2');
    fs.writeFileSync(path.join(dir, 'large-2026-12-03-2.md'), '');
    expect(freeResultStem(dir, 'large-2026-12-03')).toBe('large-2026-12-03-3');
    // A partial run's name is its own.
    expect(freeResultStem(dir, 'large-2026-12-03-only-ingestion')).toBe('large-2026-12-03-only-ingestion');
  });
});
