// Turns the many spellings of a formula (Unicode sub/superscripts, Greek letters or
// their names, LaTeX, ASCII) into one canonical token stream. Every token keeps the
// range of the source text it came from, so a recogniser working on tokens can
// point back at the characters under the cursor.
//
// The tokenizer is a single left-to-right pass with no regular expressions, so its
// cost is linear in the length of the range it is given, whatever the input.

type TokenKind =
  /** A symbol: one Latin letter, a Greek letter by name ("alpha"), or "inf" (∞). */
  | 'id'
  | 'num'
  /** + - * / ^ _ */
  | 'op'
  /** ( or [ (LaTeX braces become "("). */
  | 'open'
  | 'close'
  /** = ≈ ∝ */
  | 'rel'
  | 'sep'
  /** A prose word ("testing", "min"): never a symbol, it ends a formula. */
  | 'word'
  /** Math delimiters: $ $$ \( \) \[ \] \begin{…} \end{…}. */
  | 'delim'
  /** Anything else (punctuation, CJK text, unknown commands): ends a formula. */
  | 'brk';

export interface Token {
  kind: TokenKind;
  /** Canonical text: "alpha", "inf", "C", "(", "/", "≈", "1.69". */
  text: string;
  /** The value of a number token. */
  value?: number;
  /** Source range [start, end); zero-width for synthesized tokens. */
  start: number;
  end: number;
  /** Whitespace (or the start of the range) precedes this token in the source. */
  gap: boolean;
  /** Made up by the normalizer (the "/" of \frac, the "^" of a superscript). */
  synthetic?: boolean;
}

/** Greek letters by LaTeX/ASCII name; these names tokenize as symbols. */
const GREEK_NAMES: ReadonlySet<string> = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
]);

/** Greek name → letter, for labels. */
export const GREEK_LETTER: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

export function isGreekName(name: string): boolean {
  return GREEK_NAMES.has(name);
}

/** Greek code points → names. Capitals that look Latin map to the Latin letter. */
const GREEK_CHAR: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'vartheta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  ο: 'o',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁺': '+',
  '⁻': '-',
  '⁼': '=',
  '⁽': '(',
  '⁾': ')',
  ⁿ: 'n',
  ⁱ: 'i',
  ᵅ: 'α',
  ᵝ: 'β',
  ᵞ: 'γ',
  ᵟ: 'δ',
  ᵋ: 'ε',
  ᶿ: 'θ',
  ᶥ: 'ι',
  ᶲ: 'φ',
  ᵠ: 'φ',
  ᵡ: 'χ',
  ᴬ: 'A',
  ᴮ: 'B',
  ᴰ: 'D',
  ᴱ: 'E',
  ᴳ: 'G',
  ᴴ: 'H',
  ᴵ: 'I',
  ᴶ: 'J',
  ᴷ: 'K',
  ᴸ: 'L',
  ᴹ: 'M',
  ᴺ: 'N',
  ᴼ: 'O',
  ᴾ: 'P',
  ᴿ: 'R',
  ᵀ: 'T',
  ᵁ: 'U',
  ᵂ: 'W',
  ᵃ: 'a',
  ᵇ: 'b',
  ᶜ: 'c',
  ᵈ: 'd',
  ᵉ: 'e',
  ᶠ: 'f',
  ᵍ: 'g',
  ʰ: 'h',
  ʲ: 'j',
  ᵏ: 'k',
  ˡ: 'l',
  ᵐ: 'm',
  ᵒ: 'o',
  ᵖ: 'p',
  ʳ: 'r',
  ˢ: 's',
  ᵗ: 't',
  ᵘ: 'u',
  ᵛ: 'v',
  ʷ: 'w',
  ˣ: 'x',
  ʸ: 'y',
  ᶻ: 'z',
};

