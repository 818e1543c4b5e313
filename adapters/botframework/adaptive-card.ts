import { CardFactory, type Attachment } from 'botbuilder';
import type { ResultCard } from '../../bot/types.ts';
import { feedbackValue } from './feedback-value.ts';

/** Version 1.3 renders in Teams, Web Chat, Outlook and the Emulator alike. */
const ADAPTIVE_CARD_VERSION = '1.3';

type CardElement = Record<string, unknown>;

/**
 * A calculation or eligibility result as an Adaptive Card (plain JSON): inputs as facts, the formula, the result,
 * the rule date, notes and sources, with 👍/👎 buttons when the answer can receive feedback.
 */
export function resultCardAttachment(card: ResultCard, answerId?: string): Attachment {
  const body: CardElement[] = [textBlock(card.title, { weight: 'Bolder', size: 'Medium' })];
  const inputs = card.inputs.filter((i) => i.value.trim() !== '');
  if (inputs.length > 0) body.push({ type: 'FactSet', facts: inputs.map((i) => ({ title: i.label, value: i.value })) });
  if (card.formula) {
    body.push(textBlock('算式', { isSubtle: true, size: 'Small', spacing: 'Medium' }), textBlock(card.formula, { fontType: 'Monospace' }));
  }
  body.push(
    textBlock(card.result.label, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    textBlock(card.result.value, { weight: 'Bolder', size: 'Large', color: 'Accent', spacing: 'None' }),
  );
  if (card.ruleDate) body.push(textBlock(card.ruleDate, { isSubtle: true, size: 'Small' }));
  for (const note of card.notes ?? []) body.push(textBlock(`※ ${note}`, { isSubtle: true, size: 'Small' }));
  if (card.sources.length > 0) {
    body.push(
      textBlock('資料來源', { isSubtle: true, size: 'Small', spacing: 'Medium', separator: true }),
      ...card.sources.map((source) => textBlock(source, { isSubtle: true, size: 'Small', spacing: 'None' })),
    );
  }

  const content: CardElement = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
  };
  if (answerId) {
    content.actions = [
      { type: 'Action.Submit', title: '👍 有幫助', data: feedbackValue(answerId, 'up') },
      { type: 'Action.Submit', title: '👎 沒幫助', data: feedbackValue(answerId, 'down') },
    ];
  }
  return CardFactory.adaptiveCard(content);
}

function textBlock(text: string, style: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...style };
}
