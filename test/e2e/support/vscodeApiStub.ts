// A stand-in for the webview's acquireVsCodeApi(), injected before the page's own
// script runs (as a string: tsx's transform would add helpers to a serialised
// function). It records what the page posts and keeps its state in memory.
export interface StubWindow {
  __posted: { type?: string; [k: string]: unknown }[];
  __state: unknown;
  __cspViolations: string[];
}

export const VSCODE_API_STUB = `(() => {
  window.__posted = [];
  window.__state = undefined;
  window.__cspViolations = [];
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
      getState: () => window.__state,
      setState: (state) => { window.__state = JSON.parse(JSON.stringify(state)); return state; },
    });
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    const text = e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')';
    window.__cspViolations.push(text);
    console.error('[csp-violation] ' + text);
  });
})();`;
