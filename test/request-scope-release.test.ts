import v8 from 'node:v8';
import vm from 'node:vm';
import { DatasetRepository } from '../src/dataset/dataset.repository';
import { useGraph } from './support/graph';

/**
 * A finished request lets go of what its DataLoaders cached. Objects created while it ran keep its
 * scope (AsyncLocalStorage) reachable afterwards: the keep-alive socket's idle timer, armed as the
 * response ends, and DataLoader's shared resolved promise, made during the first request that used
 * one. Before the scope was emptied at the end of the response, every idle connection kept its last
 * request's rows alive: on the large bench graph a 48,000-field list kept ~50 MB per connection.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const turn = () => new Promise((resolve) => setImmediate(resolve));

const REGISTER = `mutation($input: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $input) { id } }`;
const FIELDS = `{ datasetByName(namespace: "warehouse", name: "orders") { currentVersion { fields { name } } } }`;

describe('a finished request releases its loaders', () => {
  const graph = useGraph();

  it('leaves no loaded row reachable while its keep-alive connection stays open', async () => {
    await graph.ok(REGISTER, { input: { namespace: 'warehouse', name: 'orders', version: 'v1', fields: [{ name: 'id' }, { name: 'amount' }] } });
    let loaded: WeakRef<object> | undefined;
    const fieldsOf = DatasetRepository.prototype.fieldsOf;
    // Watches the rows the request's loader got (a WeakRef does not keep them alive): the database answers as always.
    DatasetRepository.prototype.fieldsOf = async function (this: DatasetRepository, ids) {
      const rows = await fieldsOf.call(this, ids);
      loaded = new WeakRef(rows[0]);
      return rows;
    };
    try {
      const data = await graph.ok(FIELDS);
      expect(data.datasetByName.currentVersion.fields).toEqual([{ name: 'id' }, { name: 'amount' }]);
    } finally {
      DatasetRepository.prototype.fieldsOf = fieldsOf;
    }
    expect(loaded?.deref()).toBeDefined();
    // fetch keeps the connection for the next request; the server armed its idle timer meanwhile.
    for (let i = 0; i < 3; i++) { await turn(); collectGarbage(); }
    expect(loaded!.deref()).toBeUndefined();
  });
});
