// Loads a script of the extension's dist/ after the page's own (the chart code first,
// then what can wait: the controls' custom elements). The script gets the page's nonce,
// which is all the webviews' CSP lets run. Captured while the page's script runs:
// document.currentScript is only set then.
const self = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const requested = new Set<string>();

/** Appends dist/<file> (a sibling of the running page script) once. */
export function loadSiblingScript(file: string): void {
  if (!self?.src || requested.has(file)) return;
  requested.add(file);
  const script = document.createElement('script');
  if (self.nonce) script.nonce = self.nonce;
  script.src = new URL(file, self.src).toString();
  document.head.append(script);
}
