// Headless rendering: Vega-Lite → Vega → SVG with vega's View (renderer "none"),
// expressions through vega-interpreter like the webview, so the CLI and the tests
// exercise the same CSP-safe path the extension ships.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';

export interface RenderedChart {
  svg: string;
  /** Warnings from vega-lite's compiler and vega's runtime; a correct chart has none. */
  warnings: string[];
  view: vega.View;
}

/** Collects vega/vega-lite log output instead of printing it. */
function collectingLogger(warnings: string[]): vega.LoggerInterface {
  const logger = vega.logger(vega.Warn);
  const push = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  logger.warn = (...args: unknown[]) => (push(...args), logger);
  logger.error = (...args: unknown[]) => (push(...args), logger);
  return logger;
}

export function compileToVega(spec: TopLevelSpec, warnings: string[] = []): vega.Spec {
  const logger = collectingLogger(warnings);
  return compile(spec, { logger }).spec;
}

export async function renderChartSvg(spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const vgSpec = compileToVega(spec, warnings);
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    renderer: 'none',
    logger: collectingLogger(warnings),
    expr: expressionInterpreter,
  });
  const svg = await view.toSVG();
  return { svg, warnings, view };
}
