/**
 * How a logged MLflow dataset's source URI is read as an OpenLineage dataset (namespace, name), so
 * MLflow's inputs join the datasets OpenLineage producers (dbt, Spark, Airflow) reported. The
 * naming spec puts the datasource in the namespace and the table or path in the name:
 * `postgres://host:5432/db.schema.table` is namespace `postgres://host:5432`, name
 * `db.schema.table`; `s3://bucket/dir/file` is `s3://bucket`, `dir/file`; a local path or
 * `file:///p` is `file`, `/p`. Namespaces that hold a path themselves (dbt-duckdb's
 * `duckdb:///path/to/file.duckdb`) are found by trying every split at a `/`: the candidates, the
 * spec's own split first, are looked up in the graph and the first that exists wins.
 */
export function datasetCandidates(uri: string): { namespace: string; name: string }[] {
  if (uri.startsWith('/')) return [{ namespace: 'file', name: uri }];
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return [];
  const [, scheme, authority, path = ''] = m;
  if (scheme.toLowerCase() === 'file') return [{ namespace: 'file', name: path }, { namespace: `file://${authority}`, name: path }];
  const spec = { namespace: `${scheme}://${authority}`, name: path.replace(/^\//, '') };
  const candidates = [spec];
  // Every later '/' as the boundary: "duckdb:///tmp/w.duckdb" + "/" + "w.main.customers".
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
    candidates.push({ namespace: `${scheme}://${authority}${path.slice(0, i)}`, name: path.slice(i + 1) });
  }
  return candidates.filter((c) => c.name !== '');
}
