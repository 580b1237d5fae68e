// The page's handle on the VS Code webview API, acquired once (a second
// acquireVsCodeApi() throws), typed by the messages and state of the page.
interface RawApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): RawApi;

let raw: RawApi | undefined;

export interface VsCodeApi<Out, State> {
  post(message: Out): void;
  /** Untrusted: the caller validates what it reads. */
  getState(): unknown;
  setState(state: State): void;
}

export function vscodeApi<Out, State>(): VsCodeApi<Out, State> {
  raw ??= acquireVsCodeApi();
  const api = raw;
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
