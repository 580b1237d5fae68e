// Fitting scaling laws to the user's runs (issue 7 §4): the result type, the sliced fit,
// the charts and the Markdown report. Not a registry section: its charts are drawn from
// a FitResult, not from parameters.
export * from './result';
export * from './model';
export * from './charts';
export * from './report';
