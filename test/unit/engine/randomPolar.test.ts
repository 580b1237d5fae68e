// numpy's legacy polar method (src/engine/random.ts, legacyGauss) on a scripted stream of
// uniforms: the rejections r² ≥ 1 and r² = 0 (a point on the circle or at its centre is
// drawn again), checked against the method written out here. A real stream reaches these
// only with chance ~2^-53 (u = 0 and u = 0.5 exactly), so the uniforms are scripted.
import * as assert from 'node:assert/strict';
import { NumpyLegacyRandom } from '../../../src/engine/random';

class ScriptedUniforms extends NumpyLegacyRandom {
  private readonly script: number[];
  constructor(uniforms: readonly number[]) {
    super(0);
    this.script = [...uniforms];
  }
  override random(): number {
    const u = this.script.shift();
    if (u === undefined) throw new Error('script exhausted');
    return u;
  }
}

/** The pair the polar method keeps from x1 = 2u1 − 1, x2 = 2u2 − 1: (f·x2, f·x1). */
function polar(u1: number, u2: number): [number, number] {
  const x1 = 2 * u1 - 1;
  const x2 = 2 * u2 - 1;
  const r2 = x1 * x1 + x2 * x2;
  const f = Math.sqrt((-2 * Math.log(r2)) / r2);
  return [f * x2, f * x1];
}

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) <= 1e-15 * Math.abs(b), `${a} vs ${b}`);

describe('engine/random: the polar method rejects the circle and its centre', () => {
  it('a point on the unit circle (x1 = 0, x2 = −1: r² = 1 exactly) is drawn again', () => {
    const rng = new ScriptedUniforms([0.5, 0, 0.7, 0.4]);
    const [first, second] = polar(0.7, 0.4);
    close(rng.normal(), first);
    close(rng.normal(), second);
  });

  it('the centre (x1 = x2 = 0: r² = 0) is drawn again', () => {
    const rng = new ScriptedUniforms([0.5, 0.5, 0.3, 0.6]);
    const [first, second] = polar(0.3, 0.6);
    close(rng.normal(), first);
    close(rng.normal(), second);
  });

  it('a point outside the circle is drawn again too, one inside is kept', () => {
    const rng = new ScriptedUniforms([0.95, 0.05, 0.6, 0.45]);
    const [first] = polar(0.6, 0.45);
    close(rng.normal(), first);
  });
});
