#!/usr/bin/env node
// Provisions the embedded Neo4j: Maven fetches the pinned 5.26 jars into neo4j/target/lib and
// compiles the launcher and the traversal procedures (also packed as a plugin jar for servers).
// Skipped when nothing changed since the last run (a stamp of the inputs), so `npm start` and
// `npm test` stay fast after the first time.
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const neo4jDir = path.join(root, 'neo4j');
const stampFile = path.join(neo4jDir, 'target', '.setup-stamp');
const inputs = ['pom.xml', ...fs.readdirSync(path.join(neo4jDir, 'src/main/java/dev/modelgraph')).sort().map((f) => `src/main/java/dev/modelgraph/${f}`),
  'src/main/resources/META-INF/services/org.neo4j.kernel.extension.ExtensionFactory'];

function fail(message) {
  console.error(`modelgraph: ${message}`);
  process.exit(1);
}

function requireTool(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    fail(`${what} is required to provision the embedded Neo4j but '${cmd}' was not found or failed. ` +
      `Install it (Debian: apt-get install ${cmd === 'java' ? 'openjdk-17-jdk-headless' : 'maven'}), ` +
      'or point NEO4J_URI at an existing Neo4j and skip the embedded one.');
  }
  return `${r.stdout}${r.stderr}`;
}

function stamp() {
  const h = crypto.createHash('sha256');
  for (const f of inputs) h.update(fs.readFileSync(path.join(neo4jDir, f)));
  return h.digest('hex');
}

function main() {
  if (process.env.NEO4J_URI && !process.argv.includes('--force')) return; // an external Neo4j is used
  const expected = stamp();
  const libDir = path.join(neo4jDir, 'target', 'lib');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === expected && fs.existsSync(libDir)) return;

  const javaVersion = requireTool('java', ['-version'], 'Java 17 or newer');
  const major = Number((/version "(\d+)/.exec(javaVersion) || [])[1]);
  if (major && major < 17) fail(`Java 17 or newer is required, found Java ${major}.`);
  requireTool('mvn', ['-v'], 'Maven');

  console.log('modelgraph: fetching Neo4j 5.26 jars and compiling the launcher (first run only)...');
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(neo4jDir, 'pom.xml'), 'compile', 'jar:jar', 'dependency:copy-dependencies'],
    { stdio: 'inherit' });
  if (r.status !== 0) fail('Maven could not provision Neo4j (see its output above).');
  fs.writeFileSync(stampFile, expected);
}

main();
