import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import type { Ask, HowToApply } from './types.ts';

/**
 * 「要去哪裡申請」 (route), 「要準備什麼文件」 (documents), 「能不能不經過銀行直接找信保基金」 (direct), from an applicant
 * (words in domain/registry/finder.yaml how_to_apply). A lending bank asking how to file a case (勾哪個欄位) is none of
 * them; neither is applying directly for a named programme (「青創可以直接去申請嗎」), which is about that programme.
 */
export function findHowToApply(text: string, asks: readonly Ask[], programmes: readonly ProgrammeId[], domain: Domain = shippedDomain()): HowToApply | undefined {
  const { cue, documents, lenderSide, direct } = domain.finder.howToApply;
  if (lenderSide.test(text)) return undefined;
  if (direct.test(text) && programmes.every((id) => id === 'direct')) return 'direct';
  if (!asks.includes('procedure') || !cue.test(text)) return undefined;
  return documents.test(text) ? 'documents' : 'route';
}
