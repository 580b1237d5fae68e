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
 *  - the natural log inside `legacy_gauss`: glibc's own algorithm (`glibcLog`),
 *    because Math.log's last bit differs from the C library's on seed-42 draws.
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

// --- glibc's log, reproduced operation for operation.
//
// numpy's legacy_gauss calls the C library's log(). V8's Math.log differs from
// glibc's on some seed-42 draws, and glibc's log is not correctly rounded either
// (seed 42 hits a case 0.5006 ulp off), so neither Math.log nor a correctly
// rounded log reproduces numpy. What follows is glibc's (>= 2.28) log as x86-64
// runs it on CPUs with FMA+AVX2 (`__ieee754_log_fma`), the algorithm and
// constants of Arm's optimized-routines log (MIT licence), with every fused
// multiply-add the compiler emitted, read from the disassembly of Debian 12's
// libm (glibc 2.36).

const LOG_LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
const LOG_LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
// log1p(r) - r ~= r^2 * (A0 + r A1 + r^2 A2 + r^3 A3 + r^4 A4) for |r| < 1/256.
const LOG_A = [-0.5000000000000001, 0.33333333331825593, -0.2499999999622955, 0.20000304511814496, -0.16667054827627667] as const;
// log(1 + r) ~= r + B0 r^2 + ... for x within [1 - 2^-4, 1 + 0x1.09p-4).
const LOG_B = [
  -0.5, 0.3333333333333352, -0.24999999999998432, 0.19999999999320328, -0.16666666669929706, 0.14285715076560868, -0.12499997863982555, 0.11110712032936046,
  -0.10000486757818193, 0.09181994006195467, -0.08328363062289341,
] as const;
// 128 pairs (1/c, log c) for the subintervals of [0x1.6p-1, 0x1.6p0), flattened.
const LOG_TAB: readonly number[] = [
  1.4504249240398293, -0.3718565645633589, 1.442253508327276, -0.36620682668944937, 1.4341736174350004, -0.3605888069791945, 1.426183816329995,
  -0.3550022171419869, 1.4182825527052965, -0.34944666968829097, 1.4104682921759335, -0.3439217713603284, 1.4027396147468003, -0.3384271921261188,
  1.3950954438932313, -0.332962831494342, 1.3875338232485754, -0.32752794345742586, 1.3800539211058593, -0.32212257167088865, 1.3726542695419708,
  -0.3167462884799761, 1.3653332798446802, -0.3113985598928366, 1.358090204587874, -0.3060794515165526, 1.3509234892132138, -0.300788424667644,
  1.3438320840699889, -0.2955252968476998, 1.3368146974742003, -0.29028969275850613, 1.329870114677736, -0.2850812793277555, 1.322997339161106,
  -0.27989987391470095, 1.316195352741367, -0.27474526621870154, 1.3094628125672239, -0.2696169863701243, 1.3027990455471041, -0.26451506180308115,
  1.2962024229438942, -0.2594387762767383, 1.2896726275815547, -0.2543884090981692, 1.2832080305745537, -0.24936321635129843, 1.276807885983376,
  -0.24436312405975968, 1.2704714060687552, -0.23938801747897287, 1.2641976054949482, -0.23443761696705678, 1.257985357514882, -0.22951151871518505,
  1.2518337750655457, -0.2246094963439873, 1.2457421919097305, -0.21973149037705753, 1.2397094966625508, -0.2148770752847895, 1.2337348463589233,
  -0.210046029103637, 1.2278176973028803, -0.20523836373934046, 1.2219570190618474, -0.20045368751368642, 1.2161519732977757, -0.1956917537758045,
  1.2104018095009725, -0.19095237845203883, 1.204705805718973, -0.18623539250290833, 1.1990631185441964, -0.18154051731551135, 1.1934733004462308,
  -0.1768677957431919, 1.1879350812847385, -0.17221657406412305, 1.1824481322833125, -0.16758697765942543, 1.1770114976921955, -0.16297859687290384,
  1.1716248121809465, -0.15839151377804228, 1.1662869231674715, -0.15382513241456763, 1.1609977486762766, -0.14927976358922024, 1.1557563220795803,
  -0.14475495398119165, 1.1505619105480347, -0.14025044090817573, 1.1454138888505974, -0.1357660466685502, 1.140311877374656, -0.1313018016355727,
  1.1352550225747513, -0.12685731518763532, 1.1302429094831266, -0.1224325737671279, 1.1252747693068048, -0.11802724521862729, 1.1203501571039876,
  -0.11364127671663482, 1.1154683327680124, -0.10927434611278386, 1.1106291463292157, -0.10492665324943573, 1.1058315813301596, -0.10059761422644442,
  1.1010752177696026, -0.09628717309055901, 1.0963597137952512, -0.09199534069557558, 1.0916844827550398, -0.08772190036688698, 1.0870487291277784,
  -0.08346643613867855, 1.082452357388312, -0.07922916827544668, 1.0778948225025884, -0.0750099004750382, 1.0733751731601076, -0.07080805133352897,
  1.068893585073351, -0.06662408085151128, 1.0644491706655506, -0.06245745471915143, 1.0600414846328305, -0.0583080438042316, 1.0556701316181605,
  -0.05417576112313327, 1.051334750556926, -0.050060547896805474, 1.0470347288442157, -0.045962101199052086, 1.0427699229652954, -0.04188056008865715,
  1.0385395013738175, -0.03781540056183985, 1.034343418940345, -0.03376684757915882, 1.0301811073173315, -0.029734619131772888, 1.026052043621297,
  -0.025718470239212365, 1.0219561082336197, -0.021718543925430822, 1.0178926505784922, -0.01773446126981071, 1.0138614436244586, -0.013766252464051831,
  1.0098620186501341, -0.009813706322574944, 1.0058938559734134, -0.005876555150052809, 1.00195696235014, -0.0019550499938532084, 0.9961089923088509,
  0.0038985973556009412, 0.9884170338185201, 0.011650571286395461, 0.9808429191005297, 0.019342955478919066, 0.9733840169987446, 0.0269766014846482,
  0.9660377568876556, 0.034552359728422744, 0.9588014945307369, 0.04207121767183253, 0.9516728569073111, 0.049533940950141186, 0.9446494635965822,
  0.056941358295944156, 0.9377288993026223, 0.06429439168346107, 0.9309091073790681, 0.0715936354946507, 0.924187681612722, 0.07884010933776153,
  0.9175626765599192, 0.08603438905970506, 0.9110320403624034, 0.09317721180013905, 0.9045935839762024, 0.10026951462748457, 0.8982456375922825,
  0.10731170956330516, 0.8919860966782501, 0.11430473320717738, 0.8858131121185129, 0.12124928503033061, 0.879725075760676, 0.12814583422959913,
  0.8737201372634685, 0.1349951636851756, 0.8677966405782273, 0.1417978768189414, 0.8619528050060739, 0.14855476039031146, 0.8561872354420692,
  0.1552661937658968, 0.8504983927816893, 0.16193275688146969, 0.8448844572790304, 0.16855539792220497, 0.8393442741575965, 0.1751343179947753,
  0.8338762249349438, 0.1816702989864325, 0.8284789320557778, 0.18816387146023317, 0.8231510800065832, 0.1946155228479256, 0.8178913903778707,
  0.20102572579389744, 0.8126984007245374, 0.2073952090795501, 0.8075710029460227, 0.21372429840596396, 0.8025078881160415, 0.2200135945981856,
  0.7975077379364331, 0.22626374162859975, 0.792569604966373, 0.23247494747693054, 0.7876923641254114, 0.23864766620658884, 0.7828746724940998,
  0.24478265647405806, 0.7781155388790811, 0.25088025827324145, 0.7734139557869777, 0.2569408552510595, 0.7687687179914933, 0.26296511155101143,
  0.7641790698041854, 0.2689531327189343, 0.7596438763692399, 0.27490553924610595, 0.7551621951078668, 0.2808227248478943, 0.7507331780216866,
  0.286704979267256, 0.7463557196361751, 0.29255295645509705, 0.7420289364869653, 0.2983670386142876, 0.7377521537065876, 0.30414734587282055,
  0.7335242966002608, 0.30989455774829366, 0.729344777457841, 0.31560871301871884,
];
const LOG_OFF = 0x3fe6000000000000n;
const LOG_NEAR1_LO = 0x3fee000000000000n; // asuint64(1 - 2^-4)
const LOG_NEAR1_SPAN = 0x3090000000000n; // asuint64(1 + 0x1.09p-4) - LOG_NEAR1_LO
const U64 = 0xffffffffffffffffn;

