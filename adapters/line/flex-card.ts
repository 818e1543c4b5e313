import type { messagingApi } from '@line/bot-sdk';
import type { ResultCard } from '../../bot/types.ts';
import { truncate } from './limits.ts';

/** LINE caps a Flex message's alternative text (shown in notifications and chat lists) at 1,500 characters. */
const ALT_TEXT_MAX = 1500;

const ACCENT = '#0B6E4F';
const MUTED = '#888888';

/** A calculation or eligibility result as a Flex bubble: inputs, formula, result, rule date, sources. */
export function resultCardMessage(card: ResultCard): messagingApi.FlexMessage {
  return {
    type: 'flex',
    altText: truncate(`${card.title}：${card.result.label} ${card.result.value}`, ALT_TEXT_MAX),
    contents: resultCardBubble(card),
  };
}

export function resultCardBubble(card: ResultCard): messagingApi.FlexBubble {
  const body: Array<messagingApi.FlexComponent | undefined> = [
    ...card.inputs.map((input) => labelledRow(input.label, input.value)),
  ];
  if (card.formula) {
    body.push(separator(), text('算式', { size: 'xs', color: MUTED }), text(card.formula, { size: 'sm' }));
  }
  body.push(separator(), labelledRow(card.result.label, card.result.value, true));
  if (card.ruleDate) body.push(text(card.ruleDate, { size: 'xs', color: MUTED }));
  for (const note of card.notes ?? []) body.push(text(`※ ${note}`, { size: 'xs', color: MUTED }));

  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: box([text(card.title, { weight: 'bold', size: 'md', color: ACCENT })]),
    body: box(body),
  };
  if (card.sources.length > 0) {
    bubble.footer = box([
      text('資料來源', { size: 'xxs', color: MUTED }),
      ...card.sources.map((source) => text(source, { size: 'xxs', color: MUTED })),
    ]);
  }
  return bubble;
}

/** Empty parts were dropped as undefined; the box keeps only the present ones. */
function box(contents: Array<messagingApi.FlexComponent | undefined>): messagingApi.FlexBox {
  return { type: 'box', layout: 'vertical', spacing: 'sm', contents: contents.filter(isPresent) };
}

function labelledRow(label: string, value: string, emphasised = false): messagingApi.FlexComponent | undefined {
  const valueText = text(value, {
    align: 'end',
    flex: 3,
    size: emphasised ? 'lg' : 'sm',
    ...(emphasised ? { weight: 'bold' as const, color: ACCENT } : {}),
  });
  if (!valueText) return undefined;
  const labelText = text(label, { flex: 2, size: 'sm', color: MUTED, ...(emphasised ? { weight: 'bold' as const } : {}) });
  return { type: 'box', layout: 'horizontal', contents: [labelText, valueText].filter(isPresent) };
}

function separator(): messagingApi.FlexSeparator {
  return { type: 'separator', margin: 'md' };
}

/** LINE rejects a Flex text with an empty string, so empty texts are left out rather than sent. */
function text(value: string, style: Omit<messagingApi.FlexText, 'type' | 'text'>): messagingApi.FlexText | undefined {
  if (value.trim() === '') return undefined;
  return { type: 'text', text: value, wrap: true, ...style };
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}
