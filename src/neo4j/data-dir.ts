import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A start-up refusal of the embedded Neo4j: its message (one line) says what is wrong and what to do. */
export class EmbeddedNeo4jError extends Error {}

/** The Bolt user of the embedded Neo4j; its password is generated once per data directory. */
export const EMBEDDED_USER = 'neo4j';
const PASSWORD_FILE = 'neo4j-password';

export interface PreparedDataDir {
  password: string;
  passwordFile: string;
  /** The launcher's log, opened for appending (the caller owns the descriptor). */
  logFd: number;
}

/**
 * Makes the data directory ready for a start, before any JVM is spawned, so that an unusable one
 * (read-only, full, a file in the way, no permission) is a one-line error rather than a stack
 * trace or a half-started child: the directory is the owner's only (0700, also covering store
 * files an older version created world-readable; the JVM now creates them 0600), and the password
 * file (0600) is created with a random password the first time and reused after.
 */
export function prepareDataDir(dataDir: string, logFile = path.join(dataDir, 'launcher.log')): PreparedDataDir {
  return explained(dataDir, () => {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dataDir, 0o700);
    const passwordFile = path.join(dataDir, PASSWORD_FILE);
    let password = readPassword(dataDir);
    if (!password) {
      password = crypto.randomBytes(24).toString('base64url');
      fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    }
    fs.chmodSync(passwordFile, 0o600);
    const probe = path.join(dataDir, '.modelgraph-write-probe');
    fs.writeFileSync(probe, 'ok'); // a directory that is read-only for the JVM only fails late
    fs.rmSync(probe);
    return { password, passwordFile, logFd: fs.openSync(logFile, 'a', 0o600) };
  });
}

/** The password of an instance started earlier for this data directory (undefined when none). */
export function readPassword(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dataDir, PASSWORD_FILE), 'utf8').trim() || undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const REASONS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a file is in the way of a directory',
  EEXIST: 'a file is in the way of a directory',
  ENOENT: 'a parent directory cannot be created',
};

function explained<T>(dataDir: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    throw new EmbeddedNeo4jError(`The Neo4j data directory ${dataDir} cannot be used: ${REASONS[code] ?? (e as Error).message} (${code}). ` +
      'Set MODELGRAPH_DATA_DIR to a writable directory, or NEO4J_URI to use another Neo4j.');
  }
}
