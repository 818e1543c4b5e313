import type { ParameterView } from './at.ts';
import { formatAmount } from './display.ts';
import { InvalidInputError } from './errors.ts';
import { productRoundedHalfUp } from './exact.ts';

export interface BatchSubrogationCap {
  /** NT$: the batch's guaranteed total times the provisioning rate. */
  computed: number;
  /** NT$: what the batch's subrogation is limited to, the computed figure or the per-batch cap if lower. */
  limit: number;
  rate: number;
  /** The per-batch cap, when it binds. */
  cappedAt?: number;
  /** e.g. 9,600,000,000 × 1.25% = 120,000,000 */
  formula: string;
  parameters: string[];
}

const RATE = 'batch.subrogation_reserve_rate';
const PER_BATCH = 'batch.subrogation_cap_per_batch';

/**
 * 批次保證: a batch number's guaranteed total times the 代償上限計提率 is what its subrogation is limited to, and no
 * batch number's limit exceeds the per-batch cap (修正「批次信用保證要點」函 說明二（二）、說明三).
 */
export function batchSubrogationCap(view: ParameterView, batchAmount: number): BatchSubrogationCap {
  if (!Number.isFinite(batchAmount) || batchAmount <= 0) throw new InvalidInputError('batchAmount', '批號保證金額須為正數');
  const rate = view.find(RATE)?.value;
  if (typeof rate !== 'number') throw new InvalidInputError('batchAmount', '文件未載明此日期適用的代償上限計提率');
  const computed = productRoundedHalfUp([batchAmount, rate], [100]);
  const cap = view.find(PER_BATCH)?.value;
  const binds = typeof cap === 'number' && computed > cap;
  return {
    computed,
    limit: binds ? cap : computed,
    rate,
    ...(binds ? { cappedAt: cap } : {}),
    formula: `${formatAmount(batchAmount)} × ${rate}% = ${formatAmount(computed)}`,
    parameters: [RATE, ...(typeof cap === 'number' ? [PER_BATCH] : [])],
  };
}
