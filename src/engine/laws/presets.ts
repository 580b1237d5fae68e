// The published fits in the shapes the law functions take. Every number comes from
// fits.ts (the one registry); nothing here is typed twice.
import { FITS, fitValue, type Citation, type FitId } from './fits';
import type { ChinchillaParams, KaplanCombinedParams } from './powerLaws';

export { BESIROGLU_2024_CITATION, FLOPS_PER_PF_DAY, HOFFMANN_2022_CITATION, KAPLAN_2020_CITATION, type Citation } from './fits';

/** The Chinchilla-form constants of a fit of that law. */
export function chinchillaParamsOf(id: FitId): ChinchillaParams {
  return { E: fitValue(id, 'E'), A: fitValue(id, 'A'), B: fitValue(id, 'B'), alpha: fitValue(id, 'alpha'), beta: fitValue(id, 'beta') };
}

/** Kaplan et al. 2020, Table 5 / eq. 1.1–1.5. Nc, Dc in parameters / tokens; Cc,min in PF-days. */
export const KAPLAN_2020 = {
  citation: FITS['kaplan2020-joint'].citation,
  /** L(N) = (Nc/N)^αN (non-embedding parameters). */
  params: { alphaN: fitValue('kaplan2020-params', 'alphaN'), nc: fitValue('kaplan2020-params', 'nc') },
  /** L(D) = (Dc/D)^αD (tokens). */
  data: { alphaD: fitValue('kaplan2020-data', 'alphaD'), dc: fitValue('kaplan2020-data', 'dc') },
  /** L(Cmin) = (Cc,min/Cmin)^αC,min, compute in PF-days. */
  compute: { alphaC: fitValue('kaplan2020-compute', 'alphaC'), ccPfDays: fitValue('kaplan2020-compute', 'ccMin') },
  /** eq. 1.5 fit (Table 2). */
  combined: {
    alphaN: fitValue('kaplan2020-joint', 'alphaN'),
    alphaD: fitValue('kaplan2020-joint', 'alphaD'),
    nc: fitValue('kaplan2020-joint', 'nc'),
    dc: fitValue('kaplan2020-joint', 'dc'),
  } satisfies KaplanCombinedParams,
} as const;

/** Hoffmann et al. 2022, eq. 10 (approach 3). */
export const HOFFMANN_2022: { citation: Citation; params: ChinchillaParams } = {
  citation: FITS.hoffmann2022.citation,
  params: chinchillaParamsOf('hoffmann2022'),
};

/** Besiroglu et al. 2024, the replication's refit of approach 3. */
export const BESIROGLU_2024: { citation: Citation; params: ChinchillaParams } = {
  citation: FITS.besiroglu2024.citation,
  params: chinchillaParamsOf('besiroglu2024'),
};

export type ChinchillaPresetId = 'chinchilla' | 'epoch';

export const CHINCHILLA_PRESETS: Record<ChinchillaPresetId, { citation: Citation; params: ChinchillaParams }> = {
  chinchilla: HOFFMANN_2022,
  epoch: BESIROGLU_2024,
};
