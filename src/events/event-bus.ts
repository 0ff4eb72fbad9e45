import { EventEmitter, on } from 'node:events';
import type { PubSub } from 'type-graphql';
import { requestScope } from '../db/request-scope';
import { Topic } from './topics';

/**
 * The one place events are published and heard. Satisfies type-graphql's PubSub, so
 * `@Subscription({ topics })` resolvers read from it directly. This implementation reaches the
 * listeners of this process only; RedisEventBus (src/events/redis-event-bus.ts) extends it to every
 * instance of the service.
 */
export class EventBus implements PubSub {
  /** Every event heard: published here or, with a transport, by another instance. */
  protected readonly emitter = new EventEmitter();
  /** Events published by this process only: work that must happen once (webhooks) listens here. */
  private readonly local = new EventEmitter();

  constructor() {
    // Every subscription is a listener; a busy dashboard must not trip Node's leak warning.
    this.emitter.setMaxListeners(0);
    this.local.setMaxListeners(0);
  }

  /** Resolves once the bus hears other instances (at once in process). */
  async ready(): Promise<void> {}

  publish(topic: Topic | string, payload?: unknown): void {
    this.emitter.emit(topic, payload);
    this.local.emit(topic, payload);
  }

  /**
   * A listener for code in this process; returns its unsubscribe. `localOnly`: only events this
   * process published, for work that one instance must do once (e.g. a webhook delivery).
   * Listeners run outside the publishing request's scope: their work is not that request's (not
   * audited with it, not bounded by its deadline or its share of connections).
   */
  listen(topic: Topic, listener: (payload: unknown) => void, { localOnly = false } = {}): () => void {
    const emitter = localOnly ? this.local : this.emitter;
    const unscoped = (payload: unknown) => requestScope.exit(() => listener(payload));
    emitter.on(topic, unscoped);
    return () => emitter.off(topic, unscoped);
  }

  async *subscribe(topic: string): AsyncIterable<unknown> {
    for await (const [payload] of on(this.emitter, topic)) yield payload;
  }

  async close(): Promise<void> {}
}
