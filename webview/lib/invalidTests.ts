// A chart that declares finite data (ChartFrame.finiteData: Vega-Lite's invalid mode
// "show") has no invalid-data filters, but Vega-Lite then guards each continuous channel
// of every item with a test for invalid values, evaluated on every encode. With finite
// rows the test never passes; this drops it, leaving the channel's plain encoding.
// Only the exact rule Vega-Lite writes is dropped. Pure: no DOM (compileShape.ts).
import type { Spec } from 'vega';

type Json = Record<string, unknown>;

/** Vega-Lite's test of one field: !isValid(datum["f"]) || !isFinite(+datum["f"]). */
const INVALID_TEST = /^!isValid\(datum\["([^"\\]+)"\]\) \|\| !isFinite\(\+datum\["\1"\]\)$/;

/** Whether a Vega-Lite spec (its JSON) declares finite data, so its compiled spec may drop the tests. */
export function declaresFiniteData(spec: unknown): boolean {
  const config = (spec as { config?: { mark?: { invalid?: unknown } } }).config;
  return config?.mark?.invalid === 'show';
}

/** [invalid test, plain encoding of the same field] → the plain encoding. */
function plainRule(rules: unknown[]): Json | undefined {
  if (rules.length !== 2) return undefined;
  const [guard, plain] = rules as Json[];
  const field = typeof guard?.test === 'string' ? INVALID_TEST.exec(guard.test)?.[1] : undefined;
  return field !== undefined && plain !== null && typeof plain === 'object' && plain.test === undefined && plain.field === field ? plain : undefined;
}

/** Drops Vega-Lite's invalid-value tests from every mark's encoders (in place; returns the spec). */
export function dropInvalidTests(spec: Spec): Spec {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const obj = node as Json;
    if (obj.encode !== null && typeof obj.encode === 'object') {
      for (const set of Object.values(obj.encode as Json)) {
        if (set === null || typeof set !== 'object') continue;
        const channels = set as Json;
        for (const [channel, rules] of Object.entries(channels)) {
          const plain = Array.isArray(rules) ? plainRule(rules) : undefined;
          if (plain) channels[channel] = plain;
        }
      }
    }
    for (const key of ['marks', 'axes', 'legends']) if (Array.isArray(obj[key])) visit(obj[key]);
  };
  visit(spec);
  return spec;
}
