// The worked example of an explanation: one short paragraph that computes the formula
// as written, with the note's values and, for the rest, the one fit the resolver chose.
// It names where every number came from and converts PF-days ⇄ FLOPs where needed.
import { FITS, FLOPS_PER_PF_DAY } from '../laws/fits';
import { kaplanCombinedLoss } from '../laws/powerLaws';
import type { Bilingual, Lang } from '../text';
import type { ExampleResult, ResolvedValue, Resolver } from './explain';
import { labelFor } from './explain';
import { COMPUTE_UNIT_WORD, isConstantRole } from './fitChoice';
import { sourceLabel } from './published';
import { formatParams, formatTokens } from '../format';
import { formatConstant, formatNumber } from './numbers';
import type { SymbolRole } from './recognize';

export interface ExampleOutcome {
  text: string;
  result?: ExampleResult;
  /** Where the example evaluates the law, for range checks (compute in FLOPs). */
  point?: { N?: number; D?: number; computeFlops?: number; loss?: number };
}

const LOSS_UNIT = 'nats per token';

function sourcePhrase(v: ResolvedValue, lang: Lang): string {
  if (v.source === 'formula') return lang === 'zh' ? '公式中给出' : 'written in the formula';
  if (v.source === 'note') return lang === 'zh' ? '取自笔记' : 'from the note';
  // Stryker disable next-line StringLiteral: unreachable, the resolver names the paper of every published value
  return sourceLabel(v.publishedBy ?? 'kaplan2020', lang);
}

/** "α = 0.05 (from the note)" */
function given(label: string, v: ResolvedValue, lang: Lang): string {
  const n = v.derived ? formatNumber(v.value) : formatConstant(v.value);
  const unit = v.unit ? ` ${amountUnit(v.value, v.unit, lang)}` : '';
  return lang === 'zh' ? `${label} = ${n}${unit}(${sourcePhrase(v, lang)})` : `${label} = ${n}${unit} (${sourcePhrase(v, lang)})`;
}

/** "Constants the note leaves out come from one fit: Hoffmann et al. 2022 (approach 3, eq. 10)." */
function filledSentence(used: Partial<Record<SymbolRole, ResolvedValue>>, lang: Lang): string {
  const entries = Object.entries(used) as [SymbolRole, ResolvedValue][];
  const fit = entries.find(([, v]) => v.source === 'published')?.[1].fit;
  if (fit === undefined) return '';
  const label = FITS[fit].label[lang];
  const noteGave = entries.some(([role, v]) => v.source !== 'published' && isConstantRole(role));
  if (lang === 'zh') return noteGave ? `笔记未给出的常数取自同一组拟合:${label}。` : `常数取自同一组拟合:${label}。`;
  return noteGave ? ` Constants the note leaves out come from one fit: ${label}.` : ` Constants from one fit: ${label}.`;
}

/** "1 PF-day", "6667 PF-days", "1 FLOP": the unit after an amount, singular for exactly one. */
function amountUnit(amount: number, unit: 'PF-days' | 'FLOPs', lang: 'en' | 'zh'): string {
  if (lang === 'en' && amount === 1) return unit === 'PF-days' ? 'PF-day' : 'FLOP';
  return COMPUTE_UNIT_WORD[unit][lang];
}

// Stryker disable all: never called, every constant of a kind's law is in each of its fits (KIND_MODELS)
function unreachable(message: string): never {
  throw new Error(message);
}
// Stryker restore all

