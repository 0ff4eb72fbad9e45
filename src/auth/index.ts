import { Module } from '../app/container';
import { AuthRepository } from './auth.repository';
import { ApiKeyResolver } from './auth.resolver';
import { AuthService } from './auth.service';

/** API keys and roles. Enforcement lives in src/app/server.ts (middleware + plugin). */
export const authModule: Module = {
  name: 'auth',
  resolvers: [ApiKeyResolver],
  register(c) {
    const service = c.set(AuthService, new AuthService(new AuthRepository(c.db), c.config.auth));
    c.set(ApiKeyResolver, new ApiKeyResolver(service));
  },
};

export { AuthService } from './auth.service';
