// The published values an explanation quotes, built from the fits registry
// (src/engine/laws/fits.ts): each formula kind lists only the fits of its own law,
// with the fit's label and, where the paper gives them, standard errors.
import { FITS, type FitId } from '../laws/fits';
import type { Bilingual, Lang } from '../text';
import { KIND_MODELS } from './fitChoice';
import type { FormulaKind, SymbolRole } from './recognize';

export type SourceId = 'kaplan2020' | 'hoffmann2022' | 'besiroglu2024' | 'seed';

export interface Source {
  id: SourceId;
  label: Bilingual;
  title: string;
  url?: string;
}

const citationSource = (id: SourceId, fit: FitId, zhName: string): Source => {
  const c = FITS[fit].citation;
  const first = c.authors.split(',')[0].trim();
  return {
    id,
    label: { en: `${first} et al. ${c.year}`, zh: `${zhName} 等,${c.year}` },
    title: `${c.title} (${c.venue.replace(/^.*?(arXiv:\S+)$/, '$1')})`,
    url: c.url,
  };
};

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  kaplan2020: citationSource('kaplan2020', 'kaplan2020-joint', 'Kaplan'),
  hoffmann2022: citationSource('hoffmann2022', 'hoffmann2022', 'Hoffmann'),
  besiroglu2024: citationSource('besiroglu2024', 'besiroglu2024', 'Besiroglu'),
  seed: { id: 'seed', label: { en: 'the seed article, 1.3', zh: '原文 1.3 节' }, title: 'Emergence Lens seed article, section 1.3' },
};

/** The paper a fit is printed in. */
export function sourceOfFit(fit: FitId): SourceId {
  return fit.startsWith('kaplan') ? 'kaplan2020' : fit === 'hoffmann2022' ? 'hoffmann2022' : 'besiroglu2024';
}

export interface PublishedValue {
  value?: number;
  /** Shown instead of the number when set (a range such as "0.05–0.1"). */
  text?: string;
  source: SourceId;
  /** The fit the value belongs to (none for the seed's prose). */
  fit?: FitId;
  note?: Bilingual;
  /** Published standard error. */
  se?: number;
  /** Computed from a paper's constants rather than printed in it: shown to 3 digits. */
  derived?: boolean;
}

const FIT_NOTES: Partial<Record<FitId, Bilingual>> = {
  'kaplan2020-params': { en: 'eq. 1.1, non-embedding parameters', zh: '式 1.1,非嵌入参数' },
  'kaplan2020-data': { en: 'eq. 1.2', zh: '式 1.2' },
  'kaplan2020-compute': { en: 'eq. 1.3, C in PF-days', zh: '式 1.3,C 以 PF-天计' },
  'kaplan2020-joint': { en: 'eq. 1.5, Table 2', zh: '式 1.5,表 2' },
  hoffmann2022: { en: 'approach 3, eq. 10', zh: '方法 3,式 10' },
  besiroglu2024: { en: 'Epoch refit, ± standard error', zh: 'Epoch 重新拟合,± 标准误' },
};

const DERIVED_NOTE: Partial<Record<SymbolRole, Bilingual>> = {
  N_0: { en: 'as A^(1/α)', zh: '即 A^(1/α)' },
  D_0: { en: 'as B^(1/β)', zh: '即 B^(1/β)' },
};

function buildPublished(): Record<FormulaKind, Partial<Record<SymbolRole, PublishedValue[]>>> {
  const out = {} as Record<FormulaKind, Partial<Record<SymbolRole, PublishedValue[]>>>;
  for (const kind of Object.keys(KIND_MODELS) as FormulaKind[]) {
    const model = KIND_MODELS[kind];
    const rows: Partial<Record<SymbolRole, PublishedValue[]>> = {};
    for (const [role, c] of Object.entries(model.constants) as [SymbolRole, NonNullable<(typeof model.constants)[SymbolRole]>][]) {
      rows[role] = model.fits.map((fit) => {
        const value = c.get(fit);
        const printed = Object.values(FITS[fit].constants).find((k) => k.value === value);
        const derived = printed === undefined;
        const note = derived ? DERIVED_NOTE[role] : FIT_NOTES[fit];
        return {
          value,
          source: sourceOfFit(fit),
          fit,
          ...(note ? { note } : {}),
          ...(printed?.se !== undefined ? { se: printed.se } : {}),
          ...(derived ? { derived } : {}),
        };
      });
    }
    out[kind] = rows;
  }
  // The seed's prose range for the compute exponent, and the 6 of C ≈ 6ND (a convention, not a fit).
  out['loss-compute'].alpha?.push({ text: '0.05–0.1', source: 'seed' });
  out['compute-flops'].k = [{ value: 6, source: 'kaplan2020', note: { en: '2 forward + 4 backward', zh: '前向 2 + 反向 4' } }];
  return out;
}

/** Published values per kind and role, from the fits of the kind's own law; the first is the default fit's. */
export const PUBLISHED: Readonly<Record<FormulaKind, Partial<Record<SymbolRole, readonly PublishedValue[]>>>> = buildPublished();

export const KIND_SOURCES: Readonly<Record<FormulaKind, readonly SourceId[]>> = {
  'loss-compute': ['seed', 'kaplan2020'],
  'loss-params': ['kaplan2020'],
  'loss-data': ['kaplan2020'],
  'loss-additive': ['seed', 'hoffmann2022', 'besiroglu2024'],
  'loss-chinchilla': ['hoffmann2022', 'besiroglu2024'],
  'loss-kaplan-nd': ['kaplan2020'],
  'compute-flops': ['kaplan2020', 'hoffmann2022'],
};

export function sourceLabel(id: SourceId, lang: Lang): string {
  return SOURCES[id].label[lang];
}
