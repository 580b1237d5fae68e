// Test helper: SciPy's rosen / rosen_der, Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², as an L-BFGS objective.
import type { Objective } from '../../../src/engine/fit/lbfgs';

export const rosenbrock: Objective = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
};
