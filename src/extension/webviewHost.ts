// The one host of a webview page on the extension side (chart panel, side view, fit
// panel): a ready-gated outbox (nothing is posted before the page says it is ready;
// everything queued is delivered after, in order), a typed post, validation and
// logging of everything received, and disposal of every subscription it makes.
// A page that is re-created (a side view hidden and shown again, a panel reloaded)
// says ready again and gets its state message again.
import * as vscode from 'vscode';

export interface WebviewHostOptions<In> {
  /** Who this is in the log ("chart panel scaling-laws", "side view", "fit panel"). */
  name: string;
  log: vscode.LogOutputChannel;
  /** The validator of the page's messages (src/protocol/messages.ts). */
  parse(raw: unknown): In | undefined;
  /** Whether a (validated) message is the page's ready signal. */
  isReady(message: In): boolean;
  /** Every other valid message. */
  onMessage(message: In): void | Promise<void>;
}

/** Hosts alive now, for the leak checks of the integration tests. */
const live = new Set<WebviewHost<unknown, unknown>>();

export class WebviewHost<Out, In> implements vscode.Disposable {
  private ready = false;
  private outbox: Out[] = [];
  private state: Out | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly webview: vscode.Webview,
    private readonly opts: WebviewHostOptions<In>,
  ) {
    live.add(this as WebviewHost<unknown, unknown>);
    this.register(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
  }

  /** How many hosts are alive and how many subscriptions they hold. */
  static liveCount(): { hosts: number; subscriptions: number } {
    let subscriptions = 0;
    for (const h of live) subscriptions += h.subscriptions.length;
    return { hosts: live.size, subscriptions };
  }

  /** Keeps a subscription until dispose(). */
  register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.subscriptions.push(d);
    return d;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Sets the page's HTML: a new page, so messages wait for its ready. */
  setHtml(html: string): void {
    this.reset();
    this.webview.html = html;
  }

  /** The page is gone or being replaced (hidden without retained context, new HTML): hold messages until its next ready. */
  reset(): void {
    this.ready = false;
  }

  /** Posts now if the page is ready, else when it is. */
  post(message: Out): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.outbox.push(message);
      return;
    }
    void this.webview.postMessage(message).then(
      (delivered) => {
        if (!delivered) this.opts.log.warn(`${this.opts.name}: a message was not delivered`);
      },
      (err: unknown) => this.opts.log.warn(`${this.opts.name}: posting failed: ${String(err)}`),
    );
  }

  /** The page's state: posted like post(), and again after every later ready (a re-created page). */
  setState(message: Out): void {
    this.state = message;
    if (this.ready) this.post(message);
  }

  private receive(raw: unknown): void {
    const message = this.opts.parse(raw);
    if (!message) {
      this.opts.log.warn(`${this.opts.name}: ignored a malformed message ${describe(raw)}`);
      return;
    }
    this.opts.log.trace(`${this.opts.name}: received ${describe(raw)}`);
    if (this.opts.isReady(message)) {
      this.ready = true;
      const queued = this.outbox;
      this.outbox = [];
      // The state first: queued messages (setParams, export) apply on top of it.
      if (this.state !== undefined && !queued.includes(this.state)) this.post(this.state);
      for (const m of queued) this.post(m);
      return;
    }
    void Promise.resolve()
      .then(() => this.opts.onMessage(message))
      .catch((err: unknown) => this.opts.log.error(`${this.opts.name}: handling a message failed: ${String(err)}`));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.outbox = [];
    live.delete(this as WebviewHost<unknown, unknown>);
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}

/** A short description of a message for the log (its type, never its payload). */
function describe(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string')
    return `"${String((raw as { type: string }).type).slice(0, 40)}"`;
  return `(${raw === null ? 'null' : typeof raw})`;
}
