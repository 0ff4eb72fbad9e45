require('reflect-metadata');
const { startService } = require('/work/main/dist/src/service.js');
const { loadConfig } = require('/work/main/dist/src/config.js');
(async () => {
  const s = await startService(loadConfig({ ...process.env, PORT: '4022', NEO4J_BOLT_PORT: '17692', MODELGRAPH_DATA_DIR: '/tmp/sd2' }));
  const mode = process.argv[2];
  if (mode !== 'none') for (let i = 0; i < 3; i++) await fetch(s.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation{upsertDataset(input:{namespace:"a",name:"b' + i + '"}){id}}' }) });
  if (mode === 'ol') await fetch(s.url + '/api/v1/lineage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventType: 'START', eventTime: new Date().toISOString(), run: { runId: '3f5e83fa-3480-44ff-99c5-ff943904e5e8' }, job: { namespace: 'x', name: 'y' }, producer: 'p', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent' }) });
  let t = Date.now();
  await s.app.close(); console.log('app closed', Date.now() - t); t = Date.now();
  await s.db.close(); console.log('db closed', Date.now() - t); t = Date.now();
  await s.embedded.stop(); console.log('neo4j stopped', Date.now() - t);
  setTimeout(() => { console.log('still alive 5s after stop: handles', process._getActiveHandles().map(h => h.constructor.name)); }, 5000).unref();
})();
