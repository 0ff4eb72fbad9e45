import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';

/** src/config.ts reads every variable of the service, each checked the same way. */
describe('the configuration, read once from the environment', () => {
  it('refuses an invalid value of any variable at start-up, in one message style', () => {
    for (const [name, value, what] of [
      ['PORT', 'eighty', 'a non-negative integer'],
      ['MODELGRAPH_AUTH_CACHE_MS', '-1', 'a non-negative integer'],
      ['MODELGRAPH_LINEAGE_MAX_NODES', 'lots', 'an integer of at least 1'],
      ['MODELGRAPH_LINEAGE_TIMEOUT_MS', '0', 'an integer of at least 1'],
      ['MODELGRAPH_AUDIT', 'maybe', "'on' or 'off' ('true' or 'false')"],
      ['MODELGRAPH_INTROSPECTION', 'no', "'on' or 'off' ('true' or 'false')"],
      ['MODELGRAPH_MAX_BODY', 'huge', 'a size such as 500kb or 2mb'],
      ['LOG_LEVEL', 'loud', 'one of fatal, error, warn, info, debug, trace, silent'],
      ['MODELGRAPH_ALERT_INTERVAL_MS', 'often', 'a non-negative integer'],
      ['MODELGRAPH_WEBHOOK_MAX_ATTEMPTS', '0', 'an integer of at least 1'],
      ['MODELGRAPH_WEBHOOK_ALLOW_NETWORKS', '127.0.0.1/33', 'comma-separated CIDR ranges such as 127.0.0.0/8'],
      ['MODELGRAPH_WEBHOOK_ALLOW_NETWORKS', 'localhost', 'comma-separated CIDR ranges such as 127.0.0.0/8'],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(`${name} must be ${what}, got '${value}'.`);
    }
  });

  it('hands modules what they used to read themselves: traversal bounds, log level, version', () => {
    const defaults = loadConfig({});
    expect(defaults.traversalBounds).toEqual({ maxNodes: 5000, timeoutMs: 10_000 });
    expect(defaults.logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(defaults.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version);
    const set = loadConfig({ MODELGRAPH_LINEAGE_MAX_NODES: '5', MODELGRAPH_LINEAGE_TIMEOUT_MS: '7000', LOG_LEVEL: 'debug', MODELGRAPH_AUDIT: 'OFF' });
    expect(set).toMatchObject({ traversalBounds: { maxNodes: 5, timeoutMs: 7000 }, logLevel: 'debug', audit: false });
  });
});

describe('auth mode from the environment', () => {
  it('defaults to off on loopback only, and refuses to serve other addresses open unless forced', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).auth.enabled).toBe(false);
    expect(loadConfig({ HOST: '::1' }).auth.enabled).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' }).auth.enabled).toBe(true);
    expect(() => loadConfig({ HOST: '0.0.0.0', MODELGRAPH_AUTH: 'off' })).toThrow(/Refusing to serve 0.0.0.0 with MODELGRAPH_AUTH=off.*MODELGRAPH_ALLOW_OPEN=true/);
    expect(loadConfig({ HOST: '0.0.0.0', MODELGRAPH_AUTH: 'off', MODELGRAPH_ALLOW_OPEN: 'true' }).auth.enabled).toBe(false);
    expect(() => loadConfig({ MODELGRAPH_AUTH: 'maybe' })).toThrow(/'on' or 'off'/);
    expect(() => loadConfig({ MODELGRAPH_ADMIN_KEY: 'short' })).toThrow(/at least 32/);
  });
});

it('refuses an unknown MODELGRAPH_TRAVERSAL', () => {
  expect(() => loadConfig({ MODELGRAPH_TRAVERSAL: 'fast' })).toThrow("MODELGRAPH_TRAVERSAL must be one of auto, procedures, cypher, got 'fast'.");
});
