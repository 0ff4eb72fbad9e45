import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@jest/types';
import { projectRoot } from '../../src/common/paths';

/**
 * The web UI the browser tests drive is the current source: built once per run, here in the
 * global setup before any worker starts (two workers building into dist/ui at once would delete
 * each other's files). Only when a web UI test file is selected (or the selection is unknown); the
 * build itself is skipped when dist/ui is up to date (scripts/build-ui.js keeps a stamp).
 */
export function buildWebUiForSelectedTests(globalConfig: Config.GlobalConfig): void {
  const testDir = path.join(projectRoot, 'test');
  const uiTests = fs.readdirSync(testDir).filter((f) => /^web-ui.*\.test\.ts$/.test(f)).map((f) => path.join(testDir, f));
  if (!uiTestSelected(globalConfig, uiTests)) return;
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-ui.js')], { stdio: 'inherit' });
}

function uiTestSelected(globalConfig: Config.GlobalConfig, uiTests: string[]): boolean {
  try {
    const selection = globalConfig.testPathPatterns.toExecutor({ rootDir: globalConfig.rootDir });
    return !selection.isSet() || uiTests.some((f) => selection.isMatch(f));
  } catch {
    return true; // an older jest or an odd pattern: building when up to date costs a hash of ui/
  }
}
