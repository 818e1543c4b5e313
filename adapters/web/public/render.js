import { captionsFor } from './captions.js';
import { el, linkedText, screenReaderText } from './dom.js';

/**
 * @typedef {{ documentId: string, title: string, section: string, date?: string, dateLabel?: string, excerpt?: string }} Citation
 * @typedef {{ title: string, inputs: Array<{ label: string, value: string }>, formula?: string,
 *   result: { label: string, value: string }, ruleDate?: string, notes?: string[], sources: string[] }} ResultCard
 * @typedef {{ lead: string, body: string[], why?: string, details: string[] }} AnswerLayout
 * @typedef {{ kind: string, text: string, href: string, label: string }} TapTarget
 * @typedef {{ name: string, forWhom?: string, maxRatio: string, feeRate: string, whyItFits: string,
 *   stillToConfirm: string, sources: string[] }} ProgrammeCard
 * @typedef {{ kind: string, text: string, citations: Citation[], quickReplies?: string[], card?: ResultCard,
 *   programmes?: ProgrammeCard[], answerId?: string, layout?: AnswerLayout, tapTargets?: TapTarget[], copyText?: string, language?: string }} Reply
 * @typedef {{ rating: 'up' | 'down', status: string }} SavedRating
 * @typedef {{ onQuickReply: (text: string) => void,
 *   onFeedback: (answerId: string, rating: 'up' | 'down') => Promise<string>,
 *   savedRating: (answerId: string) => SavedRating | undefined }} ReplyActions
 */

export function renderUserMessage(text) {
  return el('div', { className: 'message message-user' }, [
    screenReaderText('您說：'),
    el('p', { className: 'bubble', text }),
  ]);
}

/** Copies with the Clipboard API, or, where it is unavailable (a page over plain http), with a selected textarea. */
async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el('textarea', { className: 'copy-source', attrs: { readonly: '', 'aria-hidden': 'true' } });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** The formula of a calculation, with a button copying the figures and a spreadsheet row. */
function renderFormula(formula, copyText, captions) {
  const status = el('span', { className: 'copy-status', attrs: { role: 'status' } });
  const button = el('button', { className: 'copy-button', text: captions.copy, attrs: { type: 'button' } });
  button.addEventListener('click', async () => {
    status.textContent = (await copyToClipboard(copyText)) ? captions.copied : captions.copyFailed;
  });
  return el('div', { className: 'reply-formula' }, [
    el('div', { className: 'formula-header' }, [el('span', { className: 'formula-caption', text: captions.formula }), button]),
    el('code', { className: 'formula', text: formula }),
    status,
  ]);
}

function renderLines(className, lines, targets) {
  return el(
    'div',
    { className },
    lines.map((line) => el('p', { className: line.startsWith('・') ? 'reply-line reply-point' : 'reply-line' }, [linkedText(line, targets)])),
  );
}

function citationSummary(citation) {
  return [citation.title, citation.section, citation.dateLabel ?? citation.date].filter(Boolean).join(' · ');
}

function renderCitation(citation, captions) {
  const body = citation.excerpt
    ? el('blockquote', { className: 'citation-excerpt', text: citation.excerpt })
    : el('p', { className: 'citation-excerpt citation-excerpt-missing', text: captions.missingExcerpt(citation) });
  return el('li', {}, [el('details', { className: 'citation' }, [el('summary', { text: citationSummary(citation) }), body])]);
}

function renderInputs(card) {
  return el(
    'dl',
    { className: 'card-inputs', attrs: { 'aria-label': card.title } },
    card.inputs.flatMap((input) => [el('dt', { text: input.label }), el('dd', { text: input.value })]),
  );
}

/**
 * What a reader checking the answer wants and a reader using it does not, behind one disclosure: the inputs of a
 * calculation, version history and notes, and every cited source (each expandable to the cited passage).
 */
function renderDetails(reply, captions) {
  const lines = reply.layout?.details ?? [];
  const inputs = reply.layout && reply.card?.inputs.length ? renderInputs(reply.card) : null;
  if (!inputs && lines.length === 0 && reply.citations.length === 0) return null;
  const onlySources = !inputs && lines.length === 0;
  const summary = reply.copyText ? captions.calculationDetails : onlySources ? captions.sourcesCount(reply.citations.length) : captions.details;
  const sources = reply.citations.length
    ? el('div', { className: 'citations' }, [
        onlySources ? null : el('p', { className: 'citations-title', text: captions.sources }),
        el('ul', { className: 'citation-list' }, reply.citations.map((c) => renderCitation(c, captions))),
      ])
    : null;
  return el('details', { className: 'reply-details' }, [
    el('summary', { text: summary }),
    inputs,
    lines.length ? renderLines('detail-lines', lines, reply.tapTargets ?? []) : null,
    sources,
  ]);
}

/**
 * The finder's proposals, one card each, best first: the figures on top, then who it is for, why it fits and what
 * would still decide it.
 * @param {ProgrammeCard[]} programmes
 */
function renderProgrammeCards(programmes, captions) {
  const labels = captions.programme;
  const row = (label, value) => (value ? [el('dt', { text: label }), el('dd', { text: value })] : []);
  return el(
    'ol',
    { className: 'programme-cards' },
    programmes.map((p) =>
      el('li', { className: 'programme-card' }, [
        el('h3', { className: 'programme-name', text: p.name }),
        el('dl', { className: 'programme-figures' }, [...row(labels.maxRatio, p.maxRatio), ...row(labels.feeRate, p.feeRate)]),
        el('dl', { className: 'programme-reasons' }, [...row(labels.forWhom, p.forWhom), ...row(labels.whyItFits, p.whyItFits)]),
        el('p', { className: 'programme-to-confirm', text: p.stillToConfirm }),
      ]),
    ),
  );
}

