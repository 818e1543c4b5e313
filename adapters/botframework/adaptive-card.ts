import { CardFactory, type Attachment } from 'botbuilder';
import type { PresentedReply } from '../../bot/compose/presentation.ts';
import type { Citation, ProgrammeCard } from '../../bot/types.ts';
import { feedbackValue } from './feedback-value.ts';

/** Version 1.3 renders in Teams, Web Chat, Outlook and the Emulator alike. */
const ADAPTIVE_CARD_VERSION = '1.3';

type CardElement = Record<string, unknown>;

interface CardCaptions {
  formula: string;
  details: string;
  sources: string;
  copy: string;
  helpful: string;
  unhelpful: string;
  programme: { maxRatio: string; feeRate: string; forWhom: string; whyItFits: string };
}

const CAPTIONS: Record<'zh' | 'en', CardCaptions> = {
  zh: {
    formula: '算式',
    details: '來源與說明',
    sources: '資料來源',
    copy: '複製用文字',
    helpful: '👍 有幫助',
    unhelpful: '👎 沒幫助',
    programme: { maxRatio: '保證成數最高', feeRate: '保證手續費', forWhom: '適用對象', whyItFits: '為什麼適合' },
  },
  en: {
    formula: 'Formula',
    details: 'Sources and notes',
    sources: 'Sources',
    copy: 'Text to copy',
    helpful: '👍 Helpful',
    unhelpful: '👎 Not helpful',
    programme: { maxRatio: 'Highest ratio', feeRate: 'Guarantee fee', forWhom: 'For', whyItFits: 'Why it fits' },
  },
};

export interface AnswerCardInput {
  shown: PresentedReply;
  citations: Citation[];
  answerId?: string;
  language?: 'en';
}

/**
 * An answer's card, result first: for a calculation the result, the formula, why this rate and the inputs; for the
 * finder, its programmes one after another; then
 * 「來源與說明」 (notes, history, every source) and, for a calculation, the figures as text to copy, each behind a
 * ShowCard (Bot Framework's disclosure); 👍/👎 when the answer can receive feedback. Undefined when there is
 * nothing to put on it.
 */
export function answerCardAttachment({ shown, citations, answerId, language }: AnswerCardInput): Attachment | undefined {
  const captions = CAPTIONS[language === 'en' ? 'en' : 'zh'];
  const body = shown.copy && shown.card ? calculationBody(shown, captions) : shown.programmes ? programmeList(shown.programmes, captions) : [];
  const actions: CardElement[] = [];
  const details = shown.layout?.details ?? [];
  if (details.length > 0 || citations.length > 0) {
    actions.push(showCard(captions.details, [
      ...details.map((line) => textBlock(line, { size: 'Small' })),
      ...(citations.length > 0
        ? [textBlock(captions.sources, { isSubtle: true, size: 'Small', spacing: 'Medium' }), ...citations.map((c, i) => textBlock(`${i + 1}. ${citationLabel(c)}`, { size: 'Small', spacing: 'None' }))]
        : []),
    ]));
  }
  if (shown.copy) actions.push(showCard(captions.copy, [textBlock(shown.copy, { fontType: 'Monospace', size: 'Small' })]));
  if (answerId) {
    actions.push(
      { type: 'Action.Submit', title: captions.helpful, data: feedbackValue(answerId, 'up') },
      { type: 'Action.Submit', title: captions.unhelpful, data: feedbackValue(answerId, 'down') },
    );
  }
  if (body.length === 0 && actions.length === 0) return undefined;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}

function calculationBody(shown: PresentedReply, captions: CardCaptions): CardElement[] {
  const card = shown.card!;
  const body: CardElement[] = [
    textBlock(card.title, { weight: 'Bolder', size: 'Medium' }),
    textBlock(card.result.label, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    textBlock(card.result.value, { weight: 'Bolder', size: 'Large', color: 'Accent', spacing: 'None' }),
  ];
  if (card.formula) {
    body.push(textBlock(captions.formula, { isSubtle: true, size: 'Small', spacing: 'Medium' }), textBlock(card.formula, { fontType: 'Monospace', spacing: 'None' }));
  }
  if (shown.layout?.why) body.push(textBlock(shown.layout.why, { isSubtle: true, size: 'Small' }));
  const inputs = card.inputs.filter((i) => i.value.trim() !== '');
  if (inputs.length > 0) body.push({ type: 'FactSet', spacing: 'Medium', facts: inputs.map((i) => ({ title: i.label, value: i.value })) });
  if (card.ruleDate) body.push(textBlock(card.ruleDate, { isSubtle: true, size: 'Small' }));
  return body;
}

/** The finder's proposals, best first, one container each: the name, the figures, who it is for and why, what still decides it. */
function programmeList(programmes: ProgrammeCard[], captions: CardCaptions): CardElement[] {
  return programmes.map((p, i) => ({
    type: 'Container',
    separator: i > 0,
    spacing: 'Medium',
    items: [
      textBlock(`${i + 1}. ${p.name}`, { weight: 'Bolder', color: 'Accent' }),
      {
        type: 'FactSet',
        facts: [
          { title: captions.programme.maxRatio, value: p.maxRatio },
          { title: captions.programme.feeRate, value: p.feeRate },
          ...(p.forWhom ? [{ title: captions.programme.forWhom, value: p.forWhom }] : []),
          { title: captions.programme.whyItFits, value: p.whyItFits },
        ],
      },
      textBlock(p.stillToConfirm, { isSubtle: true, size: 'Small' }),
    ],
  }));
}

function showCard(title: string, body: CardElement[]): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', version: ADAPTIVE_CARD_VERSION, body } };
}

function textBlock(text: string, style: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

export function citationLabel(citation: Citation): string {
  const where = citation.section ? `${citation.title} > ${citation.section}` : citation.title;
  const when = citation.dateLabel ?? citation.date;
  return when ? `${where}（${when}）` : where;
}
