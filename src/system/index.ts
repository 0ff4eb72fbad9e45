import { Module } from '../app/container';
import { SystemResolver } from './system.resolver';

export const systemModule: Module = {
  name: 'system',
  resolvers: [SystemResolver],
  register(c) {
    c.set(SystemResolver, new SystemResolver(c.config.version));
  },
};
