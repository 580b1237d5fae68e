// The Markdown preview's script (markdown.previewScripts): a few hundred bytes that
// load the chart code (dist/previewCharts.js) only into a preview that has an
// ```emergence block, once. The chart script gets this script's nonce, which is what
// the preview's CSP lets run.
import { previewStats } from './previewStats';

const CONTAINER = '.emergence-chart';
const self = document.currentScript as HTMLScriptElement | null;
const chartsUrl = self?.src.replace(/preview\.js(?=[?#]|$)/, 'previewCharts.js');
const nonce = self?.nonce;
let requested = false;

function loadCharts(): void {
  if (requested || !chartsUrl || !document.querySelector(CONTAINER)) return;
  requested = true;
  observer.disconnect();
  const script = document.createElement('script');
  if (nonce) script.nonce = nonce;
  script.src = chartsUrl;
  script.addEventListener('load', () => (previewStats().loaded = true));
  document.head.append(script);
}

const observer = new MutationObserver(loadCharts);
previewStats();

function start(): void {
  loadCharts();
  if (requested) return;
  window.addEventListener('vscode.markdown.updateContent', loadCharts);
  observer.observe(document.body, { childList: true, subtree: true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
