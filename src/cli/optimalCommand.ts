// `emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan] [--json]`:
// the compute-optimal model size and data of one published fit. The Chinchilla presets
// minimise E + A/N^α + B/D^β under C = 6ND (closed form); `kaplan` is Kaplan et al.
// 2020's own published rule (eq. 6.1, Table 6), with compute in PF-days. Every number
// names its fit; extrapolations past the fit's data and Kaplan's L* get a caution.
// Exit codes: 0 ok, 2 bad arguments.
import { computeOptimal, kaplanOptimalAllocation, type Allocation } from '../engine/laws/allocation';
import {
  FITS,
  FLOPS_PER_PF_DAY,
  KAPLAN_BREAKDOWN_LOSS,
  citationShort,
  fitConstantsText,
  fittedComputeFlops,
  kaplanOptimalText,
  type FitId,
} from '../engine/laws/fits';
import { chinchillaParamsOf } from '../engine/laws/presets';
import { formatCount, formatPfDays } from '../engine/format';
import type { Lang } from '../engine/text';
import { cliLang, padDisplay, tl } from './messages';
import { choiceOption, noExtraPositionals, optionValue, parseArgs, parseNumberArg, UsageError } from './args';

export interface OptimalIo {
  out(s: string): void;
  err(s: string): void;
}

type OptimalPresetId = 'chinchilla' | 'epoch' | 'kaplan';

const OPTIMAL_PRESETS: Readonly<Record<OptimalPresetId, FitId>> = {
  chinchilla: 'hoffmann2022',
  epoch: 'besiroglu2024',
  kaplan: 'kaplan2020-optimal',
};

interface OptimalWarning {
  code: string;
  message: string;
}

/** What `optimal --json` prints. */
interface OptimalResult {
  compute: number;
  preset: OptimalPresetId;
  fit: { id: FitId; citation: string; where: string };
  params: number;
  tokens: number;
  tokensPerParam: number;
  loss: number;
  method: string;
  warnings: OptimalWarning[];
}

function sci(x: number): string {
  return x.toExponential(2);
}

/** Cautions for a budget whose optimum lies outside the data the fit was fitted on, or past Kaplan's L*. */
function optimalWarnings(fitId: FitId, a: Allocation, lang: Lang): OptimalWarning[] {
  const fit = FITS[fitId];
  const out: OptimalWarning[] = [];
  const name = fit.label[lang];
  const check = (x: number, r: readonly [number, number] | undefined, what: string, unit: string): void => {
    if (!r || (x >= r[0] && x <= r[1])) return;
    out.push({
      code: 'extrapolation-range',
      message: tl(lang, '{0} = {1} is outside the range {2} was fitted on ({3}–{4} {5}): an extrapolation', what, sci(x), name, sci(r[0]), sci(r[1]), unit),
    });
  };
  check(a.compute, fittedComputeFlops(fit), 'C', 'FLOPs');
  check(a.params, fit.range.params, 'N_opt', tl(lang, 'parameters'));
  check(a.tokens, fit.range.tokens, 'D_opt', tl(lang, 'tokens'));
  if (fitId.startsWith('kaplan') && a.loss < KAPLAN_BREAKDOWN_LOSS) {
    out.push({
      code: 'extrapolation-past-breakdown',
      message: tl(
        lang,
        'L = {0} is below L* ≈ 1.7 nats, where Kaplan et al. expect their laws to break down (§6.3): not a prediction to trust',
        a.loss.toFixed(3),
      ),
    });
  }
  return out;
}

/** The allocation of one preset at `compute` FLOPs, with its method and cautions. */
function optimalFor(compute: number, preset: OptimalPresetId, lang: Lang): OptimalResult {
  const fitId = OPTIMAL_PRESETS[preset];
  const fit = FITS[fitId];
  let a: Allocation;
  let method: string;
  if (preset === 'kaplan') {
    a = kaplanOptimalAllocation(compute);
    method = `Kaplan et al. 2020 eq. 6.1 / Table 6: ${kaplanOptimalText()} (C_min in PF-days); loss from L(C_min) = (C_c^min/C_min)^α_C^min, eq. 1.3 with ${fitConstantsText('kaplan2020-compute')}`;
  } else {
    const p = chinchillaParamsOf(fitId);
    a = computeOptimal(compute, p);
    const sum = p.alpha + p.beta;
    const g = Math.pow((p.alpha * p.A) / (p.beta * p.B), 1 / sum);
    method = `closed form under C = 6ND (Hoffmann et al. 2022, eq. 4): N_opt = G·(C/6)^a, D_opt = (C/6)^b / G, G = ${g.toPrecision(4)}, a = β/(α+β) = ${(p.beta / sum).toFixed(4)}, b = α/(α+β) = ${(p.alpha / sum).toFixed(4)}`;
  }
  return {
    compute,
    preset,
    fit: { id: fitId, citation: `${citationShort(fit.citation, 'en')}, "${fit.citation.title}" (${fit.citation.venue})`, where: fit.where },
    params: a.params,
    tokens: a.tokens,
    tokensPerParam: a.tokensPerParam,
    loss: a.loss,
    method,
    warnings: optimalWarnings(fitId, a, lang),
  };
}

