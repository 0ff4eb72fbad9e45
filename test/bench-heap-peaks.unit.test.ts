import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeapPeaks } from '../bench/measure/heap-peaks';

/* The bench's reading of the heap samples the service appends (bench/measure/heap-sampler.ts): one window per part. */

describe('HeapPeaks', () => {
  let dir: string;
  let file: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heap-peaks-')); file = path.join(dir, 'heap.log'); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the peak of each figure since the last call, and a line still being written the next time', () => {
    const peaks = new HeapPeaks(file);
    fs.writeFileSync(file, '40.1 60 2.5\n90.5 120.2 3\n55 130 1.5\n70');
    expect(peaks.takePeak()).toEqual({ heapUsed: 90.5, heapTotal: 130, external: 3 });
    fs.appendFileSync(file, '.2 80 2\n41 75 2.2\n');
    expect(peaks.takePeak()).toEqual({ heapUsed: 70.2, heapTotal: 80, external: 2.2 });
    expect(peaks.takePeak()).toEqual({ heapUsed: 0, heapTotal: 0, external: 0 });
  });

  it('gives zeros before the service wrote anything', () => {
    expect(new HeapPeaks(path.join(dir, 'none.log')).takePeak()).toEqual({ heapUsed: 0, heapTotal: 0, external: 0 });
  });
});
