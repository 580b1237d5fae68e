// L-BFGS against SciPy's L-BFGS-B (fixtures/lbfgs_reference.py → lbfgs_reference.json,
// numpy 2.4.6 / SciPy 1.17.1): with SciPy's defaults and the same Moré–Thuente line search,
// the engine's solver takes the same iterations and evaluations and stops for the same
// reason on classic problems, reaching the same f and x up to rounding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimizeLbfgs, type LbfgsStatus, type Objective } from '../../../src/engine/fit/lbfgs';
import { rosenbrock } from '../helpers/rosenbrock';

interface Case {
  problem: 'rosenbrock' | 'beale';
  x0: number[];
  iterations: number;
  evaluations: number;
  status: LbfgsStatus;
  f: number;
  x: number[];
}

const REFERENCE = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'lbfgs_reference.json'), 'utf8')) as { scipy: string; cases: Case[] };

/** Beale's function, minimum 0 at (3, 0.5). */
const beale: Objective = (x, g) => {
  const [u, v] = [x[0], x[1]];
  const a = 1.5 - u + u * v;
  const b = 2.25 - u + u * v * v;
  const c = 2.625 - u + u * v * v * v;
  g[0] = 2 * a * (v - 1) + 2 * b * (v * v - 1) + 2 * c * (v * v * v - 1);
  g[1] = 2 * a * u + 4 * b * u * v + 6 * c * u * v * v;
  return a * a + b * b + c * c;
};

describe(`engine/fit/lbfgs: the same path as SciPy ${REFERENCE.scipy} L-BFGS-B`, () => {
  for (const c of REFERENCE.cases) {
    it(`${c.problem} from [${c.x0.join(', ')}]: ${c.iterations} iterations, ${c.evaluations} evaluations, stop on ${c.status}`, () => {
      const r = minimizeLbfgs(c.problem === 'beale' ? beale : rosenbrock, c.x0);
      assert.deepEqual([r.iterations, r.evaluations, r.status], [c.iterations, c.evaluations, c.status]);
      assert.ok(Math.abs(r.f - c.f) <= 1e-3 * c.f + 1e-20, `f ${r.f} vs ${c.f}`);
      r.x.forEach((v, i) => assert.ok(Math.abs(v - c.x[i]) <= 1e-6, `x[${i}] ${v} vs ${c.x[i]}`));
    });
  }
});
