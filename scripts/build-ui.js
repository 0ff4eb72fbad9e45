#!/usr/bin/env node
// Builds the web UI (ui/ → dist/ui) with Vite. Skipped when nothing changed since the last build
// (a stamp of ui/'s files and the lock file), so `npm test` and `npm start` stay fast after the
// first time; `--force` rebuilds.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const uiDir = path.join(root, 'ui');
const outDir = path.join(root, 'dist', 'ui');
const stampFile = path.join(outDir, '.build-stamp');

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function stamp() {
  const h = crypto.createHash('sha256');
  for (const f of [...filesUnder(uiDir), path.join(root, 'package-lock.json')]) {
    h.update(path.relative(root, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

async function main() {
  const expected = stamp();
  const upToDate = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === expected && fs.existsSync(path.join(outDir, 'index.html'));
  if (upToDate && !process.argv.includes('--force')) return;
  console.log('modelgraph: building the web UI (ui/ → dist/ui)...');
  // Always React's production build: Vite would otherwise follow an inherited NODE_ENV (jest sets
  // `test`), and the development build runs effects twice and checks far more (slower).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.join(uiDir, 'vite.config.mts') });
  fs.writeFileSync(stampFile, expected);
}

main().catch((e) => {
  console.error(`modelgraph: the web UI build failed: ${e.stack || e.message}`);
  process.exit(1);
});
