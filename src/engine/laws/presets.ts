// Published constants with their sources. Values are the papers' own; units noted.
import type { ChinchillaParams, KaplanCombinedParams } from './powerLaws';

export interface Citation {
  authors: string;
  year: number;
  title: string;
  venue: string;
  url: string;
}

export const KAPLAN_2020_CITATION: Citation = {
  authors: 'Kaplan, McCandlish, Henighan, Brown, Chess, Child, Gray, Radford, Wu, Amodei',
  year: 2020,
  title: 'Scaling Laws for Neural Language Models',
  venue: 'arXiv:2001.08361',
  url: 'https://arxiv.org/abs/2001.08361',
};

export const HOFFMANN_2022_CITATION: Citation = {
  authors: 'Hoffmann, Borgeaud, Mensch, et al.',
  year: 2022,
  title: 'Training Compute-Optimal Large Language Models',
  venue: 'NeurIPS 2022, arXiv:2203.15556',
  url: 'https://arxiv.org/abs/2203.15556',
};

export const BESIROGLU_2024_CITATION: Citation = {
  authors: 'Besiroglu, Erdil, Barnett, You',
  year: 2024,
  title: 'Chinchilla Scaling: A replication attempt',
  venue: 'arXiv:2404.10102',
  url: 'https://arxiv.org/abs/2404.10102',
};

/** Kaplan et al. 2020, Table 5 / eq. 1.1–1.5. Nc, Dc in parameters / tokens; Cc,min in PF-days. */
export const KAPLAN_2020 = {
  citation: KAPLAN_2020_CITATION,
  /** L(N) = (Nc/N)^αN (non-embedding parameters). */
  params: { alphaN: 0.076, nc: 8.8e13 },
  /** L(D) = (Dc/D)^αD (tokens). */
  data: { alphaD: 0.095, dc: 5.4e13 },
  /** L(Cmin) = (Cc,min/Cmin)^αC,min, compute in PF-days. */
  compute: { alphaC: 0.05, ccPfDays: 3.1e8 },
  /** eq. 1.5 fit (Table 2). */
  combined: { alphaN: 0.076, alphaD: 0.103, nc: 6.4e13, dc: 1.8e13 } satisfies KaplanCombinedParams,
} as const;

/** Hoffmann et al. 2022, eq. 10 (approach 3). */
export const HOFFMANN_2022: { citation: Citation; params: ChinchillaParams } = {
  citation: HOFFMANN_2022_CITATION,
  params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
};

/** Besiroglu et al. 2024, the replication's refit of approach 3. */
export const BESIROGLU_2024: { citation: Citation; params: ChinchillaParams } = {
  citation: BESIROGLU_2024_CITATION,
  params: { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
};

export type ChinchillaPresetId = 'chinchilla' | 'epoch';

export const CHINCHILLA_PRESETS: Record<ChinchillaPresetId, { citation: Citation; params: ChinchillaParams }> = {
  chinchilla: HOFFMANN_2022,
  epoch: BESIROGLU_2024,
};

/** One PF-day in FLOPs: 1e15 FLOP/s × 86,400 s. */
export const FLOPS_PER_PF_DAY = 8.64e19;
