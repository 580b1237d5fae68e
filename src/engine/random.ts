/**
 * Seeded random numbers that reproduce numpy's LEGACY global generator
 * (`np.random.seed(s)` followed by `np.random.random_sample` / `np.random.normal`)
 * bit for bit.
 *
 * Why it exists: the seed article's Python script draws its representation
 * scatter panels with `np.random.seed(42)` then `np.random.normal(0, 0.3, 20)`
 * (and `normal(0, 0.5, 15)`) in a fixed order. Reproducing numpy's exact
 * sequence lets our panels show the very same points as the article's figures,
 * instead of points that merely look alike.
 *
 * What is reproduced (numpy/random/src/mt19937 and legacy/legacy-distributions.c):
 *  - MT19937; an integer seed uses `init_genrand` (numpy's `mt19937_seed`),
 *    an array seed uses `init_by_array`, exactly as `RandomState._legacy_seeding`.
 *  - `random_sample`: 53-bit double ((a >> 5) * 2^26 + (b >> 6)) / 2^53.
 *  - `normal`: polar Box–Muller `legacy_gauss`, which makes two values per
 *    accepted pair and caches the second one; reseeding drops the cache.
 *  - the natural log inside `legacy_gauss`: V8's `Math.log` is only faithful
 *    (within 1 ulp) and differs from glibc's `log` on some seed-42 draws, so we
 *    use our own correctly rounded `logCorrectlyRounded`, which agrees with
 *    glibc (whose log is correctly rounded in practice).
 *
 * Pure: imports nothing, so the engine layer stays free of node, vscode and DOM.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MAX_SEED = 0xffffffff;

/** A seed as numpy's legacy `np.random.seed` accepts it (no `None`: we must be deterministic). */
export type NumpySeed = number | readonly number[];

function checkSeedWord(v: number): void {
  // numpy rejects out-of-range seeds rather than wrapping them; so do we.
  if (!Number.isInteger(v) || v < 0 || v > MAX_SEED) {
    throw new RangeError(`Seed must be an integer between 0 and 2**32 - 1, got ${v}`);
  }
}

// --- Double-double helpers (error-free transformations) for the correctly rounded log.

/** a + b = s + err exactly. */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a + b = s + err exactly, given |a| >= |b|. */
function quickTwoSum(a: number, b: number): [number, number] {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a * b = p + err exactly (Dekker, since JS has no fma). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const ta = 134217729 * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = 134217729 * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [s, e] = twoSum(ah, bh);
  const [t, f] = twoSum(al, bl);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  return quickTwoSum(p, e + (ah * bl + al * bh));
}

// 1/(2i+1) as double-doubles: coefficients of atanh(s)/s = sum t^i/(2i+1), t = s^2.
// With |s| <= 3 - 2*sqrt(2) (~0.1716), 23 terms leave a truncation error below 2^-110.
const ATANH_TERMS = 23;
const ATANH_COEF: ReadonlyArray<readonly [number, number]> = Array.from({ length: ATANH_TERMS }, (_, i) => {
  const d = 2 * i + 1;
  const hi = 1 / d;
  const [p, e] = twoProd(hi, d);
  return [hi, (1 - p - e) / d] as const;
});

const LN2_HI = 0.6931471805599453; // 0x3FE62E42FEFA39EF
const LN2_LO = 2.3190468138462996e-17; // 0x3C7ABC9E3B39803F
const SQRT2 = Math.SQRT2;

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Natural log, correctly rounded (to nearest) for positive finite x.
 *
 * numpy's `legacy_gauss` calls the C library's log; glibc's is correctly rounded
 * in practice while V8's `Math.log` is not, so Math.log would shift some normal
 * draws by one ulp. Method: x = 2^k * m with m in [sqrt(1/2), sqrt(2)),
 * log m = 2 atanh((m-1)/(m+1)), all in double-double (~2^-104), then rounded once.
 */
