import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Small tmpfs mounts: a real full or read-only file system for disk-fault tests (as root, chmod
 * does not stop writes; a mount does). Mounting needs CAP_SYS_ADMIN: `mountUnavailable` says why
 * it cannot be done here (undefined when it can), so a test skips with that reason only when the
 * privilege is really missing.
 */
export const mountUnavailable: string | undefined = (() => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-mount-probe-'));
  try {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { encoding: 'utf8' });
    if (r.error || r.status !== 0) return `cannot mount a tmpfs here (${(r.error?.message ?? r.stderr).trim()})`;
    spawnSync('umount', [probe]);
    return undefined;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

export function mountTmpfs(dir: string, options: string): void {
  fs.mkdirSync(dir, { recursive: true });
  run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
}

export function remount(dir: string, options: string): void {
  run('mount', ['-o', `remount,${options}`, dir]);
}

export function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

/** Writes a file until the file system is full (ENOSPC); returns its path. */
export function fillUp(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size);
      try { for (;;) fs.writeSync(fd, chunk); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e; }
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.error?.message ?? r.stderr).trim()}`);
}