const SUBSCRIPT: Readonly<Record<string, string>> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  '₊': '+',
  '₋': '-',
  '₌': '=',
  '₍': '(',
  '₎': ')',
  ₐ: 'a',
  ₑ: 'e',
  ₒ: 'o',
  ₓ: 'x',
  ₕ: 'h',
  ₖ: 'k',
  ₗ: 'l',
  ₘ: 'm',
  ₙ: 'n',
  ₚ: 'p',
  ₛ: 's',
  ₜ: 't',
  ᵢ: 'i',
  ᵣ: 'r',
  ᵤ: 'u',
  ᵥ: 'v',
  ⱼ: 'j',
  ᵦ: 'β',
  ᵧ: 'γ',
  ᵨ: 'ρ',
  ᵩ: 'φ',
  ᵪ: 'χ',
};

/** Single characters that map straight to one token. */
const CHAR_TOKEN: Readonly<Record<string, readonly [TokenKind, string]>> = {
  '+': ['op', '+'],
  '＋': ['op', '+'],
  '-': ['op', '-'],
  '−': ['op', '-'],
  '×': ['op', '*'],
  '·': ['op', '*'],
  '⋅': ['op', '*'],
  '∙': ['op', '*'],
  '∗': ['op', '*'],
  '/': ['op', '/'],
  '／': ['op', '/'],
  '∕': ['op', '/'],
  '÷': ['op', '/'],
  '^': ['op', '^'],
  '=': ['rel', '='],
  '＝': ['rel', '='],
  '≈': ['rel', '≈'],
  '≃': ['rel', '≈'],
  '≅': ['rel', '≈'],
  '∼': ['rel', '≈'],
  '~': ['rel', '≈'],
  '∝': ['rel', '∝'],
  '(': ['open', '('],
  '（': ['open', '('],
  '[': ['open', '['],
  ')': ['close', ')'],
  '）': ['close', ')'],
  ']': ['close', ']'],
  ',': ['sep', ','],
  '，': ['sep', ','],
  '∞': ['id', 'inf'],
};

/** LaTeX commands that are a single token. */
const COMMAND_TOKEN: Readonly<Record<string, readonly [TokenKind, string]>> = {
  infty: ['id', 'inf'],
  approx: ['rel', '≈'],
  simeq: ['rel', '≈'],
  sim: ['rel', '≈'],
  cong: ['rel', '≈'],
  thickapprox: ['rel', '≈'],
  propto: ['rel', '∝'],
  coloneqq: ['rel', '='],
  cdot: ['op', '*'],
  times: ['op', '*'],
  ast: ['op', '*'],
  cdotp: ['op', '*'],
  lbrack: ['open', '['],
  rbrack: ['close', ']'],
  lparen: ['open', '('],
  rparen: ['close', ')'],
  min: ['word', 'min'],
  max: ['word', 'max'],
  log: ['word', 'log'],
  ln: ['word', 'ln'],
  exp: ['word', 'exp'],
};

/** Commands that only change the look of the next group: the group's content counts, its braces do not. */
const TRANSPARENT_COMMANDS: ReadonlySet<string> = new Set([
  'mathrm',
  'mathit',
  'mathbf',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathscr',
  'mathbb',
  'mathnormal',
  'boldsymbol',
  'bm',
  'text',
  'textrm',
  'textit',
  'textbf',
  'textsf',
  'operatorname',
  'hat',
  'widehat',
  'tilde',
  'widetilde',
  'bar',
  'overline',
]);

/** Sizing commands before a delimiter: dropped (and a following "." too). */
const SIZING_COMMANDS: ReadonlySet<string> = new Set([
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
]);

/** Commands that are only spacing or style: dropped. */
const SPACE_COMMANDS: ReadonlySet<string> = new Set(['quad', 'qquad', 'displaystyle', 'textstyle', 'scriptstyle', 'nonumber', 'notag', 'limits', 'nolimits']);

const FRAC_COMMANDS: ReadonlySet<string> = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);

const INFINITY_WORDS: ReadonlySet<string> = new Set(['inf', 'infty', 'infinity']);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000 || c === 0x2009 || c === 0x202f;
}

/**
 * Maps a letter from the Mathematical Alphanumeric Symbols block (what PDFs paste
 * as 𝐿, 𝐶, 𝛼) to a plain Latin letter or a Greek name.
 */
