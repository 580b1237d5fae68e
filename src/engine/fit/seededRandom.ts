/**
 * mulberry32: a tiny 32-bit seeded generator (Tommy Ettinger's), good enough for
 * resampling rows and fast. Same seed → same sequence on every platform, which is
 * what makes bootstrap intervals reproducible.
 */

/** Returns a generator of uniform floats in [0, 1) for the given 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n) from a [0, 1) generator. */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
