/**
 * Group commit: work submitted while earlier work is being applied waits, and all that waited goes
 * together (one transaction) as soon as a turn is free, so concurrent one-event requests share a
 * transaction's fixed cost (its round trips, its statements, its commit) instead of each paying it.
 * A lone request is not delayed: with a free turn its group starts at once. `applyGroup` answers
 * each item on its own (undefined: applied; else the error that item's request gets), so one
 * item's failure is not the others'; if it throws, every item of the group gets that error.
 */
export class GroupCommit<T> {
  private readonly waiting: { item: T; settle: (error: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly applyGroup: (items: T[]) => Promise<unknown[]>,
    /** The most items in one group. */
    private readonly maxItems: number,
    /** Groups applied at once: 1 keeps groups large (everything that waited goes together). */
    private readonly turns = 1,
  ) {}

  /** Resolves once the item is applied (committed), or rejects with its own error. */
  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.turns && this.waiting.length) {
      const group = this.waiting.splice(0, this.maxItems);
      this.running++;
      void this.applyGroup(group.map((g) => g.item))
        .then((errors) => group.forEach((g, i) => g.settle(errors[i])), (error: unknown) => group.forEach((g) => g.settle(error ?? new Error('group commit failed'))))
        .finally(() => {
          this.running--;
          this.next();
        });
    }
  }
}
