import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../common/log';
import { EventBus } from './event-bus';

/** The one Redis channel every instance publishes to and hears. */
export const EVENTS_CHANNEL = 'modelgraph:events';

interface Envelope { origin: string; topic: string; payload: unknown }

/**
 * The event bus across instances: an event published here reaches this process's listeners at
 * once and every other instance through Redis pub/sub (fire and forget, as subscriptions are:
 * an instance that is down misses what happened meanwhile; alerts and their history stay queryable
 * in Neo4j). Two connections, because a Redis connection in subscriber mode can only subscribe.
 */
export class RedisEventBus extends EventBus {
  private readonly origin = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscribed: Promise<unknown>;

  constructor(url: string) {
    super();
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (e: Error) => log.warn({ err: e.message }, 'Redis event bus connection error'));
    }
    this.subscriber.on('message', (channel: string, message: string) => this.heard(channel, message));
    this.subscribed = this.subscriber.subscribe(EVENTS_CHANNEL);
  }

  override async ready(): Promise<void> {
    await this.subscribed;
  }

  override publish(topic: string, payload?: unknown): void {
    super.publish(topic, payload);
    const envelope: Envelope = { origin: this.origin, topic, payload };
    this.publisher.publish(EVENTS_CHANNEL, JSON.stringify(envelope))
      .catch((e: Error) => log.warn({ err: e.message, topic }, 'An event could not be sent to the other instances'));
  }

  override async close(): Promise<void> {
    // disconnect, not quit: a closing service does not wait on a Redis that is away.
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private heard(channel: string, message: string): void {
    if (channel !== EVENTS_CHANNEL) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.origin === this.origin || typeof envelope.topic !== 'string') return; // heard already, when published here
    this.emitter.emit(envelope.topic, envelope.payload);
  }
}
