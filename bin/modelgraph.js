#!/usr/bin/env node
// The `modelgraph` command (src/cli/main.ts). Runs the compiled CLI from dist/ (`npm run build`);
// in a checkout without dist/, or with MODELGRAPH_CLI_FROM_SOURCE=1 (the tests), runs the
// TypeScript source through ts-node.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const compiled = path.join(root, 'dist', 'src', 'cli', 'main.js');
let cli;
if (process.env.MODELGRAPH_CLI_FROM_SOURCE !== '1' && fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  try {
    require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  } catch {
    process.stderr.write("modelgraph: not built: run 'npm run build' first\n");
    process.exit(1);
  }
  cli = require(path.join(root, 'src', 'cli', 'main.ts'));
}
// `modelgraph impact ... | head`: a reader that closed the pipe has all it wanted; not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
cli.main(process.argv);
