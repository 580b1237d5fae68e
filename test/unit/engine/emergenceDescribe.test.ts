// How an emergence point is written and where a model sits on each axis
// (src/engine/emergence/describe.ts, analysis.ts axisValue / fromFitCoordinate), with the
// expected strings and the Chinchilla loss written out by hand from Hoffmann et al. 2022
// eq. 10 (E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28).
import * as assert from 'node:assert/strict';
import { axisValue, fitCoordinate, fromFitCoordinate, type GroupFit } from '../../../src/engine/emergence/analysis';
import type { ModelRow } from '../../../src/engine/emergence/data';
import { describeGroupFit, formatAxisValue } from '../../../src/engine/emergence/describe';

const model: ModelRow = { model: 'm', family: 'f', params: 7e9, tokens: 2e12, flops: 8.4e22, scores: {}, row: 2 };

function group(emergenceAt: number, interval?: [number, number], confidence = 0.95): GroupFit {
  const ci = interval ? { low: 0, high: 1, confidence, resamples: 200, failed: 0, seed: 1 } : undefined;
  return { family: '', emergenceAt, interval, fit: { ci } as GroupFit['fit'] };
}

describe('engine/emergence: describing an emergence point', () => {
  it('formatAxisValue writes FLOPs to 2 digits, parameters in the language’s units, loss to 3 decimals', () => {
    assert.equal(formatAxisValue(3.94e22, 'flops', 'en'), '3.9e22 FLOPs');
    assert.equal(formatAxisValue(3.94e22, 'flops', 'zh'), '3.9e22 FLOPs');
    assert.equal(formatAxisValue(3.9e9, 'params', 'en'), '3.9B parameters');
    assert.equal(formatAxisValue(3.9e9, 'params', 'zh'), '39亿参数');
    assert.equal(formatAxisValue(2.0712, 'loss', 'en'), 'loss 2.071 nats');
    assert.equal(formatAxisValue(2.0712, 'loss', 'zh'), '损失 2.071 nats');
  });

  it('describeGroupFit adds the interval without repeating the unit, at the fit’s own confidence', () => {
    assert.equal(describeGroupFit(group(3.9e22, [3e22, 5.3e22]), 'flops', 'en'), '3.9e22 FLOPs (95% CI 3e22–5.3e22)');
    assert.equal(describeGroupFit(group(3.9e22, [3e22, 5.3e22], 0.9), 'flops', 'zh'), '3.9e22 FLOPs（90% 置信区间 3e22–5.3e22）');
    assert.equal(describeGroupFit(group(3.9e9, [2e9, 6e9]), 'params', 'en'), '3.9B parameters (95% CI 2B–6B)');
    assert.equal(describeGroupFit(group(3.9e9, [2e9, 6e9]), 'params', 'zh'), '39亿参数（95% 置信区间 20亿–60亿）');
    assert.equal(describeGroupFit(group(2.1, [2.0, 2.25]), 'loss', 'en'), 'loss 2.100 nats (95% CI 2.000–2.250)');
    assert.equal(describeGroupFit(group(2.1, [2.0, 2.25]), 'loss', 'zh'), '损失 2.100 nats（95% 置信区间 2.000–2.250）');
  });

  it('describeGroupFit without an interval, or without a bootstrap, is the point alone', () => {
    assert.equal(describeGroupFit(group(3.9e22), 'flops', 'en'), '3.9e22 FLOPs');
    const noCi: GroupFit = { ...group(3.9e22, [3e22, 5e22]), fit: {} as GroupFit['fit'] };
    assert.equal(describeGroupFit(noCi, 'flops', 'en'), '3.9e22 FLOPs');
  });

  it('axisValue: FLOPs and N as given; the loss axis is E + A/N^α + B/D^β of the model under the chosen fit', () => {
    assert.equal(axisValue(model, { axis: 'flops' }), 8.4e22);
    assert.equal(axisValue(model, { axis: 'params' }), 7e9);
    const hoffmann = 1.69 + 406.4 / 7e9 ** 0.34 + 410.7 / 2e12 ** 0.28;
    const loss = axisValue(model, { axis: 'loss' });
    assert.ok(loss !== undefined && Math.abs(loss - hoffmann) < 1e-12, `${loss} vs ${hoffmann}`);
    assert.ok(Math.abs((axisValue(model, { axis: 'loss', lossFit: 'chinchilla' }) as number) - hoffmann) < 1e-12);
    // Besiroglu et al. 2024: E = 1.8172, A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658.
    const epoch = 1.8172 + 482.01 / 7e9 ** 0.3478 + 2085.43 / 2e12 ** 0.3658;
    assert.ok(Math.abs((axisValue(model, { axis: 'loss', lossFit: 'epoch' }) as number) - epoch) < 1e-12);
    assert.equal(axisValue({ ...model, tokens: undefined }, { axis: 'loss' }), undefined, 'no tokens: no loss');
    assert.equal(axisValue({ ...model, flops: undefined }, { axis: 'flops' }), undefined);
  });

  it('fit coordinates: log10 for FLOPs and parameters, −L for loss, and back', () => {
    assert.equal(fitCoordinate(1e22, 'flops'), 22);
    assert.equal(fitCoordinate(2.5, 'loss'), -2.5);
    assert.equal(fromFitCoordinate(-2.5, 'loss'), 2.5);
    assert.ok(Math.abs(fromFitCoordinate(9.5, 'params') - 10 ** 9.5) < 1e-6 * 10 ** 9.5);
    assert.equal(fromFitCoordinate(3, 'flops'), 1000);
  });
});