const bitsView = new DataView(new ArrayBuffer(8));

function toBits(x: number): bigint {
  bitsView.setFloat64(0, x);
  return bitsView.getBigUint64(0);
}

function fromBits(b: bigint): number {
  bitsView.setBigUint64(0, b & U64);
  return bitsView.getFloat64(0);
}

/** Exact decomposition of a finite double: x = mant * 2^exp. */
function decompose(x: number): [bigint, number] {
  const b = toBits(x);
  const e = Number((b >> 52n) & 0x7ffn);
  const frac = b & 0xfffffffffffffn;
  const mant = e === 0 ? frac : frac | 0x10000000000000n;
  return [b >> 63n ? -mant : mant, (e === 0 ? 1 : e) - 1075];
}

/**
 * fma(a, b, c): a * b + c rounded once, as the FMA instruction does. JS has no
 * fma, so the exact sum is formed with BigInt and rounded by Number(bigint),
 * which rounds to nearest-even. Callers only pass normal-range values here;
 * a subnormal result could be rounded twice. Exported for tests.
 */
export function fma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || c === 0) {
    // IEEE special values, or the product rounded once (with its signed zero). A zero a or
    // b with c ≠ 0 needs no case: the exact sum below is c.
    return a * b + c;
  }
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  let e = Math.min(ep, ec);
  let sum = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  // Stryker disable next-line ConditionalExpression: without the negation BigInt's >> floors the negative sum, which acts as the sticky bit: Number() rounds it the same.
  const negative = sum < 0n;
  if (negative) {
    sum = -sum;
  }
  // Keep 64 bits plus a sticky bit so Number() stays finite and still rounds right.
  const extra = sum.toString(2).length - 64;
  // Stryker disable next-line EqualityOperator: extra = 0 shifts by nothing.
  if (extra > 0) {
    const lost = sum & ((1n << BigInt(extra)) - 1n);
    sum = (sum >> BigInt(extra)) | (lost === 0n ? 0n : 1n);
    e += extra;
  }
  // Scaling by a power of two is exact in the normal range; split it so 2^e itself never under/overflows.
  const half = Math.trunc(e / 2);
  const scaled = Number(sum) * 2 ** half * 2 ** (e - half);
  return negative ? -scaled : scaled;
}

