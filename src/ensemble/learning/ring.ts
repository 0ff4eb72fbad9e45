/** The last `capacity` numbers and their mean, in constant time per push; serializable as the list, oldest first. */
export class Ring {
  private readonly values: number[];
  private head = 0;
  private count = 0;
  private sum = 0;

  constructor(readonly capacity: number, initial: readonly number[] = []) {
    this.values = new Array<number>(capacity).fill(0);
    for (const v of initial.slice(-capacity)) this.push(v);
  }

  push(v: number): void {
    if (this.count === this.capacity) this.sum -= this.values[this.head];
    else this.count++;
    this.values[this.head] = v;
    this.sum += v;
    this.head = (this.head + 1) % this.capacity;
  }

  get size(): number { return this.count; }

  /** The mean of what it holds (NaN when empty). Re-summed now and then would be needed only after ~1e15 pushes of drift; the list is re-read on every restart anyway. */
  mean(): number { return this.count ? this.sum / this.count : NaN; }

  /** Oldest first. */
  toArray(): number[] {
    const start = (this.head - this.count + this.capacity) % this.capacity;
    return Array.from({ length: this.count }, (_, k) => this.values[(start + k) % this.capacity]);
  }
}
