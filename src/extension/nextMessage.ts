// Waiting for a webview's next report of one kind ("rendered"), shared by the chart
// panels, the side view and the fit panel.
export class NextMessage<T> {
  private readonly waiters = new Set<(message: T) => void>();

  /** Resolves with the next message passed to deliver(), or undefined after the timeout. */
  next(timeoutMs: number): Promise<T | undefined> {
    return new Promise((resolve) => {
      const waiter = (message: T): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(message);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  deliver(message: T): void {
    for (const waiter of [...this.waiters]) waiter(message);
  }
}
