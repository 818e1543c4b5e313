import type { Facts } from '../../rules/facts.ts';

/** How the case reaches the fund, when the message says so (授權送保, 專案申請, 直接保證, 批次送保). */
const SUBMISSION_WORDS: Array<[NonNullable<Facts['submission']>, RegExp]> = [
  ['authorised', /授權(?:方式|送保|保證|查詢)/],
  ['project', /專案(?:方式|送保|申請|保證)/],
  ['direct', /直接保證|直接向(?:本基金|信保基金|信保)申請/],
  ['batch', /批次(?:方式|送保)/],
];

export function findSubmission(text: string): Facts['submission'] {
  let best: { submission: NonNullable<Facts['submission']>; index: number } | undefined;
  for (const [submission, pattern] of SUBMISSION_WORDS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { submission, index: match.index };
  }
  return best?.submission;
}
