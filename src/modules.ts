import { Module } from './app/container';
import { datasetModule } from './dataset';
import { systemModule } from './system';

/** Every feature of the API, in dependency order (a module may use the services of those before it). */
export const modules: Module[] = [
  systemModule,
  datasetModule,
];
