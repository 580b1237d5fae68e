// Serialises a page's renders: a burst of slider events never interleaves two updates,
// and a change that arrives while one renders is coalesced into the next run.
export class RenderQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (err: unknown) => void) {}

  /** Runs `task` after everything queued before it; a failure is reported, never thrown. */
  run(task: () => Promise<void>): Promise<void> {
    this.tail = this.tail.then(task).catch(this.onError);
    return this.tail;
  }
}
