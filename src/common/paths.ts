import fs from 'node:fs';
import path from 'node:path';

/** The repository root (the folder with modelgraph's package.json), from src/ or dist/src/ alike. */
export const projectRoot: string = (() => {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'modelgraph') return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`modelgraph's package.json was not found above ${__dirname}`);
})();
