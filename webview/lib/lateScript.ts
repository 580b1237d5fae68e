// Loads a script of the extension's dist/ after the page's own (the chart code first,
// then what can wait: the controls' custom elements, the compiled chart specs, the
// Vega-Lite compiler). The script gets the page's nonce, which is all the webviews' CSP
// lets run. Captured while the page's script runs: document.currentScript is only set then.
const self = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const requested = new Map<string, Promise<void>>();

/** Appends dist/<file> (a sibling of the running page script) once; resolves when it ran (or failed to load). */
export function loadSiblingScript(file: string): Promise<void> {
  const known = requested.get(file);
  if (known) return known;
  const loaded = new Promise<void>((resolve) => {
    if (!self?.src) return resolve();
    const script = document.createElement('script');
    if (self.nonce) script.nonce = self.nonce;
    script.src = new URL(file, self.src).toString();
    // A missing file is not an error here: the caller falls back (e.g. to the compiler).
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
    document.head.append(script);
  });
  requested.set(file, loaded);
  return loaded;
}
