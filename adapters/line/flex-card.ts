import type { messagingApi } from '@line/bot-sdk';
import type { PresentedReply, TapTarget } from '../../bot/compose/presentation.ts';
import { programmeCardLine } from '../../bot/compose/programme-cards.ts';
import type { ProgrammeCard, ResultCard } from '../../bot/types.ts';
import { CLIPBOARD_TEXT_MAX, truncate } from './limits.ts';
import type { LineCaptions } from './captions.ts';

/** LINE caps a Flex message's alternative text (shown in notifications and chat lists) at 1,500 characters. */
const ALT_TEXT_MAX = 1500;
/** LINE's limit on an action's label. */
const LABEL_MAX = 20;
const CONTACT_BUTTONS_MAX = 4;
/** LINE's limit on the bubbles of one carousel. */
const CAROUSEL_BUBBLES_MAX = 12;

const ACCENT = '#0B6E4F';
const MUTED = '#888888';

/**
 * A calculation as one Flex bubble, result first: the fee, the formula, why this rate, then the inputs and the rule
 * date; buttons copy the figures (and a CSV row) and open the notes and sources.
 */
export function calculationMessage(
  shown: PresentedReply & { card: ResultCard },
  captions: LineCaptions,
  detailsData: string | undefined,
): messagingApi.FlexMessage {
  const { card } = shown;
  const body: Array<messagingApi.FlexComponent | undefined> = [labelledRow(card.result.label, card.result.value, true)];
  if (card.formula) body.push(text(captions.formula, { size: 'xs', color: MUTED, margin: 'md' }), text(card.formula, { size: 'sm' }));
  if (shown.layout?.why) body.push(text(shown.layout.why, { size: 'sm', color: MUTED, margin: 'md' }));
  if (card.inputs.length > 0) body.push(separator(), ...card.inputs.map((input) => labelledRow(input.label, input.value)));
  if (card.ruleDate) body.push(text(card.ruleDate, { size: 'xs', color: MUTED }));

  const buttons: messagingApi.FlexComponent[] = [];
  if (shown.copy) {
    buttons.push(button({ type: 'clipboard', label: captions.copy, clipboardText: truncate(shown.copy, CLIPBOARD_TEXT_MAX) }));
  }
  if (detailsData) buttons.push(button({ type: 'postback', label: captions.details, data: detailsData, displayText: captions.details }));

  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: box([text(card.title, { weight: 'bold', size: 'md', color: ACCENT })]),
    body: box(body),
    ...(buttons.length > 0 ? { footer: box(buttons) } : {}),
  };
  return { type: 'flex', altText: truncate(shown.layout?.lead ?? `${card.title}：${card.result.label} ${card.result.value}`, ALT_TEXT_MAX), contents: bubble };
}

/**
 * The finder's proposals as a Flex carousel, one bubble per programme, best first: the highest ratio and the fee
 * rate, who it is for, why it fits and what would still decide it. The alternative text is the text of the list.
 */
export function programmeCarousel(programmes: ProgrammeCard[], captions: LineCaptions): messagingApi.FlexMessage {
  const labels = captions.programme;
  const bubbles = programmes.slice(0, CAROUSEL_BUBBLES_MAX).map(
    (p, i): messagingApi.FlexBubble => ({
      type: 'bubble',
      size: 'kilo',
      header: box([text(`${i + 1}. ${p.name}`, { weight: 'bold', size: 'md', color: ACCENT })]),
      body: box([
        labelledRow(labels.maxRatio, p.maxRatio, true),
        labelledRow(labels.feeRate, p.feeRate),
        separator(),
        ...(p.forWhom ? captioned(labels.forWhom, p.forWhom) : []),
        ...captioned(labels.whyItFits, p.whyItFits),
        text(p.stillToConfirm, { size: 'sm', color: MUTED, margin: 'md' }),
      ]),
    }),
  );
  const altText = programmes.map((p, i) => programmeCardLine(p, i + 1)).join('\n');
  return { type: 'flex', altText: truncate(altText, ALT_TEXT_MAX), contents: { type: 'carousel', contents: bubbles } };
}

function captioned(caption: string, value: string): Array<messagingApi.FlexComponent | undefined> {
  return [text(caption, { size: 'xs', color: MUTED, margin: 'md' }), text(value, { size: 'sm' })];
}

/** Phone numbers and the web address of an answer as buttons: a tap calls or opens them (LINE URI actions). */
export function contactMessage(targets: TapTarget[], captions: LineCaptions): messagingApi.FlexMessage | undefined {
  const buttons = targets
    .filter((t) => t.kind === 'tel' || t.kind === 'url')
    .slice(0, CONTACT_BUTTONS_MAX)
    .map((t) => button({ type: 'uri', label: truncate(t.kind === 'tel' ? `${t.label === t.text ? '' : `${t.label} `}${t.text}` : captions.website, LABEL_MAX), uri: t.href }));
  if (buttons.length === 0) return undefined;
  return {
    type: 'flex',
    altText: captions.contact,
    contents: { type: 'bubble', size: 'kilo', body: box([text(captions.contact, { weight: 'bold', size: 'sm', color: ACCENT }), ...buttons]) },
  };
}

/** Empty parts were dropped as undefined; the box keeps only the present ones. */
function box(contents: Array<messagingApi.FlexComponent | undefined>): messagingApi.FlexBox {
  return { type: 'box', layout: 'vertical', spacing: 'sm', contents: contents.filter(isPresent) };
}

function button(action: messagingApi.Action): messagingApi.FlexButton {
  return { type: 'button', style: 'link', height: 'sm', action };
}

function labelledRow(label: string, value: string, emphasised = false): messagingApi.FlexComponent | undefined {
  const valueText = text(value, {
    align: 'end',
    flex: 3,
    size: emphasised ? 'xl' : 'sm',
    ...(emphasised ? { weight: 'bold' as const, color: ACCENT } : {}),
  });
  if (!valueText) return undefined;
  const labelText = text(label, { flex: 2, size: 'sm', color: MUTED, gravity: 'center', ...(emphasised ? { weight: 'bold' as const } : {}) });
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
