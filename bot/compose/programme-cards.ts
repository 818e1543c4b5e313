import type { ProgrammeCard, Reply } from '../types.ts';

/** A proposed programme as one line of text, for channels that show text only; cards show the same figures. */
export function programmeCardLine(card: ProgrammeCard, rank: number): string {
  const parts = [
    card.forWhom ? `適用對象：${card.forWhom}` : undefined,
    `保證成數最高 ${card.maxRatio}`,
    `保證手續費：${card.feeRate}`,
    `為什麼：${card.whyItFits}`,
    card.stillToConfirm,
  ];
  return `${rank}. ${card.name}｜${parts.filter(Boolean).join('｜')}`;
}

/** The reply's lines without those its programme cards show, so a channel rendering the cards shows them once. */
export function linesBesideCards(reply: Pick<Reply, 'text' | 'programmes'>): string[] {
  const cardLines = new Set((reply.programmes ?? []).map((card, i) => programmeCardLine(card, i + 1)));
  return reply.text.split('\n').filter((line) => !cardLines.has(line));
}
