import path from 'node:path';
import express from 'express';

/**
 * GraphiQL served by the service itself, from the npm packages (graphiql 3's UMD build and
 * React 18): no CDN, so it works on machines and networks without internet access.
 */
export function graphiqlRouter(): express.Router {
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
  router.get('/', (_req, res) => { res.type('html').send(PAGE); });
  return router;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>modelgraph — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const headers = {};
    const key = window.localStorage.getItem('modelgraph.apiKey');
    if (key) headers.Authorization = 'Bearer ' + key;
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultEditorToolbarOpen: true, defaultQuery: '{ version }' }));
  </script>
</body>
</html>`;

/** A file inside an installed package (its exports map does not list the UMD builds). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}
