/** How a GroupCommit forms its groups. */
export interface GroupPolicy {
  /** The most items in one group. */
  maxItems: number;
  /** Groups applied at once: 1 keeps groups large (everything that waited goes together). */
  turns: number;
  /**
   * How long (from its arrival) a lone item waits for a second one while another group is being
   * applied, before its group starts anyway (0: at once). When no group runs, what waits starts.
   */
  lingerMs: number;
}

/**
 * Group commit: work submitted while earlier work is being applied waits, and all that waited goes
 * together (one transaction) as soon as a turn is free, so concurrent one-event requests share a
 * transaction's fixed cost (its round trips, its statements, its commit) instead of each paying it.
 * A lone request is not delayed: with no group running, its group starts at once. With one running
 * and a turn free, a group starts once two items wait, or after `lingerMs`, or when the running group
 * ends, whichever is first: without that wait, requests of a few clients mostly arrive one by one and
 * fill the free turn alone. `applyGroup` answers each item on its own (undefined: applied; else the
 * error that item's request gets), so one item's failure is not the others'; if it throws, every
 * item of the group gets that error.
 */
export class GroupCommit<T> {
  private readonly waiting: { item: T; since: number; settle: (error: unknown) => void }[] = [];
  private running = 0;
  private linger: NodeJS.Timeout | null = null;

  constructor(private readonly applyGroup: (items: T[]) => Promise<unknown[]>, private readonly policy: GroupPolicy) {}

  /** Resolves once the item is applied (committed), or rejects with its own error. */
  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, since: performance.now(), settle: (error) => (error === undefined ? resolve() : reject(error)) });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.policy.turns && this.waiting.length) {
      const wait = this.lingerLeft();
      if (wait > 0) {
        this.linger ??= setTimeout(() => {
          this.linger = null;
          this.next();
        }, wait);
        return;
      }
      if (this.linger) clearTimeout(this.linger);
      this.linger = null;
      this.start(this.waiting.splice(0, this.policy.maxItems));
    }
  }

  /** How much longer the first waiting item waits for company: while it is alone and another group runs. */
  private lingerLeft(): number {
    if (this.running === 0 || this.waiting.length >= 2) return 0;
    return this.waiting[0].since + this.policy.lingerMs - performance.now();
  }

  private start(group: GroupCommit<T>['waiting']): void {
    this.running++;
    void this.applyGroup(group.map((g) => g.item))
      .then((errors) => group.forEach((g, i) => g.settle(errors[i])), (error: unknown) => group.forEach((g) => g.settle(error ?? new Error('group commit failed'))))
      .finally(() => {
        this.running--;
        this.next();
      });
  }
}