/** An answer laid out for a phone: the result first, then the formula or reasons, one line of why, details folded. */
function renderLayout(reply, captions) {
  const { layout } = reply;
  const targets = reply.tapTargets ?? [];
  const formula = reply.copyText ? reply.card?.formula : undefined;
  // The formula is shown once, in its block with the copy button.
  const body = formula ? layout.body.filter((line) => !line.endsWith(formula)) : layout.body;
  return [
    el('p', { className: 'reply-lead' }, [linkedText(layout.lead, targets)]),
    reply.programmes?.length ? renderProgrammeCards(reply.programmes, captions) : null,
    formula ? renderFormula(formula, reply.copyText, captions) : null,
    body.length ? renderLines('reply-body', body, targets) : null,
    layout.why ? el('p', { className: 'reply-why' }, [linkedText(layout.why, targets)]) : null,
  ];
}

function renderQuickReplies(quickReplies, onQuickReply, captions) {
  return el(
    'div',
    { className: 'quick-replies', attrs: { role: 'group', 'aria-label': captions.suggestions } },
    quickReplies.map((text) => {
      const chip = el('button', { className: 'chip', text, attrs: { type: 'button' } });
      chip.addEventListener('click', () => onQuickReply(text));
      return chip;
    }),
  );
}

function renderFeedback(answerId, actions, captions) {
  const status = el('span', { className: 'feedback-status', attrs: { role: 'status' } });
  // 👍/👎 drawn as icons: devices without an emoji font would otherwise show empty boxes.
  const button = (rating, icon, label) =>
    el('button', { className: 'feedback-button', attrs: { type: 'button', 'aria-label': label, 'aria-pressed': 'false', 'data-rating': rating } }, [
      el('img', { attrs: { src: icon, alt: '', width: '18', height: '18' } }),
    ]);
  const up = button('up', 'thumb-up.svg', captions.up);
  const down = button('down', 'thumb-down.svg', captions.down);

  const saved = actions.savedRating(answerId);
  if (saved) {
    up.disabled = down.disabled = true;
    (saved.rating === 'up' ? up : down).setAttribute('aria-pressed', 'true');
    status.textContent = saved.status;
  }

  const rate = async (rating, chosen) => {
    up.disabled = down.disabled = true;
    chosen.setAttribute('aria-pressed', 'true');
    status.textContent = captions.sending;
    try {
      status.textContent = await actions.onFeedback(answerId, rating);
    } catch {
      chosen.setAttribute('aria-pressed', 'false');
      up.disabled = down.disabled = false;
      status.textContent = captions.feedbackFailed;
    }
  };
  up.addEventListener('click', () => rate('up', up));
  down.addEventListener('click', () => rate('down', down));

  return el('div', { className: 'feedback' }, [el('span', { className: 'feedback-question', text: captions.helpful }), up, down, status]);
}

/**
 * One bot reply. An answer leads with its result (see renderLayout); questions back, greetings and fallbacks are
 * short and shown as they are. Sources are folded under the reply, then what the person can do next.
 * @param {Reply} reply
 * @param {ReplyActions} actions
 */
export function renderBotReply(reply, actions) {
  const captions = captionsFor(reply);
  const isError = reply.kind === 'error';
  const content = reply.layout
    ? renderLayout(reply, captions)
    : [el('p', { className: 'reply-text' }, [linkedText(withoutSourcesLine(reply), reply.tapTargets ?? [])])];
  return el('article', { className: `message message-bot${isError ? ' message-error' : ''}`, attrs: { 'data-kind': reply.kind } }, [
    screenReaderText(captions.bot),
    el('div', { className: 'bubble' }, [
      ...content,
      renderDetails(reply, captions),
      reply.answerId ? renderFeedback(reply.answerId, actions, captions) : null,
    ]),
    reply.quickReplies?.length ? renderQuickReplies(reply.quickReplies, actions.onQuickReply, captions) : null,
  ]);
}

/**
 * Shown when the API could not answer; the retry button sends the same message again.
 * @param {string} message
 * @param {() => boolean} onRetry returns false when the message could not be sent yet
 */
export function renderFailure(message, onRetry) {
  const retry = el('button', { className: 'chip retry', text: '重試', attrs: { type: 'button' } });
  const node = el('div', { className: 'message message-bot message-error', attrs: { 'data-kind': 'failure' } }, [
    screenReaderText('系統訊息：'),
    el('div', { className: 'bubble' }, [el('p', { className: 'reply-text', text: message })]),
    el('div', { className: 'quick-replies' }, [retry]),
  ]);
  retry.addEventListener('click', () => {
    if (onRetry()) node.remove();
  });
  return node;
}

export function renderTypingIndicator() {
  return el('div', { className: 'message message-bot typing', attrs: { 'data-kind': 'typing' } }, [
    el('div', { className: 'bubble typing-bubble', attrs: { 'aria-hidden': 'true' } }, [
      el('span', { className: 'typing-dot' }),
      el('span', { className: 'typing-dot' }),
      el('span', { className: 'typing-dot' }),
    ]),
    screenReaderText('客服正在回覆…'),
  ]);
}

/**
 * The reply text without its closing 「資料來源：…」 line when the citations are listed under it anyway
 * (the line is there for channels that show text only).
 * @param {Reply} reply
 */
function withoutSourcesLine(reply) {
  if (reply.citations.length === 0) return reply.text;
  return reply.text.replace(/\n(?:資料來源|Sources): [^\n]*$|\n資料來源：[^\n]*$/, '');
}