export function workedExample(rec: Resolver['rec'], r: Resolver, lang: Lang, used: Partial<Record<SymbolRole, ResolvedValue>>): ExampleOutcome {
  // Variables (N, D, C) are never a fit's constant: get() gives only what the formula or note writes.
  const take = (role: SymbolRole): ResolvedValue | undefined => {
    const v = r.get(role);
    if (v !== undefined) used[role] = v;
    return v;
  };
  /** A constant the law has: the formula, the note or the chosen fit always gives it (and the formula always writes k). */
  // Stryker disable next-line StringLiteral: the message is only built when unreachable() is called
  const need = (role: SymbolRole): ResolvedValue => take(role) ?? unreachable(`no value for ${role} in a ${rec.kind} formula`);
  const f = formatNumber;
  const zh = lang === 'zh';
  const hasRole = (role: SymbolRole): boolean => rec.symbols.some((s) => s.role === role);

  switch (rec.kind) {
    case 'loss-compute':
    case 'loss-params':
    case 'loss-data': {
      const spec = {
        'loss-compute': { exp: 'alpha', scale: 'C_0', v: 'C', what: { en: 'compute', zh: '计算量' }, dflt: 1 },
        'loss-params': { exp: 'alpha_N', scale: 'N_0', v: 'N', what: { en: 'parameters', zh: '参数量' }, dflt: 1e9 },
        'loss-data': { exp: 'alpha_D', scale: 'D_0', v: 'D', what: { en: 'data', zh: '数据量' }, dflt: 1e10 },
      }[rec.kind] as { exp: SymbolRole; scale: SymbolRole; v: SymbolRole; what: Bilingual; dflt: number };
      // Positive: the recognizer takes exponents in (0, 1), the resolver only positive note values.
      const a = need(spec.exp);
      // A floor only when the formula writes one AND the formula or note gives a value: Kaplan's fits have none.
      const floor = hasRole('L_inf') ? take('L_inf') : undefined;
      const al = labelFor(rec, spec.exp);
      const x10 = 10 ** -a.value;
      const x100 = 100 ** -a.value;
      const half = 2 ** (1 / a.value);
      const target = floor ? (zh ? '可约部分 L − L∞ ' : 'the reducible part L − L∞') : zh ? '损失' : 'the loss';
      let s = zh
        ? `取 ${given(al, a, lang)}:${spec.what.zh}增加 10 倍,${target}乘以 10^-${al} = ${f(x10)};增加 100 倍,乘以 ${f(x100)};要让${floor ? '可约部分' : '损失'}减半,需要约 2^(1/${al}) ≈ ${f(half)} 倍的${spec.what.zh}。`
        : `10× more ${spec.what.en} multiplies ${target} by 10^-${al} = ${f(x10)} for ${given(al, a, lang)}; 100× multiplies it by ${f(x100)}, and halving it takes 2^(1/${al}) ≈ ${f(half)}× more ${spec.what.en}.`;
      if (hasRole('L_inf') && !floor) {
        s += zh
          ? '公式写了 L∞,但 Kaplan 的这条定律没有不可约项、也没有发表过它的值,因此算例不加任何下限;若要加上,请在笔记中写出 L∞ 的值。'
          : " The formula writes L∞, but Kaplan's law has no irreducible term and publishes no value for one, so the example adds none; write L∞'s value in the note to add your own.";
      }
      let result: ExampleResult = { symbol: `L(10${spec.v})/L(${spec.v})`, value: x10, unit: 'dimensionless' };
      let point: ExampleOutcome['point'];
      // A concrete point when the scale is known and a value of the variable is too
      // (from the note, or the usual example size when the scale is the published one).
      const sc = need(spec.scale);
      const noteVar = take(spec.v);
      let x = noteVar?.value ?? (sc.source === 'published' ? spec.dflt : undefined);
      if (x !== undefined) {
        const sl = labelFor(rec, spec.scale);
        const vl = labelFor(rec, spec.v);
        // The variable for people: 1B parameters, 10B tokens; compute in its unit.
        let xText = `${vl} = ${rec.kind === 'loss-params' ? formatParams(x, lang) : formatTokens(x, lang)}`;
        let conversion = '';
        let computeFlops: number | undefined;
        if (rec.kind === 'loss-compute') {
          // C and C₀ in one unit: convert C into C₀'s, and say so.
          const scUnit = sc.unit === 'FLOPs' ? 'FLOPs' : 'PF-days';
          const xUnit = noteVar?.unit ?? 'PF-days';
          const xWritten = noteVar?.unitWritten === true;
          xText = `${vl} = ${f(x)} ${amountUnit(x, xUnit, lang)}`;
          computeFlops = xUnit === 'FLOPs' ? x : x * FLOPS_PER_PF_DAY;
          if (xUnit !== scUnit) {
            const converted = scUnit === 'PF-days' ? x / FLOPS_PER_PF_DAY : x * FLOPS_PER_PF_DAY;
            const why = xWritten ? '' : zh ? `(未写单位,按大小读作 ${COMPUTE_UNIT_WORD[xUnit].zh})` : ` (no unit written; read as ${xUnit} from its size)`;
            conversion = zh
              ? `${vl} 与 ${sl} 单位不同:${f(x)} ${amountUnit(x, xUnit, lang)}${why} = ${f(converted)} ${COMPUTE_UNIT_WORD[scUnit].zh}(1 PF-天 = 8.64e19 FLOPs)。`
              : ` ${vl} and ${sl} are in different units: ${f(x)} ${amountUnit(x, xUnit, lang)}${why} = ${f(converted)} ${scUnit} (1 PF-day = 8.64e19 FLOPs).`;
            x = converted;
          }
        }
        const reducible = (sc.value / x) ** a.value;
        const loss = reducible + (floor?.value ?? 0);
        const floorText = floor ? ` + ${f(floor.value)}` : '';
        s += conversion;
        s += zh
          ? `再取 ${given(sl, sc, lang)},当 ${xText}时,L = (${f(sc.value)}/${f(x)})^${f(a.value)}${floorText} ≈ ${f(loss)}。`
          : ` With ${given(sl, sc, lang)}, at ${xText}: L = (${f(sc.value)}/${f(x)})^${f(a.value)}${floorText} ≈ ${f(loss)}.`;
        result = { symbol: 'L', value: loss, unit: LOSS_UNIT };
        point = rec.kind === 'loss-compute' ? { computeFlops, loss } : rec.kind === 'loss-params' ? { N: x, loss } : { D: x, loss };
      }
      return { text: s + filledSentence(used, lang), result, point };
    }

    case 'loss-additive':
    case 'loss-chinchilla': {
      const chin = rec.kind === 'loss-chinchilla';
      const nv = take('N');
      const dv = take('D');
      const N = nv?.value ?? 7e10;
      const D = dv?.value ?? 1.4e12;
      let termN: number;
      let termD: number;
      let floor: ResolvedValue | undefined;
      let aN: ResolvedValue;
      let aD: ResolvedValue;
      const scales: string[] = [];
      if (chin) {
        floor = hasRole('E') ? take('E') : undefined;
        const A = need('A');
        const B = need('B');
        aN = need('alpha');
        aD = need('beta');
        scales.push(given('A', A, lang), given('B', B, lang));
        termN = A.value / N ** aN.value;
        termD = B.value / D ** aD.value;
      } else {
        const n0 = need('N_0');
        const d0 = need('D_0');
        aN = need('alpha_N');
        aD = need('alpha_D');
        floor = hasRole('L_inf') ? take('L_inf') : undefined;
        scales.push(given(labelFor(rec, 'N_0'), n0, lang), given(labelFor(rec, 'D_0'), d0, lang));
        termN = (n0.value / N) ** aN.value;
        termD = (d0.value / D) ** aD.value;
      }
      const E = floor?.value ?? 0;
      const loss = E + termN + termD;
      const alN = labelFor(rec, chin ? 'alpha' : 'alpha_N');
      const alD = labelFor(rec, chin ? 'beta' : 'alpha_D');
      const size =
        nv || dv
          ? zh
            ? `N = ${formatParams(N, lang)}、D = ${formatTokens(D, lang)}`
            : `N = ${formatParams(N, lang)} and D = ${formatTokens(D, lang)}`
          : zh
            ? `N = 700 亿参数、D = 1.4 万亿 token(Chinchilla 本身)`
            : `N = 70B parameters and D = 1.4T tokens (Chinchilla itself)`;
      const parts = `${floor ? `${f(E)} + ` : ''}${f(termN)} + ${f(termD)}`;
      const fromWhere = [floor && given(chin ? 'E' : labelFor(rec, 'L_inf'), floor, lang), ...scales, given(alN, aN, lang), given(alD, aD, lang)]
        .filter(Boolean)
        .join(zh ? ',' : ', ');
      const shrinkN = 10 ** -aN.value;
      const shrinkD = 10 ** -aD.value;
      const twice = E + termN * 2 ** -aN.value + termD * 2 ** -aD.value;
      const text = zh
        ? `取 ${size}:L = ${parts} ≈ ${f(loss)},所用取值为 ${fromWhere}。参数量增加 10 倍,参数项乘以 10^-${alN} = ${f(shrinkN)};数据量增加 10 倍,数据项乘以 10^-${alD} = ${f(shrinkD)}。N 与 D 都翻倍(计算量约 4 倍)时,L ≈ ${f(twice)}${floor ? `;按此公式外推,L 不会低于 ${f(E)}` : ''}。`
        : `For ${size}: L = ${parts} ≈ ${f(loss)}, using ${fromWhere}. 10× more parameters multiplies the parameter term by 10^-${alN} = ${f(shrinkN)}; 10× more data multiplies the data term by 10^-${alD} = ${f(shrinkD)}. Doubling both N and D (about 4× compute) gives L ≈ ${f(twice)}${floor ? `; extrapolated, this formula never goes below ${f(E)}` : ''}.`;
      return {
        text: text + filledSentence(used, lang),
        result: { symbol: 'L', value: loss, unit: LOSS_UNIT },
        point: { N, D, computeFlops: 6 * N * D, loss },
      };
    }

    case 'loss-kaplan-nd': {
      const n0 = need('N_0');
      const d0 = need('D_0');
      const aN = need('alpha_N');
      const aD = need('alpha_D');
      const nv = take('N');
      const dv = take('D');
      const N = nv?.value ?? 1e9;
      const D = dv?.value ?? 2e10;
      const loss = kaplanCombinedLoss(N, D, { nc: n0.value, dc: d0.value, alphaN: aN.value, alphaD: aD.value });
      const unlimited = (n0.value / N) ** aN.value;
      const penalty = (loss / unlimited - 1) * 100;
      const from = [given(labelFor(rec, 'N_0'), n0, lang), given(labelFor(rec, 'D_0'), d0, lang), given('α_N', aN, lang), given('α_D', aD, lang)].join(
        zh ? ',' : ', ',
      );
      const text = zh
        ? `取 N = ${formatParams(N, lang)}、D = ${formatTokens(D, lang)}:L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D ≈ ${f(loss)};若数据无限,L = (N_c/N)^α_N ≈ ${f(unlimited)},因此数据有限使损失高出约 ${f(penalty)}%。所用取值为 ${from}。`
        : `For N = ${formatParams(N, lang)} and D = ${formatTokens(D, lang)}: L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D ≈ ${f(loss)}; with unlimited data it would be (N_c/N)^α_N ≈ ${f(unlimited)}, so the finite data costs about ${f(penalty)}% more loss. Values used: ${from}.`;
      return { text: text + filledSentence(used, lang), result: { symbol: 'L', value: loss, unit: LOSS_UNIT }, point: { N, D, loss } };
    }

    case 'compute-flops': {
      const kValue = need('k').value;
      const nv = take('N');
      const dv = take('D');
      const N = nv?.value ?? 7e10;
      const D = dv?.value ?? 1.4e12;
      const C = kValue * N * D;
      const pfDays = C / FLOPS_PER_PF_DAY;
      const size =
        nv || dv
          ? zh
            ? ` N = ${formatParams(N, lang)}、D = ${formatTokens(D, lang)} 的模型`
            : `N = ${formatParams(N, lang)}, D = ${formatTokens(D, lang)}`
          : zh
            ? '一个 700 亿参数、1.4 万亿 token 的模型(Chinchilla)'
            : 'a 70B-parameter model on 1.4T tokens (Chinchilla)';
      const text = zh
        ? `训练${size}:C ≈ ${f(kValue)} × ${f(N)} × ${f(D)} = ${f(C)} FLOPs,约 ${f(pfDays)} PF-天(1 PF-天 = 8.64e19 FLOPs)。`
        : `Training ${size}: C ≈ ${f(kValue)} × ${f(N)} × ${f(D)} = ${f(C)} FLOPs, about ${f(pfDays)} PF-days (1 PF-day = 8.64e19 FLOPs).`;
      return { text, result: { symbol: 'C', value: C, unit: 'FLOPs' } };
    }
  }
}
