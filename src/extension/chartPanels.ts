// Chart panels: one webview panel per section, restored after a reload by a
// serializer, exchanging validated messages with the webview page.
import * as vscode from 'vscode';
import { NextMessage } from './nextMessage';
import { findSection } from '../sections/index';
import {
  isPanelState,
  parseWebviewMessage,
  type ExportFormat,
  type HostToWebview,
  type PanelState,
  type WebviewToHost,
  type UserTable,
} from '../protocol/messages';
import type { Lang, ParamValue } from '../sections/types';
import { displayLang, t } from './language';
import { webviewHtml, webviewOptions } from './webviewContent';
import { WebviewHost } from './webviewHost';

export const CHART_PANEL_TYPE = 'emergenceLens.chart';

type RenderedMessage = Extract<WebviewToHost, { type: 'rendered' }>;
type ExportedMessage = Extract<WebviewToHost, { type: 'exported' }>;

interface PendingExport {
  format: ExportFormat;
  resolve(message: ExportedMessage): void;
}

class ChartPanel {
  lastRendered: RenderedMessage | undefined;
  private pendingExport: PendingExport | undefined;
  private readonly rendered = new NextMessage<RenderedMessage>();
  readonly host: WebviewHost<HostToWebview, WebviewToHost>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public sectionId: string,
    private readonly owner: ChartPanels,
  ) {
    this.host = new WebviewHost<HostToWebview, WebviewToHost>(panel.webview, {
      name: `chart panel ${sectionId}`,
      log: owner.log,
      parse: parseWebviewMessage,
      isReady: (m) => m.type === 'ready',
      onMessage: (m) => this.receive(m),
    });
  }

  /** Delivered once the page is ready (queued until then). */
  post(message: HostToWebview): void {
    this.host.post(message);
  }

  /** Resolves with the next 'rendered' report (or undefined after the timeout). */
  nextRendered(timeoutMs: number): Promise<RenderedMessage | undefined> {
    return this.rendered.next(timeoutMs);
  }

  requestExport(format: ExportFormat, chartId: string | undefined, timeoutMs = 15000): Promise<ExportedMessage | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingExport = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.pendingExport = {
        format,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.post({ type: 'export', format, chartId });
    });
  }

  private receive(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        break;
      case 'rendered':
        if (message.sectionId !== this.sectionId) this.sectionId = message.sectionId;
        this.lastRendered = message;
        this.rendered.deliver(message);
        break;
      case 'exported': {
        const pending = this.pendingExport;
        if (pending && pending.format === message.format) {
          this.pendingExport = undefined;
          pending.resolve(message);
        } else {
          void this.owner.saveExport(this, message, undefined);
        }
        break;
      }
      case 'error':
        this.owner.log.error(`chart panel ${this.sectionId}: ${message.message}`);
        break;
    }
  }
}

