/**
 * A counting semaphore with a bounded queue: at most `slots` holders at once, at most `queue`
 * waiting; beyond that `acquire` refuses at once instead of letting work pile up in memory.
 * Used to bound concurrent image decodes — each can take tens of MB and a core.
 */
export class DecodeSlots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly slots: number,
    readonly queue: number,
  ) {}

  /** Runs `work` in a slot; null (without running it) when every slot and queue place is taken. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return { value: await work() };
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.active--;
    }
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }
}
