// Writes src/engine/emergence/shippedFits.generated.ts: the engine's own emergence fits
// (overall and per family, with their seeded bootstrap intervals) of every shipped task on
// every axis, so a page draws the shipped data without 200 refits per group. The file
// records a digest of the sources the fits depend on; the unit tests recompute several
// entries with the engine (exact equality) and require the digest to be current.
// Run:   npx tsx test/generate/shippedFits.ts           (writes the file)
//        npx tsx test/generate/shippedFits.ts --check   (exit 1 when the file is stale)
//        npx tsx test/generate/shippedFits.ts --if-stale   (regenerate only when a source changed: npm run build)
import { createHash } from 'node:crypto';
import { deepStrictEqual } from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as prettier from 'prettier';
import { analyzeTask, SCALE_AXES, scoredAlongside, type AxisOptions } from '../../src/engine/emergence/analysis';
import { packStoredFits, storedFitsKey, unpackStoredFits, type PackedFits, type StoredFits } from '../../src/engine/emergence/storedFits';
import { buildObsscalingTable, packShippedTable, type EmergenceTable } from '../../src/engine/emergence/data';
import { EMERGENCE_BOOTSTRAP } from '../../src/engine/emergence/fit';
import { OBSSCALING_TASKS, type TaskInfo } from '../../src/engine/emergence/tasks';
import { CHINCHILLA_PRESETS, type ChinchillaPresetId } from '../../src/engine/laws/presets';

const REPO = resolve(__dirname, '..', '..');
const GENERATED_PATH = join(REPO, 'src', 'engine', 'emergence', 'shippedFits.generated.ts');
/** Where the fits' inputs come from: the table, the tasks, the loss fits and the fitting code. */
const ROOTS = ['src/engine/emergence/analysis.ts', 'src/engine/emergence/data.ts', 'src/engine/emergence/tasks.ts', 'src/engine/laws/presets.ts'];

/** Every local source the roots import, transitively (the generated file itself excluded). */
function fitSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || file === GENERATED_PATH) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.[^']+)'/g)) {
      const base = resolve(dirname(file), m[1]);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (!target) throw new Error(`${relative(REPO, file)}: cannot resolve ${m[1]}`);
      visit(target);
    }
  };
  for (const root of ROOTS) visit(join(REPO, root));
  return [...seen].sort();
}

/** sha-256 over the sources the fits depend on, each with its repository path. */
export function fitSourcesDigest(): string {
  const hash = createHash('sha256');
  for (const file of fitSources()) hash.update(`${relative(REPO, file).split('\\').join('/')}\n${readFileSync(file, 'utf8')}\n`);
  return hash.digest('hex');
}

interface StoredSetting {
  taskId: string;
  o: AxisOptions;
  /** Only the models also scored on these tasks. */
  alongside?: string[];
}

/**
 * Every task × axis (× loss fit) of the shipped table, as the section, hover and report ask
 * for them, and the mirage lens's twin: IPA exact match and BLEU on the same models' FLOPs.
 */
export function storedSettings(): StoredSetting[] {
  const axes = SCALE_AXES.flatMap((axis): AxisOptions[] =>
    axis === 'loss' ? (Object.keys(CHINCHILLA_PRESETS) as ChinchillaPresetId[]).map((lossFit) => ({ axis, lossFit })) : [{ axis }],
  );
  const twin: StoredSetting[] = [
    { taskId: 'ipa-exact-match', o: { axis: 'flops' }, alongside: ['ipa-bleu'] },
    { taskId: 'ipa-bleu', o: { axis: 'flops' }, alongside: ['ipa-exact-match'] },
  ];
  return [...OBSSCALING_TASKS.flatMap((task) => axes.map((o) => ({ taskId: task.id, o }))), ...twin];
}

function shippedTask(id: string): TaskInfo {
  const task = OBSSCALING_TASKS.find((t) => t.id === id);
  if (!task) throw new Error(`unknown task ${id}`);
  return task;
}

let csvTable: EmergenceTable | undefined;
/** The table read from the CSVs themselves, never from the file this writes. */
function shippedCsvTable(): EmergenceTable {
  csvTable ??= buildObsscalingTable();
  return csvTable;
}

/** The engine's fits for one entry. */
export function computeStoredFits(taskId: string, o: AxisOptions, alongside: readonly string[] = []): StoredFits {
  const table = scoredAlongside(shippedCsvTable(), alongside.map(shippedTask));
  const a = analyzeTask(table, shippedTask(taskId), o, EMERGENCE_BOOTSTRAP);
  return { ...(a.overall ? { overall: a.overall.fit } : {}), families: a.families.map((f) => ({ family: f.family, fit: f.fit })) };
}

async function renderShippedFits(): Promise<string> {
  const entries: Record<string, PackedFits> = {};
  for (const { taskId, o, alongside } of storedSettings()) {
    const fits = computeStoredFits(taskId, o, alongside);
    entries[storedFitsKey(taskId, o, alongside)] = packStoredFits(fits);
    // JSON keeps every double exactly (shortest round-trip form); -0, NaN and ±∞ it would not.
    deepStrictEqual(unpackStoredFits(JSON.parse(JSON.stringify(packStoredFits(fits))) as PackedFits), fits, 'the fits do not survive packing');
  }
  const json = JSON.stringify(entries);
  const text = [
    '// GENERATED by `npx tsx test/generate/shippedFits.ts` — do not edit.',
    "// The engine's emergence fits (analyzeTask with EMERGENCE_BOOTSTRAP: 200 resamples, seed 1,",
    '// 95%) of every shipped task on every axis of the ObsScaling table (Ruan et al. 2024), keyed',
    '// by storedFitsKey, and the table itself as buildObsscalingTable reads it from the CSVs.',
    '// SHIPPED_FITS_SOURCES is the sha-256 of the sources they depend on.',
    `export const SHIPPED_FITS_SOURCES = '${fitSourcesDigest()}';`,
    '',
    '/** JSON of Record<key, PackedFits> (storedFits.ts), parsed on first use. */',
    `export const SHIPPED_FITS_JSON = ${JSON.stringify(json)};`,
    '',
    '/** The ObsScaling table (packShippedTable in data.ts): a page parses this, not the CSVs. */',
    `export const SHIPPED_TABLE_JSON = ${JSON.stringify(packShippedTable(shippedCsvTable()))};`,
    '',
  ].join('\n');
  return prettier.format(text, { ...(await prettier.resolveConfig(GENERATED_PATH)), filepath: GENERATED_PATH });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  // `npm run build` regenerates the file when a source the fits depend on changed (seconds) and skips it otherwise.
  if (process.argv.includes('--if-stale')) {
    const written = existsSync(GENERATED_PATH) ? /SHIPPED_FITS_SOURCES = '([0-9a-f]+)'/.exec(readFileSync(GENERATED_PATH, 'utf8'))?.[1] : undefined;
    if (written === fitSourcesDigest()) return;
    console.log(`${relative(REPO, GENERATED_PATH)}: its sources changed, regenerating`);
  }
  const text = await renderShippedFits();
  const current = existsSync(GENERATED_PATH) ? readFileSync(GENERATED_PATH, 'utf8') : '';
  if (check) {
    if (current !== text) {
      console.error(`${relative(REPO, GENERATED_PATH)} is stale: run npx tsx test/generate/shippedFits.ts`);
      process.exitCode = 1;
    } else console.log(`${relative(REPO, GENERATED_PATH)} is current`);
    return;
  }
  writeFileSync(GENERATED_PATH, text);
  console.log(`wrote ${relative(REPO, GENERATED_PATH)}`);
}

if (require.main === module) void main();
