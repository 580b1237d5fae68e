// A hand-built fit result (a Chinchilla fit of three runs), valid as parseFitResult
// expects it: the protocol tests copy it and corrupt one field at a time.
export const iv = (low: number, high: number) => ({ low, high });

export function base() {
  return {
    data: { N: [1e8, 1e9, 1e10], D: [2e9, 2e10, 2e11], C: [1.2e18, 1.2e20, 1.2e22], loss: [3.1, 2.6, 2.2], rows: [3, 4, 5] },
    columns: { N: 'params', D: 'tokens', loss: 'loss' },
    derived: { D: false, C: true },
    bootstrap: { resamples: 20, failed: 1, seed: 7, confidence: 0.95 },
    seconds: 0.5,
    source: { kind: 'markdown', name: 'runs.md', firstRow: 2, lastRow: 5 },
    diagnostics: null,
    resamplesLimited: false,
  };
}

export function chinchilla() {
  return {
    form: 'chinchilla',
    params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
    intervals: { E: iv(1.6, 1.8), A: iv(300, 500), B: iv(300, 500), alpha: iv(0.3, 0.4), beta: iv(0.25, 0.31) },
    objective: 0.01,
    huberDelta: 1e-3,
    starts: 4500,
    searched: 256,
    converged: 4400,
    budget: 5.76e23,
    derivedQuantities: null,
    ...base(),
  };
}
