import { el, screenReaderText } from './dom.js';

/**
 * @typedef {{ documentId: string, title: string, section: string, date?: string, dateLabel?: string, excerpt?: string }} Citation
 * @typedef {{ title: string, inputs: Array<{ label: string, value: string }>, formula?: string,
 *   result: { label: string, value: string }, ruleDate?: string, notes?: string[], sources: string[] }} ResultCard
 * @typedef {{ kind: string, text: string, citations: Citation[], quickReplies?: string[], card?: ResultCard, answerId?: string }} Reply
 * @typedef {{ onQuickReply: (text: string) => void, onFeedback: (answerId: string, rating: 'up' | 'down') => Promise<string> }} ReplyActions
 */

export function renderUserMessage(text) {
  return el('div', { className: 'message message-user' }, [
    screenReaderText('您說：'),
    el('p', { className: 'bubble', text }),
  ]);
}

/** The result leads the card: it is the figure the person asked for. */
function renderCard(card) {
  const inputs = el(
    'dl',
    { className: 'card-inputs' },
    card.inputs.flatMap((input) => [el('dt', { text: input.label }), el('dd', { text: input.value })]),
  );
  const notes = card.notes?.length ? el('ul', { className: 'card-notes' }, card.notes.map((note) => el('li', { text: note }))) : null;
  return el('section', { className: 'card', attrs: { 'aria-label': card.title } }, [
    el('h3', { className: 'card-title', text: card.title }),
    el('p', { className: 'card-result' }, [
      el('span', { className: 'card-result-label', text: card.result.label }),
      el('strong', { className: 'card-result-value', text: card.result.value }),
    ]),
    inputs,
    card.formula
      ? el('p', { className: 'card-formula' }, [
          el('span', { className: 'card-caption', text: '計算式' }),
          el('code', { text: card.formula }),
        ])
      : null,
    card.ruleDate ? el('p', { className: 'card-rule-date', text: card.ruleDate }) : null,
    notes,
  ]);
}

function citationSummary(citation) {
  return [citation.title, citation.section, citation.dateLabel ?? citation.date].filter(Boolean).join(' · ');
}

function renderCitation(citation) {
  const body = citation.excerpt
    ? el('blockquote', { className: 'citation-excerpt', text: citation.excerpt })
    : el('p', { className: 'citation-excerpt citation-excerpt-missing', text: `請參閱〈${citation.title}〉「${citation.section}」原文。` });
  return el('li', {}, [
    el('details', { className: 'citation' }, [el('summary', { text: citationSummary(citation) }), body]),
  ]);
}

function renderCitations(citations) {
  return el('div', { className: 'citations' }, [
    el('p', { className: 'citations-title', text: '資料來源' }),
    el('ul', { className: 'citation-list' }, citations.map(renderCitation)),
  ]);
}

function renderQuickReplies(quickReplies, onQuickReply) {
  return el(
    'div',
    { className: 'quick-replies', attrs: { role: 'group', 'aria-label': '建議的下一個問題' } },
    quickReplies.map((text) => {
      const chip = el('button', { className: 'chip', text, attrs: { type: 'button' } });
      chip.addEventListener('click', () => onQuickReply(text));
      return chip;
    }),
  );
}

function renderFeedback(answerId, onFeedback) {
  const status = el('span', { className: 'feedback-status', attrs: { role: 'status' } });
  // 👍/👎 drawn as icons: devices without an emoji font would otherwise show empty boxes.
  const button = (rating, icon, label) =>
    el('button', { className: 'feedback-button', attrs: { type: 'button', 'aria-label': label, 'aria-pressed': 'false', 'data-rating': rating } }, [
      el('img', { attrs: { src: icon, alt: '', width: '18', height: '18' } }),
    ]);
  const up = button('up', 'thumb-up.svg', '這個回答有幫助');
  const down = button('down', 'thumb-down.svg', '這個回答沒有幫助');

  const rate = async (rating, chosen) => {
    up.disabled = down.disabled = true;
    chosen.setAttribute('aria-pressed', 'true');
    status.textContent = '送出中…';
    try {
      status.textContent = await onFeedback(answerId, rating);
    } catch {
      chosen.setAttribute('aria-pressed', 'false');
      up.disabled = down.disabled = false;
      status.textContent = '回饋未送出，請再試一次。';
    }
  };
  up.addEventListener('click', () => rate('up', up));
  down.addEventListener('click', () => rate('down', down));

  return el('div', { className: 'feedback' }, [el('span', { className: 'feedback-question', text: '這個回答有幫助嗎？' }), up, down, status]);
}

/**
 * One bot reply: its text (which states the figure first), the calculation card, the sources it cites,
 * then what the person can do next.
 * @param {Reply} reply
 * @param {ReplyActions} actions
 */
export function renderBotReply(reply, actions) {
  const isError = reply.kind === 'error';
  return el('article', { className: `message message-bot${isError ? ' message-error' : ''}`, attrs: { 'data-kind': reply.kind } }, [
    screenReaderText('客服回覆：'),
    el('div', { className: 'bubble' }, [
      el('p', { className: 'reply-text', text: withoutSourcesLine(reply) }),
      reply.card ? renderCard(reply.card) : null,
      reply.citations?.length ? renderCitations(reply.citations) : null,
      reply.answerId ? renderFeedback(reply.answerId, actions.onFeedback) : null,
    ]),
    reply.quickReplies?.length ? renderQuickReplies(reply.quickReplies, actions.onQuickReply) : null,
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
 * The answer text without its closing 「資料來源：…」 line when the citations are listed under it anyway
 * (the line is there for channels that show text only).
 * @param {Reply} reply
 */
function withoutSourcesLine(reply) {
  if (reply.citations.length === 0) return reply.text;
  return reply.text.replace(/\n資料來源：[^\n]*$/, '');
}
