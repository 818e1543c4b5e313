import type { ParameterView } from '../at.ts';
import { InvalidInputError } from '../errors.ts';
import type { Facts } from '../facts.ts';
import { validateFacts } from '../inputs.ts';
import { PROGRAMMES, isProgrammeId } from '../programmes.ts';
import type { ProgrammeId } from '../programmes.ts';
import { assessAuthorisedItem } from './authorised.ts';
import { assessBatch } from './batch.ts';
import { assessEmploymentPromotion } from './employment-promotion.ts';
import { assessDisasterRestoration, assessMorakotRecovery } from './morakot.ts';
import {
  assessDigitalContent,
  assessDirect,
  assessFirefly,
  assessLabourPension,
  assessOwnBrand,
  assessPatentLitigation,
  assessPhoenix,
  assessYouthDream,
  assessYouthStartup,
} from './project.ts';
import { Assessment } from './result.ts';
import type { EligibilityResult } from './result.ts';

const SPECIFIC: Partial<Record<ProgrammeId, (a: Assessment) => void>> = {
  own_brand: assessOwnBrand,
  youth_startup: assessYouthStartup,
  firefly: assessFirefly,
  patent_litigation: assessPatentLitigation,
  phoenix: assessPhoenix,
  youth_dream: assessYouthDream,
  digital_content: assessDigitalContent,
  labour_pension: assessLabourPension,
  batch: assessBatch,
  direct: assessDirect,
  employment_promotion: assessEmploymentPromotion,
  morakot_recovery: assessMorakotRecovery,
  morakot_disaster_restoration: assessDisasterRestoration,
};

/**
 * Whether a case qualifies for a programme at the view's date, with the highest ratio, the fee rate(s),
 * reasons, missing facts and caps. "Not eligible" is a result, not an exception; invalid facts throw
 * InvalidInputError. Pure.
 */
export function eligibility(programme: ProgrammeId, facts: Facts, view: ParameterView): EligibilityResult {
  if (!isProgrammeId(programme)) throw new InvalidInputError('programme', `不認得的保證項目「${String(programme)}」`);
  const checked = validateFacts(facts);
  // 批次保證: 授信額度核准日決定適用修正前或修正後規定 (說明六).
  const ruleView = programme === 'batch' && checked.approvalDate ? view.at(checked.approvalDate) : view;
  const assessment = new Assessment(programme, checked, ruleView);
  const assess = SPECIFIC[programme] ?? (PROGRAMMES[programme].channel === 'authorised' ? assessAuthorisedItem : undefined);
  if (!assess) throw new InvalidInputError('programme', `尚未支援「${PROGRAMMES[programme].name}」之資格判斷`);
  assess(assessment);
  return assessment.result();
}

export type { Cap, EligibilityResult, EligibilityStatus, FeeRateSummary } from './result.ts';
