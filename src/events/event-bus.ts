import { EventEmitter, on } from 'node:events';
import type { PubSub } from 'type-graphql';
import { Topic } from './topics';

/**
 * The one place events are published and heard. Satisfies type-graphql's PubSub, so
 * `@Subscription({ topics })` resolvers read from it directly. This implementation reaches the
 * listeners of this process only; a transport across instances (Redis) wraps or replaces it.
 */
export class EventBus implements PubSub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every subscription is a listener; a busy dashboard must not trip Node's leak warning.
    this.emitter.setMaxListeners(0);
  }

  publish(topic: Topic | string, payload?: unknown): void {
    this.emitter.emit(topic, payload);
  }

  /** A listener for code in this process (e.g. the alert evaluator); returns its unsubscribe. */
  listen(topic: Topic, listener: (payload: unknown) => void): () => void {
    this.emitter.on(topic, listener);
    return () => this.emitter.off(topic, listener);
  }

  async *subscribe(topic: string): AsyncIterable<unknown> {
    for await (const [payload] of on(this.emitter, topic)) yield payload;
  }
}
