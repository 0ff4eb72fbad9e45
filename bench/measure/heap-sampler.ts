import fs from 'node:fs';

/**
 * Preloaded into the service by the bench (`node --require .../heap-sampler.js`, see environment.ts)
 * when BENCH_HEAP_LOG names a file: every 100 ms it appends the V8 heap's used and total size and
 * the memory outside it (Buffers, ArrayBuffers) as one line, so the bench can say per part whether
 * an RSS peak was live data, garbage the heap had room for, or memory outside the heap. Nothing in
 * the service reads or knows about it; process.memoryUsage() costs a few microseconds.
 */
const file = process.env.BENCH_HEAP_LOG;
if (file) {
  const fd = fs.openSync(file, 'a');
  const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
  setInterval(() => {
    const m = process.memoryUsage();
    fs.writeSync(fd, `${mb(m.heapUsed)} ${mb(m.heapTotal)} ${mb(m.external)}\n`);
  }, 100).unref();
}