function mathAlphanumeric(cp: number): string | undefined {
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    // The block starts at 0x1d400 = 52 × 2304, so cp mod 52 is the place in A…Z a…z.
    const i = cp % 52;
    return String.fromCharCode(i < 26 ? 65 + i : 97 + i - 26);
  }
  // Five Greek styles of 58 code points follow from 0x1d6a8. Below them g is negative
  // and charAt gives "", which names no letter; so do ∇, ∂, ϴ, ϰ, ϱ and ϖ.
  const g = cp - 0x1d6a8;
  return g < 5 * 58 ? GREEK_CHAR[GREEK_STYLE.charAt(g % 58)] : undefined;
}

/** The order of the letters in each Greek style of the Mathematical Alphanumeric Symbols. */
const GREEK_STYLE = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ';

/** What the next "{" means; undefined: an ordinary group. */
type Pending = 'frac' | 'den' | 'transparent' | undefined;

interface Brace {
  /** g: ordinary group "(…)"; t: transparent; f: \frac numerator; d: \frac denominator. */
  kind: 'g' | 't' | 'f' | 'd';
}

/**
 * Tokenizes `text[from, to)`. Offsets in the tokens are offsets into `text`.
 * Never throws; unknown characters become `brk` tokens.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const start = Math.max(0, Math.min(from | 0, text.length));
  const end = Math.max(start, Math.min(to | 0, text.length));
  tokenizeInto(text, start, end, out);
  return out;
}

function tokenizeInto(s: string, from: number, to: number, out: Token[]): void {
  let i = from;
  let gap = true;
  const braces: Brace[] = [];
  // What the next "{" means, set by \frac, \mathrm… and the end of a \frac numerator.
  let pending: Pending;
  // readCommand() changes `pending` behind the compiler's back; read it through this.
  const pendingNow = (): Pending => pending;
  // Start of a \left, \mathrm… that the next token should cover, so hovering the
  // command counts as hovering the formula; -1 when none.
  let leadFrom = -1;

  const push = (kind: TokenKind, text: string, a: number, b: number, extra?: Partial<Token>): void => {
    const from = leadFrom >= 0 ? leadFrom : a;
    leadFrom = -1;
    out.push({ kind, text, start: from, end: b, gap, ...extra });
    gap = false;
  };
  const pushBrk = (a: number, b: number): void => {
    const last = out[out.length - 1];
    // Merge runs of unknown characters so CJK prose costs one token, not one per char
    // (appending stays linear: V8 joins the pieces lazily, once, when the text is read).
    if (last && last.kind === 'brk' && last.end === a && !gap) {
      last.end = b;
      last.text += s.slice(a, b);
      return;
    }
    push('brk', s.slice(a, b), a, b);
  };

  while (i < to) {
    const c = s.charCodeAt(i);
    const ch = s[i];

    if (isSpace(c) || ch === '&') {
      // "&" is LaTeX alignment; inside a formula it is just space.
      gap = true;
      i++;
      continue;
    }

    // \frac12 or \mathrm x without braces: not worth modelling, drop the pending meaning.
    if (ch !== '{') pending = undefined;

    if (isDigit(c) || (ch === '.' && i + 1 < to && isDigit(s.charCodeAt(i + 1)))) {
      let j = i;
      while (j < to && isDigit(s.charCodeAt(j))) j++;
      if (s[j] === '.' && j + 1 < to && isDigit(s.charCodeAt(j + 1))) {
        j++;
        while (j < to && isDigit(s.charCodeAt(j))) j++;
      }
      // Here and below, a character read at the range's end changes nothing: the digit
      // test after it fails there.
      if (s[j] === 'e' || s[j] === 'E') {
        let k = j + 1;
        if (s[k] === '+' || s[k] === '-') k++;
        if (k < to && isDigit(s.charCodeAt(k))) {
          while (k < to && isDigit(s.charCodeAt(k))) k++;
          j = k;
        }
      }
      const text = s.slice(i, j);
      push('num', text, i, j, { value: Number(text) });
      i = j;
      continue;
    }

    if (isAsciiLetter(c)) {
      let j = i;
      while (j < to && isAsciiLetter(s.charCodeAt(j))) j++;
      const word = s.slice(i, j);
      if (GREEK_NAMES.has(word)) push('id', word, i, j);
      else if (INFINITY_WORDS.has(word)) push('id', 'inf', i, j);
      else if (word.length === 1) push('id', word, i, j);
      else if (word.length === 2 && word === word.toUpperCase()) {
        // "ND" in "6ND" is two symbols; longer capitals ("GPU") stay a word.
        push('id', word[0], i, i + 1);
        push('id', word[1], i + 1, j);
      } else push('word', word, i, j);
      i = j;
      continue;
    }

    if (ch === '\\') {
      i = readCommand(i);
      continue;
    }

    if (ch === '$') {
      let j = i;
      while (j < to && s[j] === '$') j++;
      push('delim', s.slice(i, j), i, j);
      i = j;
      continue;
    }

    if (ch === '{') {
      const now = pendingNow();
      const kind: Brace['kind'] = now === 'frac' ? 'f' : now === 'den' ? 'd' : now === 'transparent' ? 't' : 'g';
      pending = undefined;
      braces.push({ kind });
      if (kind !== 't') push('open', '(', i, i + 1);
      i++;
      continue;
    }

    if (ch === '}') {
      const top = braces.pop();
      if (top === undefined || top.kind === 'g') push('close', ')', i, i + 1);
      else if (top.kind === 'f') {
        push('close', ')', i, i + 1);
        push('op', '/', i + 1, i + 1, { synthetic: true });
        pending = 'den';
      } else if (top.kind === 'd') {
        push('close', ')', i, i + 1);
        // Closes the extra parenthesis opened at \frac, so a fraction is one atom.
        push('close', ')', i + 1, i + 1, { synthetic: true });
      }
      i++;
      continue;
    }

    if (SUPERSCRIPT[ch] !== undefined || SUBSCRIPT[ch] !== undefined) {
      const table = SUPERSCRIPT[ch] !== undefined ? SUPERSCRIPT : SUBSCRIPT;
      let j = i;
      let mapped = '';
      while (j < to && table[s[j]] !== undefined) {
        mapped += table[s[j]];
        j++;
      }
      // Each script character maps to exactly one plain character (so offsets line up
      // 1:1, and the inner pass meets no script).
      const inner: Token[] = [];
      tokenizeInto(mapped, 0, mapped.length, inner);
      for (const t of inner) {
        t.start += i;
        t.end += i;
      }
      push('op', table === SUPERSCRIPT ? '^' : '_', i, i, { synthetic: true });
      if (inner.length === 1) out.push({ ...inner[0], gap: false });
      else {
        out.push({ kind: 'open', text: '(', start: i, end: i, gap: false, synthetic: true });
        for (const t of inner) out.push({ ...t, gap: false });
        out.push({ kind: 'close', text: ')', start: j, end: j, gap: false, synthetic: true });
      }
      gap = false;
      i = j;
      continue;
    }

    if (ch === '*' || ch === '_') {
      let j = i;
      while (j < to && s[j] === ch) j++;
      // The token the run is written against, if no space (or start) comes between.
      const touching = gap ? undefined : out[out.length - 1];
      const afterOperand = touching !== undefined && (touching.kind === 'id' || touching.kind === 'num' || touching.kind === 'close');
      // Markdown emphasis (*L(C)*, **bold**, _x_) opens after a space or prose and before
      // a non-space: it must not read as an operator that swallows the formula's start.
      const opensEmphasis =
        j < to && !isSpace(s.charCodeAt(j)) && (touching === undefined || touching.kind === 'brk' || touching.kind === 'word' || touching.kind === 'delim');
      if (opensEmphasis || j - i > 2 || (ch === '_' && j - i > 1)) pushBrk(i, j);
      else if (j - i === 2) {
        // Python's power operator, as notes copied from code write it: (C0/C)**alpha.
        if (afterOperand) push('op', '^', i, j);
        else pushBrk(i, j);
      } else push('op', ch, i, j);
      i = j;
      continue;
    }

    if (ch === ':' && i + 1 < to && s[i + 1] === '=') {
      push('rel', '=', i, i + 2);
      i += 2;
      continue;
    }

    const single = CHAR_TOKEN[ch];
    if (single !== undefined) {
      push(single[0], single[1], i, i + 1);
      i++;
      continue;
    }

    const greek = GREEK_CHAR[ch];
    if (greek !== undefined) {
      push('id', greek, i, i + 1);
      i++;
      continue;
    }

    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff && i + 1 < to) {
      // A surrogate pair (a lone surrogate is one unknown character below).
      const letter = mathAlphanumeric(cp);
      if (letter !== undefined) push('id', letter, i, i + 2);
      else pushBrk(i, i + 2);
      i += 2;
      continue;
    }

    pushBrk(i, i + 1);
    i++;
  }

  function readCommand(at: number): number {
    let j = at + 1;
    if (j >= to) {
      push('brk', '\\', at, j);
      return j;
    }
    if (!isAsciiLetter(s.charCodeAt(j))) {
      const next = s[j];
      if (next === ',' || next === ';' || next === '!' || next === ':' || next === ' ' || next === '>' || next === '\\') {
        gap = true;
      } else if (next === '{') push('open', '(', at, j + 1);
      else if (next === '}') push('close', ')', at, j + 1);
      else if (next === '(' || next === ')' || next === '[' || next === ']') push('delim', '\\' + next, at, j + 1);
      else push('brk', s.slice(at, j + 1), at, j + 1);
      return j + 1;
    }
    while (j < to && isAsciiLetter(s.charCodeAt(j))) j++;
    const name = s.slice(at + 1, j);
    if (GREEK_NAMES.has(name)) push('id', name, at, j);
    else if (Object.hasOwn(COMMAND_TOKEN, name)) {
      // Own keys only: "\\constructor" or "\\toString" are unknown commands, not Object's.
      const [kind, text] = COMMAND_TOKEN[name];
      push(kind, text, at, j);
    } else if (FRAC_COMMANDS.has(name)) {
      // The extra "(" makes the whole fraction one atom: x^\frac{a}{b} stays x^(a/b).
      push('open', '(', at, j);
      pending = 'frac';
    } else if (TRANSPARENT_COMMANDS.has(name)) {
      pending = 'transparent';
      if (leadFrom < 0) leadFrom = at;
    } else if (SIZING_COMMANDS.has(name)) {
      while (j < to && isSpace(s.charCodeAt(j))) j++;
      // At the range's end no token follows, so skipping a "." there changes nothing.
      if (s[j] === '.') j++;
      else if (leadFrom < 0) leadFrom = at;
    } else if (SPACE_COMMANDS.has(name)) gap = true;
    else if (name === 'begin' || name === 'end') {
      // \begin{aligned} … \end{aligned}: the environment name is not math.
      let k = j;
      // Its name is read only within the range and 40 characters (none at the range's end).
      if (s[k] === '{') {
        const close = s.slice(k + 1, Math.min(to, k + 40)).indexOf('}');
        if (close >= 0) k += close + 2;
      }
      push('delim', s.slice(at, k), at, k);
      j = k;
    } else push('brk', s.slice(at, j), at, j);
    return j;
  }
}

/** Canonical text of a token sequence plus, for each character, its source offset. */
export interface CanonicalForm {
  /** Tokens joined by single spaces: "L ( C ) ≈ ( C _ 0 / C ) ^ alpha". */
  text: string;
  /** offsets[k] is the source offset of canonical character k (spaces: of the next token). */
  offsets: number[];
  tokens: Token[];
}

/** Normalizes `text` (or its range) to canonical tokens with a map back to the source. */
export function normalize(text: string, from = 0, to = text.length): CanonicalForm {
  const tokens = tokenize(text, from, to);
  let canonical = '';
  const offsets: number[] = [];
  tokens.forEach((t, k) => {
    if (k > 0) {
      canonical += ' ';
      offsets.push(t.start);
    }
    for (let m = 0; m < t.text.length; m++) {
      canonical += t.text[m];
      // Spread a token's characters over its source range, clamped to the last char.
      offsets.push(Math.min(t.start + m, Math.max(t.start, t.end - 1)));
    }
  });
  return { text: canonical, offsets, tokens };
}
