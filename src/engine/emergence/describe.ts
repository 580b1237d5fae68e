// How an emergence point is written for people: in the axis's units, with its interval.
import { formatCount, formatFlops } from '../format';
import type { Lang } from '../text';
import type { GroupFit, ScaleAxis } from './analysis';

/** 3.9e22 FLOPs · 3.9B / 39亿 parameters · loss 2.07 nats. */
export function formatAxisValue(v: number, axis: ScaleAxis, lang: Lang): string {
  if (axis === 'flops') return formatFlops(v, 2);
  if (axis === 'params') return lang === 'zh' ? `${formatCount(v, lang)}参数` : `${formatCount(v, lang)} parameters`;
  return lang === 'zh' ? `损失 ${v.toFixed(3)} nats` : `loss ${v.toFixed(3)} nats`;
}

/** "3.9e22 FLOPs (95% CI 3e22–5.3e22)". */
export function describeGroupFit(g: GroupFit, axis: ScaleAxis, lang: Lang): string {
  const at = formatAxisValue(g.emergenceAt, axis, lang);
  if (!g.interval || !g.fit.ci) return at;
  const pct = Math.round(g.fit.ci.confidence * 100);
  const [lo, hi] = g.interval.map((v) => formatAxisValue(v, axis, lang).replace(/ FLOPs$| parameters$|参数$|^loss |^损失 | nats$/g, ''));
  return lang === 'zh' ? `${at}（${pct}% 置信区间 ${lo}–${hi}）` : `${at} (${pct}% CI ${lo}–${hi})`;
}
