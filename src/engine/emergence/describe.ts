// How an emergence point is written for people: in the axis's units, with its interval.
import { formatCount, formatFlops } from '../format';
import type { Lang } from '../text';
import type { GroupFit, ScaleAxis } from './analysis';

/** An axis value without its unit, as an interval's bounds are written: 3.9e22 · 3.9B / 39亿 · 2.070. */
function axisNumber(v: number, axis: ScaleAxis, lang: Lang): string {
  if (axis === 'flops') return formatFlops(v, 2).replace(' FLOPs', '');
  if (axis === 'params') return formatCount(v, lang);
  return v.toFixed(3);
}

/** 3.9e22 FLOPs · 3.9B / 39亿 parameters · loss 2.07 nats. */
export function formatAxisValue(v: number, axis: ScaleAxis, lang: Lang): string {
  const n = axisNumber(v, axis, lang);
  if (axis === 'flops') return `${n} FLOPs`;
  if (axis === 'params') return lang === 'zh' ? `${n}参数` : `${n} parameters`;
  return lang === 'zh' ? `损失 ${n} nats` : `loss ${n} nats`;
}

/** "3.9e22 FLOPs (95% CI 3e22–5.3e22)". */
export function describeGroupFit(g: GroupFit, axis: ScaleAxis, lang: Lang): string {
  const at = formatAxisValue(g.emergenceAt, axis, lang);
  if (!g.interval || !g.fit.ci) return at;
  const pct = Math.round(g.fit.ci.confidence * 100);
  const [lo, hi] = g.interval.map((v) => axisNumber(v, axis, lang));
  return lang === 'zh' ? `${at}（${pct}% 置信区间 ${lo}–${hi}）` : `${at} (${pct}% CI ${lo}–${hi})`;
}