export function logCorrectlyRounded(x: number): number {
  if (!(x > 0) || x === Infinity) {
    // Edge cases carry no rounding question; the built-in follows IEEE there.
    return Math.log(x);
  }
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale into the normal range so the exponent field is meaningful.
    x *= 18014398509481984; // 2^54, exact
    k = -54;
  }
  scratch.setFloat64(0, x);
  const hiWord = scratch.getUint32(0);
  k += ((hiWord >>> 20) & 0x7ff) - 1023;
  // Same mantissa with exponent 0: m in [1, 2), exact.
  scratch.setUint32(0, (hiWord & 0x800fffff) | 0x3ff00000);
  let m = scratch.getFloat64(0);
  if (m >= SQRT2) {
    m /= 2;
    k += 1;
  }
  // s = (m - 1) / (m + 1): m - 1 is exact (Sterbenz), m + 1 kept as a double-double.
  const num = m - 1;
  const [dh, dl] = twoSum(m, 1);
  const q1 = num / dh;
  const [ph, pl] = ddMul(q1, 0, dh, dl);
  const [rh, rl] = ddAdd(num, 0, -ph, -pl);
  const q2 = (rh + rl) / dh;
  const [sh, sl] = quickTwoSum(q1, q2);
  const [th, tl] = ddMul(sh, sl, sh, sl);
  // Horner: p = sum t^i / (2i+1).
  let [acch, accl] = ATANH_COEF[ATANH_TERMS - 1];
  for (let i = ATANH_TERMS - 2; i >= 0; i--) {
    [acch, accl] = ddMul(acch, accl, th, tl);
    [acch, accl] = ddAdd(acch, accl, ATANH_COEF[i][0], ATANH_COEF[i][1]);
  }
  // log m = 2 s p (doubling is exact).
  const [lmh, lml] = ddMul(2 * sh, 2 * sl, acch, accl);
  // k ln2 as a double-double.
  const [kh, ke] = twoProd(k, LN2_HI);
  const [rh2, rl2] = ddAdd(kh, ke + k * LN2_LO, lmh, lml);
  return rh2 + rl2;
}

export class NumpyLegacyRandom {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  constructor(seed: NumpySeed) {
    this.seed(seed);
  }

  /** Reseed in place, like `np.random.seed(seed)`; also drops the cached Gaussian. */
  seed(seed: NumpySeed): void {
    if (typeof seed === 'number') {
      checkSeedWord(seed);
      this.initGenrand(seed);
    } else {
      if (seed.length === 0) {
        throw new RangeError('Seed must be non-empty');
      }
      seed.forEach(checkSeedWord);
      this.initByArray(seed);
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** Next raw 32-bit output (unsigned), i.e. numpy's `mt19937_next32`. */
  nextUint32(): number {
    if (this.pos >= N) {
      this.generate();
    }
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform double in [0, 1), like `np.random.random_sample()`. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** `size` uniform doubles, like `np.random.random_sample(size)`. */
  randomArray(size: number): number[] {
    const out = new Array<number>(size);
    for (let i = 0; i < size; i++) {
      out[i] = this.random();
    }
    return out;
  }

  /** One draw of `np.random.normal(loc, scale)`. */
  normal(loc = 0, scale = 1): number {
    if (!(scale >= 0)) {
      // numpy raises "scale < 0"; a NaN scale is equally meaningless here.
      throw new RangeError(`scale must be non-negative, got ${scale}`);
    }
    // Same expression order as numpy's legacy_normal, so rounding matches.
    return loc + scale * this.legacyGauss();
  }

  /** `np.random.normal(loc, scale, size)`: draws in order, sharing the Gaussian cache. */
  normalArray(loc: number, scale: number, size: number): number[] {
    const out = new Array<number>(size);
    for (let i = 0; i < size; i++) {
      out[i] = this.normal(loc, scale);
    }
    return out;
  }

  private legacyGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.random() - 1.0;
      x2 = 2.0 * this.random() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * logCorrectlyRounded(r2)) / r2);
    // numpy returns f*x2 now and keeps f*x1 for the next call.
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.pos = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    // Guarantees a non-zero state, as in the reference implementation.
    mt[0] = 0x80000000;
    this.pos = N;
  }

  private generate(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }
}
