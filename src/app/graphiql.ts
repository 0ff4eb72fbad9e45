import path from 'node:path';
import express from 'express';

/**
 * GraphiQL served by the service itself, from the npm packages (graphiql 3's UMD build and
 * React 18): no CDN, so it works on machines and networks without internet access. With auth on
 * (`askForKey`), the page asks for an API key and sends it as `Authorization: Bearer <key>`
 * with every request: the key is kept in sessionStorage, so it lives as long as the tab and is
 * never written to disk or shared with other tabs.
 */
export function graphiqlRouter(askForKey: boolean): express.Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    'react.js': packageFile('react', 'umd/react.production.min.js'),
    'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
    'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  };
  router.get('/assets/:file', (req, res) => {
    const file = assets[req.params.file];
    if (!file) { res.status(404).end(); return; }
    res.sendFile(file, { maxAge: '1d' });
  });
  const page = graphiqlPage(askForKey);
  router.get('/', (_req, res) => { res.type('html').send(page); });
  return router;
}

/** The key form: saving reloads the page, so GraphiQL starts again (schema included) with the key. */
const KEY_FORM = `<form id="api-key-form" style="display: flex; gap: 8px; align-items: center; padding: 6px 12px; font: 14px sans-serif">
    <label for="api-key">API key</label>
    <input id="api-key" name="api-key" type="password" autocomplete="off" placeholder="mg_…" size="50">
    <button type="submit">Use key</button>
    <span id="api-key-state"></span>
  </form>`;

const KEY_SCRIPT = `
    const form = document.getElementById('api-key-form');
    const input = document.getElementById('api-key');
    document.getElementById('api-key-state').textContent = apiKey() ? 'a key is set for this tab' : 'no key: requests are refused';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (key) window.sessionStorage.setItem(KEY_ITEM, key); else window.sessionStorage.removeItem(KEY_ITEM);
      window.location.reload();
    });`;

function graphiqlPage(askForKey: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>modelgraph — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; display: flex; flex-direction: column; } #graphiql { flex: 1; min-height: 0; }</style>
</head>
<body>
  ${askForKey ? KEY_FORM : ''}
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const KEY_ITEM = 'modelgraph.apiKey';
    const apiKey = () => window.sessionStorage.getItem(KEY_ITEM);
    // Read at every request, so the key in effect is always the one stored for this tab.
    const withKey = (init) => {
      const key = apiKey();
      return key ? { ...init, headers: { ...(init && init.headers), Authorization: 'Bearer ' + key } } : init;
    };
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', fetch: (url, init) => window.fetch(url, withKey(init)) });${askForKey ? KEY_SCRIPT : ''}
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultEditorToolbarOpen: true, defaultQuery: '{ version }' }));
  </script>
</body>
</html>`;
}

/** A file inside an installed package (its exports map does not list the UMD builds). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}
