// Capability-threshold models. The seed's code uses sharp steps at coded sizes
// ("model_size >= threshold"); the logistic variant lets a chart show the same
// thresholds as gradual transitions (the "mirage" debate: sharpness is a choice of metric).

/** The seed's step rule: capable iff size ≥ threshold. */
export function stepCapability(size: number, threshold: number): 0 | 1 {
  return size >= threshold ? 1 : 0;
}

/**
 * Logistic in log10(size): 1 / (1 + 10^(-sharpness · (log10 size − log10 threshold))).
 * sharpness is the slope per decade; as it grows the curve tends to the step rule
 * (value 0.5 exactly at the threshold).
 */
export function logisticCapability(size: number, threshold: number, sharpness: number): number {
  const decades = Math.log10(size) - Math.log10(threshold);
  return 1 / (1 + Math.pow(10, -sharpness * decades));
}

export type TransitionModel = 'step' | 'logistic';

export function capability(model: TransitionModel, size: number, threshold: number, sharpness: number): number {
  return model === 'step' ? stepCapability(size, threshold) : logisticCapability(size, threshold, sharpness);
}

/**
 * The seed's emergence point: the first grid size at which the step rule is true and
 * was false just before (MathematicalReasoningEmergence.analyze_math_emergence). The
 * first capable size is that point: every size before it is, by definition, not capable.
 */
export function firstEmergence(grid: readonly number[], threshold: number): number | undefined {
  return grid.find((size) => stepCapability(size, threshold) === 1);
}

/** Capabilities unlocked at `size`: those whose threshold is ≤ size, in order. */
export function unlocked<T extends { threshold: number }>(items: readonly T[], size: number): T[] {
  return items.filter((item) => size >= item.threshold);
}
