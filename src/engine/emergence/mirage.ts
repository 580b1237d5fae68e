/**
 * Schaeffer, Miranda, Koyejo 2023, "Are Emergent Abilities of Large Language Models a
 * Mirage?" (NeurIPS 2023, arXiv:2304.15004), §2: one model family whose per-token
 * cross-entropy falls as a power law in parameters, L_CE(N) = (c/N)^α, so the per-token
 * probability of the right token p(N) = exp(−L_CE(N)) rises smoothly; scored by
 *   exact match on a target of L tokens      p^L            (sharp, "emergent")
 *   token edit distance                      L·(1 − p)      (linear in p, smooth)
 *   multiple-choice grade (K options)        1 if p exceeds every distractor's share
 *   Brier score (K options, lower is better) (1 − p)² + (K − 1)·((1 − p)/(K − 1))²
 * A test set of n examples cannot show an accuracy below 1/n: the resolution floor.
 */
import { logspace } from '../laws/powerLaws';
import { KAPLAN_2020 } from '../laws/presets';

export interface MirageLaw {
  /** c in L_CE(N) = (c/N)^α, in parameters. */
  c: number;
  alpha: number;
}

/**
 * Defaults chosen for the lens (not a published fit): p = e^(−(c/N)^α) rises from 0.010
 * at 1e8 parameters to 0.990 at 1e12 (L_CE from 4.57 to 0.0105 nats).
 */
export const MIRAGE_DEFAULT_LAW: MirageLaw = { c: 1e9, alpha: 0.66 };

/**
 * Kaplan et al. 2020's L(N) = (Nc/N)^αN (Nc = 8.8e13 non-embedding parameters,
 * αN = 0.076; nats per token on WebText2) as the per-token loss: the whole-vocabulary
 * loss, so p = e^(−L) is the geometric-mean probability of the right token.
 */
export const MIRAGE_KAPLAN_LAW: MirageLaw = { c: KAPLAN_2020.params.nc, alpha: KAPLAN_2020.params.alphaN };

export function perTokenLoss(n: number, law: MirageLaw): number {
  return Math.pow(law.c / n, law.alpha);
}

export interface MirageRow {
  params: number;
  perTokenLoss: number;
  perTokenAccuracy: number;
  exactMatch: number;
  tokenEditDistance: number;
  /** 1 when the right option is the most likely of K, else 0. */
  multipleChoiceGrade: number;
  brierScore: number;
}

export interface MirageOptions {
  /** Target length L in tokens. */
  length: number;
  /** Options of the multiple-choice question (≥ 2). */
  choices?: number;
}

/**
 * The multiple-choice reading: the model puts p on the right option and spreads 1 − p
 * evenly over K − 1 distractors, so it is graded right once p > (1 − p)/(K − 1),
 * i.e. p > 1/K: a step, like exact match, from a smooth p.
 */
export function mirageRow(n: number, law: MirageLaw, o: MirageOptions): MirageRow {
  const k = Math.max(2, Math.floor(o.choices ?? 4));
  const loss = perTokenLoss(n, law);
  const p = Math.exp(-loss);
  const q = (1 - p) / (k - 1);
  return {
    params: n,
    perTokenLoss: loss,
    perTokenAccuracy: p,
    exactMatch: Math.pow(p, o.length),
    tokenEditDistance: o.length * (1 - p),
    multipleChoiceGrade: p > q ? 1 : 0,
    brierScore: (1 - p) ** 2 + (k - 1) * q * q,
  };
}

/** Rows on a log grid of parameter counts, fromExp…toExp (decades), `count` points. */
export function mirageTable(law: MirageLaw, o: MirageOptions, fromExp = 7, toExp = 13, count = 61): MirageRow[] {
  return logspace(fromExp, toExp, count).map((n) => mirageRow(n, law, o));
}

/** The smallest accuracy a test set of `size` examples can tell from zero. */
export function resolutionFloor(size: number): number {
  return 1 / Math.max(1, size);
}
