// Counters read by the browser tests: how many charts the preview built and reused,
// and how many scans it made. Shared by the loader and the chart code.
export interface PreviewStats {
  built: number;
  reused: number;
  scans: number;
  /** Whether the chart code was loaded (only where a chart is). */
  loaded?: boolean;
}

declare global {
  interface Window {
    __emergencePreview?: PreviewStats;
  }
}

export function previewStats(): PreviewStats {
  window.__emergencePreview ??= { built: 0, reused: 0, scans: 0 };
  return window.__emergencePreview;
}
