// A seed section's report without the "illustrative numbers" caption that chartKit's
// illustrative() puts first, so tests can compare the rest with the seed's printout.
import { ILLUSTRATIVE_CAPTION, MEASURED_EMERGENCE_NOTE } from '../../../src/sections/chartKit';

export function withoutCaption(report: string | undefined): string | undefined {
  if (report === undefined) return undefined;
  const captions = new Set<string>([ILLUSTRATIVE_CAPTION.en, ILLUSTRATIVE_CAPTION.zh, MEASURED_EMERGENCE_NOTE.en, MEASURED_EMERGENCE_NOTE.zh]);
  const lines = report.split('\n');
  let i = 0;
  while (i < lines.length && captions.has(lines[i])) i++;
  if (i === 0) throw new Error('the report does not start with the illustrative caption');
  return lines.slice(lines[i] === '' ? i + 1 : i).join('\n');
}