/**
 * Natural log, bit-identical to glibc's log() on x86-64 with FMA (see above).
 * Exported for tests; use Math.log elsewhere.
 */
export function glibcLog(x: number): number {
  let ix = toBits(x);
  // Stryker disable next-line EqualityOperator: `<=` adds only x = 1 + 0x1.09p-4, where both paths give libm's value (randomStream.test.ts).
  if (((ix - LOG_NEAR1_LO) & U64) < LOG_NEAR1_SPAN) {
    // (x = 1 gives r = 0 and +0, as glibc's shortcut does.)
    // Near 1: a longer polynomial, and r*r/2 formed from r split into halves for extra precision.
    const B = LOG_B;
    const r = x - 1;
    const p1a = fma(r, B[2], B[1]);
    const p2a = fma(r, B[5], B[4]);
    const r2 = r * r;
    const p3a = fma(r, B[8], B[7]);
    const p1 = fma(r2, B[3], p1a);
    const p2 = fma(r2, B[6], p2a);
    const r3 = r * r2;
    const p3 = fma(r3, B[10], fma(r2, B[9], p3a));
    const q = fma(fma(p3, r3, p2), r3, p1);
    const t = fma(r, 134217728, r);
    const rhi = fma(-134217728, r, t);
    const rlo = r - rhi;
    const rhi2 = rhi * rhi;
    const hi = fma(rhi2, B[0], r);
    const lo = fma(rhi2, B[0], r - hi);
    const lo2 = fma(B[0] * rlo, r + rhi, lo);
    return hi + fma(q, r3, lo2);
  }
  const top = Number(ix >> 48n);
  // Stryker disable next-line EqualityOperator: `<=` sends the lowest normal binade through the subnormal scaling, which gives the same bits.
  const belowNormal = top - 0x10 < 0;
  if (belowNormal || top - 0x10 >= 0x7ff0 - 0x10) {
    // Zero, subnormal, negative, infinite or NaN.
    if (x === 0) {
      return -Infinity;
    }
    if (x === Infinity) {
      return x;
    }
    // Stryker disable next-line EqualityOperator: x = 0 returned above.
    if (!(x > 0)) {
      return NaN;
    }
    ix = toBits(x * 4503599627370496) - (52n << 52n);
  }
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0); c ~ z picked from the table.
  const tmp = (ix - LOG_OFF) & U64;
  const i = Number((tmp >> 45n) & 0x7fn);
  const k = Number(BigInt.asIntN(64, tmp) >> 52n);
  const z = fromBits(ix - (tmp & (0xfffn << 52n)));
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  const A = LOG_A;
  const w = fma(k, LOG_LN2_HI, logc);
  const r = fma(z, invc, -1);
  const a21 = fma(r, A[2], A[1]);
  const hi = r + w;
  const r2 = r * r;
  const lo = fma(k, LOG_LN2_LO, w - hi + r);
  const r3 = r * r2;
  const a43 = fma(r, A[4], A[3]);
  const lo2 = fma(r2, A[0], lo);
  const y = fma(r3, fma(a43, r2, a21), lo2);
  return y + hi;
}

export class NumpyLegacyRandom {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  // Stryker disable next-line BooleanLiteral: the constructor's seed() resets it.
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
    return Array.from({ length: size }, () => this.random());
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
    return Array.from({ length: size }, () => this.normal(loc, scale));
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
    const f = Math.sqrt((-2.0 * glibcLog(r2)) / r2);
    // numpy returns f*x2 now and keeps f*x1 for the next call.
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    // Stryker disable next-line EqualityOperator: a write past a Uint32Array's end is dropped.
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