function describe(r: OptimalResult, lang: Lang): string[] {
  const fit = FITS[r.fit.id];
  const lines: string[] = [];
  lines.push(tl(lang, 'Compute-optimal allocation at C = {0} FLOPs ({1}; 1 PF-day = 8.64e19 FLOPs)', sci(r.compute), formatPfDays(r.compute)));
  lines.push(tl(lang, 'Preset {0}: ', r.preset) + `${r.fit.citation}, ${fit.where}`);
  if (r.preset === 'kaplan') {
    const pf = r.compute / FLOPS_PER_PF_DAY;
    lines.push(tl(lang, "  method: Kaplan et al. 2020's published rule (eq. 6.1, Table 6, Fig. 14), with C_min = {0} PF-days:", pf.toPrecision(4)));
    lines.push(`    ${kaplanOptimalText()},  L = (C_c^min/C_min)^α_C^min with ${fitConstantsText('kaplan2020-compute')}`);
    lines.push(
      tl(
        lang,
        '  note: the rule comes from L(N, S_min) at the critical batch size, not from C = 6ND (here 6·N·D = {0} FLOPs); N counts non-embedding parameters; loss in nats per token on WebText2, not comparable with the Chinchilla presets',
        sci(6 * r.params * r.tokens),
      ),
    );
  } else {
    const p = chinchillaParamsOf(r.fit.id);
    lines.push(`  L(N,D) = E + A/N^α + B/D^β, E = ${p.E}, A = ${p.A}, B = ${p.B}, α = ${p.alpha}, β = ${p.beta}`);
    lines.push(tl(lang, '  method: {0}', r.method.replace('closed form under C = 6ND', tl(lang, 'closed form under C = 6ND'))));
    if (r.preset === 'chinchilla') {
      lines.push(
        tl(
          lang,
          "  note: approach 3's rounded constants; Hoffmann et al.'s approaches 1 and 2 (Table 3) and Besiroglu et al.'s refit (--preset epoch) give about 20 tokens per parameter, and Besiroglu et al. showed the rounding biases approach 3",
        ),
      );
    }
  }
  const row = (label: string, value: string): string => `${padDisplay(label, 16)}${value}`;
  const counts = (x: number): string => tl(lang, ' ({0} · {1})', formatCount(x, 'en'), formatCount(x, 'zh'));
  lines.push(row('N_opt', `${sci(r.params)} ${tl(lang, 'parameters')}${counts(r.params)}`));
  lines.push(row('D_opt', `${sci(r.tokens)} ${tl(lang, 'tokens')}${counts(r.tokens)}`));
  lines.push(row(tl(lang, 'tokens/param'), r.tokensPerParam.toPrecision(3)));
  lines.push(row(tl(lang, 'predicted loss'), r.loss.toFixed(4)));
  for (const w of r.warnings) lines.push(tl(lang, 'caution [{0}]: {1}', w.code, w.message));
  return lines;
}

interface OptimalArgs {
  compute: number;
  preset: OptimalPresetId;
  json: boolean;
}

/** The command line of `optimal`, through the CLI's one argument parser (src/cli/args.ts). */
function parse(argv: readonly string[], lang: Lang): OptimalArgs {
  const args = parseArgs('optimal', argv, { compute: { kind: 'string' }, preset: { kind: 'string' }, json: { kind: 'flag' }, lang: { kind: 'string' } }, lang);
  noExtraPositionals('optimal', args.positionals, 0, lang);
  const raw = optionValue(args, 'compute');
  if (raw === undefined) throw new UsageError(tl(lang, 'optimal: --compute FLOPS is required (e.g. --compute 5.76e23)'));
  const compute = parseNumberArg('optimal', '--compute', raw, { min: 6, minExclusive: true }, lang);
  const preset = choiceOption('optimal', args, 'preset', Object.keys(OPTIMAL_PRESETS) as OptimalPresetId[], 'chinchilla', lang);
  return { compute, preset, json: args.options.has('json') };
}

/** Runs `optimal`; errors are one line prefixed "emergence-lens: " (exit 2). */
export function runOptimalCommand(argv: readonly string[], io: OptimalIo): number {
  const lang = cliLang(argv);
  let parsed: OptimalArgs;
  try {
    parsed = parse(argv, lang);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`emergence-lens: ${err.message}`);
    return 2;
  }
  const result = optimalFor(parsed.compute, parsed.preset, lang);
  io.out(parsed.json ? JSON.stringify(result, null, 2) : describe(result, lang).join('\n'));
  return 0;
}