export class ChartPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ChartPanel>();
  private active: ChartPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly log: vscode.LogOutputChannel,
  ) {}

  /** Opens (or reveals) the panel of a section; returns undefined for an unknown id. */
  show(sectionId: string, params?: Record<string, ParamValue>): ChartPanel | undefined {
    const section = findSection(sectionId);
    if (!section) return undefined;
    const existing = this.panels.get(sectionId);
    if (existing) {
      existing.panel.reveal();
      if (params) existing.post({ type: 'setParams', params });
      return existing;
    }
    const lang = displayLang();
    const panel = vscode.window.createWebviewPanel(
      CHART_PANEL_TYPE,
      this.panelTitle(section.title[lang], section.seedRef),
      vscode.ViewColumn.Active,
      webviewOptions(this.extensionUri),
    );
    return this.attach(panel, { sectionId, params: params ?? {} }, lang);
  }

  /** Opens (or reveals) a section's panel drawing the user's table instead of its shipped data. */
  showUserTable(sectionId: string, userTable: UserTable): ChartPanel | undefined {
    const section = findSection(sectionId);
    if (!section) return undefined;
    const lang = displayLang();
    let chartPanel = this.panels.get(sectionId);
    if (chartPanel) {
      chartPanel.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(
        CHART_PANEL_TYPE,
        this.panelTitle(section.title[lang], section.seedRef),
        vscode.ViewColumn.Beside,
        webviewOptions(this.extensionUri),
      );
      chartPanel = this.attach(panel, { sectionId, params: {} }, lang);
    }
    chartPanel.post({ type: 'show', sectionId, lang, userTable });
    return chartPanel;
  }

  /** Called by the serializer after a reload with the webview's saved state. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const valid: PanelState | undefined = isPanelState(state) && findSection(state.sectionId) ? state : undefined;
    if (!valid) {
      this.log.warn('discarded an unreadable saved chart panel state');
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.attach(panel, valid, displayLang());
  }

  private panelTitle(title: string, seedRef: string): string {
    return `${seedRef} ${title}`;
  }

  private attach(panel: vscode.WebviewPanel, state: PanelState, lang: Lang): ChartPanel {
    const chartPanel = new ChartPanel(panel, state.sectionId, this);
    const { host } = chartPanel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    host.setHtml(webviewHtml(panel.webview, this.extensionUri, state.sectionId, lang, 'panel'));
    this.panels.set(state.sectionId, chartPanel);
    this.active = chartPanel;
    // Queued by the host until the page says it is ready.
    if (Object.keys(state.params).length > 0) chartPanel.post({ type: 'show', sectionId: state.sectionId, lang, params: state.params });
    host.register(
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) this.active = chartPanel;
        // A hidden panel's page is discarded (no retained context): hold messages for the re-created page.
        if (!e.webviewPanel.visible) host.reset();
      }),
    );
    host.register(
      panel.onDidDispose(() => {
        if (this.panels.get(chartPanel.sectionId) === chartPanel) this.panels.delete(chartPanel.sectionId);
        if (this.active === chartPanel) this.active = undefined;
        host.dispose();
      }),
    );
    return chartPanel;
  }

  get(sectionId: string): ChartPanel | undefined {
    return this.panels.get(sectionId);
  }

  /** The panel the user worked in last. */
  current(): ChartPanel | undefined {
    return this.active ?? [...this.panels.values()].pop();
  }

  setLang(lang: Lang): void {
    for (const p of this.panels.values()) {
      p.post({ type: 'setLang', lang });
      const section = findSection(p.sectionId);
      if (section) p.panel.title = this.panelTitle(section.title[lang], section.seedRef);
    }
  }

  /** Writes an export to `target`, or asks where with a save dialog. */
  async saveExport(panel: ChartPanel, message: ExportedMessage, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (message.format === 'vl') {
      await vscode.env.clipboard.writeText(message.data);
      void vscode.window.showInformationMessage(t('Copied the Vega-Lite spec of "{0}" to the clipboard.', message.chartId));
      return undefined;
    }
    const extension = message.format;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(
          vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()),
          `${panel.sectionId}-${message.chartId}.${extension}`,
        ),
        filters: extension === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
        saveLabel: t('Save chart'),
      }));
    if (!uri) return undefined;
    const bytes = extension === 'svg' ? new TextEncoder().encode(message.data) : pngBytes(message.data);
    if (!bytes) {
      void vscode.window.showErrorMessage(t('The chart could not be exported.'));
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, bytes);
    return uri;
  }

  /** Webview hosts alive and the subscriptions they hold (the integration tests' leak check). */
  liveHosts(): { hosts: number; subscriptions: number } {
    return WebviewHost.liveCount();
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    this.panels.clear();
  }
}

/** Decodes a PNG data URL, refusing anything that is not one. */
function pngBytes(dataUrl: string): Uint8Array | undefined {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) return undefined;
  const bytes = Buffer.from(dataUrl.slice(prefix.length), 'base64');
  const signature = [0x89, 0x50, 0x4e, 0x47];
  return signature.every((b, i) => bytes[i] === b) ? bytes : undefined;
}

export type { ChartPanel };
