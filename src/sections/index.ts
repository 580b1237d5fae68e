// The registry: every section of the seed article, in reading order.
// A new section is one folder plus one line here.
import type { Section } from './types';
import { scalingLawsSection } from './scaling-laws';
import { scalingFormulasSection } from './scaling-formulas';
import { phaseTransitionSection } from './phase-transition';
import { mathReasoningSection } from './math-reasoning';
import { codeGenerationSection } from './code-generation';
import { representationsSection } from './representations';
import { implicationsSection } from './implications';
import { emergenceRealSection } from './emergence-real';
import { mirageSection } from './mirage';

export const SECTIONS: readonly Section[] = [
  scalingLawsSection,
  scalingFormulasSection,
  phaseTransitionSection,
  mathReasoningSection,
  codeGenerationSection,
  representationsSection,
  implicationsSection,
  emergenceRealSection,
  mirageSection,
];

export function findSection(id: string): Section | undefined {
  return SECTIONS.find((s) => s.id === id);
}
