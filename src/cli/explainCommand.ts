// `emergence-lens explain "<text>" [--json] [--lang en|zh]`: the hover's explanation
// on the command line, from the same engine. `args` are the words after "explain".
// Exit codes: 0 explained, 1 nothing recognised, 2 bad arguments.

import { displayValue, type Lang } from '../engine/text';
import { explain, explanationToMarkdown } from '../engine/formulas/explain';
import { formatConstant } from '../engine/format';
import { recognizeAll, type Recognition } from '../engine/formulas/recognize';
import { extractNoteValues } from '../engine/formulas/values';
import { optionValue, parseArgs as parseCliArgs, quoted, UsageError, type ParsedArgs } from './args';
import { cliLang, tl } from './messages';

export interface ExplainIo {
  out(s: string): void;
  err(s: string): void;
}

const EXPLAIN_USAGE = 'usage: emergence-lens explain "<text>" [--json] [--lang en|zh]';

/** The usage line in the message language. */
export function explainUsage(lang: Lang = cliLang()): string {
  return tl(lang, EXPLAIN_USAGE);
}

interface ExplainArgs {
  text: string;
  json: boolean;
  lang: Lang;
}

/** Errors are in `msg`, the message language (--lang if valid, else the environment). `--` ends options. */
function parseArgs(args: readonly string[], msg: Lang): ExplainArgs | string {
  let parsed: ParsedArgs;
  try {
    parsed = parseCliArgs('explain', args, { json: { kind: 'flag' }, lang: { kind: 'string' } }, msg);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  const v = optionValue(parsed, 'lang') ?? 'en';
  if (v !== 'en' && v !== 'zh') return tl(msg, '--lang must be en or zh, got {0}', quoted(v));
  if (parsed.positionals.length > 1) return tl(msg, 'give the text as one argument (quote it)');
  const text = parsed.positionals[0];
  if (text === undefined || text.trim() === '') return tl(msg, 'missing the text to explain');
  return { text, json: parsed.options.has('json'), lang: v };
}

function paramsLine(rec: Recognition, lang: Lang): string {
  const entries = rec.symbols.filter((s) => s.value !== undefined).map((s) => `${s.role} = ${formatConstant(s.value ?? 0)}`);
  if (entries.length > 0) return entries.join(', ');
  return lang === 'zh' ? '(公式中没有写成数字的参数)' : '(none written as numbers)';
}

export function runExplainCommand(args: string[], io: ExplainIo): number {
  const msg = cliLang(args);
  const parsed = parseArgs(args, msg);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${explainUsage(msg)}\n`);
    return 2;
  }
  const recognitions = recognizeAll(parsed.text);
  if (recognitions.length === 0) {
    io.err(tl(msg, 'No scaling-law formula recognised in: {0}\n', displayValue(parsed.text, 200)));
    return 1;
  }
  // Values written in the same text ("…, α = 0.05") feed the worked example.
  const values = extractNoteValues(parsed.text);
  const explained = recognitions.map((rec) => ({ rec, explanation: explain(rec, parsed.lang, values) }));
  if (parsed.json) {
    const payload = {
      recognitions: explained.map(({ rec, explanation }) => ({
        kind: rec.kind,
        text: rec.text,
        start: rec.start,
        end: rec.end,
        relation: rec.relation,
        params: rec.params,
        symbols: rec.symbols,
        explanation,
      })),
      noteValues: values,
    };
    io.out(`${JSON.stringify(payload, null, 2)}\n`);
    return 0;
  }
  const zh = parsed.lang === 'zh';
  const parts = explained.map(({ rec, explanation }) =>
    [
      zh ? `识别为:${rec.kind} — ${rec.text}` : `Recognised: ${rec.kind} — ${rec.text}`,
      zh ? `参数:${paramsLine(rec, parsed.lang)}` : `Parameters: ${paramsLine(rec, parsed.lang)}`,
      '',
      explanationToMarkdown(explanation, parsed.lang),
    ].join('\n'),
  );
  io.out(`${parts.join('\n\n---\n\n')}\n`);
  return 0;
}
