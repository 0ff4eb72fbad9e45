import type { Express } from 'express';
import { ContainerType } from 'type-graphql';
import { Config } from '../config';
import { Db } from '../db/db';
import { EventBus } from '../events/event-bus';
import { RedisEventBus } from '../events/redis-event-bus';

type Key<T> = abstract new (...args: never[]) => T;

/**
 * A deliberately small dependency container: each feature module registers its repository,
 * service and resolvers by class (see src/modules.ts), and type-graphql asks it for resolvers.
 * Explicit wiring, no reflection magic: what depends on what is readable in each module's index.
 */
export class Container implements ContainerType {
  private readonly instances = new Map<unknown, unknown>();

  /** Events for subscriptions, webhooks and other instances (src/events/): through Redis when REDIS_URL is set. */
  readonly events: EventBus;
  /** Run by the app's close(), last registered first: timers and connections modules started. */
  private readonly closers: (() => Promise<void> | void)[] = [];

  constructor(readonly db: Db, readonly config: Config) {
    this.events = config.redisUrl ? new RedisEventBus(config.redisUrl) : new EventBus();
    this.onClose(() => this.events.close());
  }

  onClose(closer: () => Promise<void> | void): void {
    this.closers.push(closer);
  }

  async close(): Promise<void> {
    for (const closer of this.closers.splice(0).reverse()) await closer();
  }

  set<T>(key: Key<T>, instance: T): T {
    this.instances.set(key, instance);
    return instance;
  }

  get<T>(key: Key<T>): T {
    const instance = this.instances.get(key);
    if (instance === undefined) throw new Error(`Nothing registered for ${key.name}: is its module in src/modules.ts, after the modules it needs?`);
    return instance as T;
  }
}

/** A feature: the resolvers it adds to the schema and how to build its objects. */
export interface Module {
  name: string;
  resolvers: Function[];
  register(c: Container): void;
  /** HTTP routes beside /graphql (e.g. the OpenLineage endpoint), mounted before it. */
  routes?(app: Express, c: Container): void;
  /** Background work while the app serves (timers: retention, scheduled syncs); returns how to stop it. */
  start?(c: Container): (() => Promise<void>) | undefined;
}
