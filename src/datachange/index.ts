import { Module } from '../app/container';
import { DatasetService } from '../dataset/dataset.service';
import { DriftService } from '../drift/drift.service';
import { traversalLimits } from '../lineage';
import { LineageRepository } from '../lineage/lineage.repository';
import { DataChangeRepository } from './datachange.repository';
import { DataChangeResolver } from './datachange.resolver';
import { DataChangeService } from './datachange.service';

/** How much a dataset change matters to what is served. Needs the dataset and metrics (drift) modules. */
export const dataChangeModule: Module = {
  name: 'datachange',
  resolvers: [DataChangeResolver],
  register(c) {
    const lineage = new LineageRepository(c.db, c.config.traversal);
    const service = new DataChangeService(new DataChangeRepository(c.db), lineage, c.db, traversalLimits(c.config), c.get(DatasetService), c.get(DriftService));
    c.set(DataChangeResolver, new DataChangeResolver(service));
  },
};
