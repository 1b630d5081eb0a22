/**
 * FIFO admission control, like an inference server's batch limit: at most `capacity` holders at
 * once, later callers wait in arrival order. A released slot passes straight to the oldest waiter,
 * so a newcomer can never overtake the queue.
 */
export class CapacityGate {
  private active = 0;
  private waiting: Array<(() => void) | undefined> = [];
  private head = 0;

  constructor(readonly capacity: number = Number.POSITIVE_INFINITY) {}

  /**
   * Takes a slot. Returns `undefined` when one was free (the common case allocates no promise),
   * otherwise a promise that resolves once the slot is held.
   */
  acquire(): Promise<void> | undefined {
    if (this.active < this.capacity) {
      this.active += 1;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Gives a slot back; exactly one `release()` per successful `acquire()`. */
  release(): void {
    const next = this.waiting[this.head];
    if (next === undefined) {
      this.active -= 1;
      return;
    }
    this.waiting[this.head] = undefined;
    this.head += 1;
    // Drop the consumed prefix now and then so a queue that never drains stays bounded.
    if (this.head === this.waiting.length || this.head >= 1024) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    next();
  }

  /** Callers currently waiting for a slot. */
  get queued(): number {
    return this.waiting.length - this.head;
  }
}
