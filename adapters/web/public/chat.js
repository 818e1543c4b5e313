import { ApiError, sendFeedback, sendMessage } from './api.js';
import { currentConversationId, startNewConversation } from './conversation-id.js';
import { clearHistory, loadHistory, saveHistory } from './history.js';
import { renderBotReply, renderFailure, renderTypingIndicator, renderUserMessage } from './render.js';

const conversation = /** @type {HTMLElement} */ (document.getElementById('conversation'));
const welcome = /** @type {HTMLElement} */ (document.getElementById('welcome'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('composer'));
const input = /** @type {HTMLTextAreaElement} */ (document.getElementById('message-input'));
const sendButton = /** @type {HTMLButtonElement} */ (document.getElementById('send'));
const restartButton = /** @type {HTMLButtonElement} */ (document.getElementById('restart'));
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

let conversationId = currentConversationId();
let history = loadHistory(conversationId);
let busy = false;

function scrollToShow(node) {
  node.scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

function failureMessage(error) {
  if (error instanceof ApiError && error.status >= 500) return '抱歉，系統暫時無法回覆您的問題，請稍後再試。';
  if (error instanceof ApiError && error.status >= 400) return '抱歉，這則訊息無法送出，請調整內容後再試一次。';
  return '抱歉，目前無法連線到客服系統，請確認網路連線後再試一次。';
}

function setBusy(value) {
  busy = value;
  sendButton.disabled = value;
  conversation.setAttribute('aria-busy', String(value));
}

async function rate(answerId, rating) {
  const replies = await sendFeedback(conversationId, answerId, rating);
  const status = replies[0]?.text ?? '謝謝您的回饋！';
  const exchange = history.exchanges.find((e) => e.replies.some((r) => r.answerId === answerId));
  if (exchange) {
    exchange.ratings[answerId] = { rating, status };
    saveHistory(history);
  }
  return status;
}

function savedRating(answerId) {
  return history.exchanges.find((e) => e.ratings[answerId])?.ratings[answerId];
}

const actions = { onQuickReply: (text) => send(text), onFeedback: rate, savedRating };

/** Asks the bot and shows its replies, or a failure with a retry; the user's message is already on screen. */
async function ask(text) {
  const askedIn = conversationId;
  setBusy(true);
  const typing = renderTypingIndicator();
  conversation.append(typing);
  scrollToShow(typing);
  let nodes;
  let replies;
  try {
    replies = await sendMessage(askedIn, text, history.exchanges.length);
    nodes = replies.map((reply) => renderBotReply(reply, actions));
  } catch (error) {
    nodes = [renderFailure(failureMessage(error), () => retry(text))];
  }
  // A restart while waiting already cleared the view and began another conversation.
  if (askedIn !== conversationId) return;
  if (replies) {
    // After 「重新開始」 the bot remembers nothing, and that is no lost context: the count starts again.
    if (replies.some((reply) => reply.startsOver)) history.exchanges = [];
    else history.exchanges.push({ question: text, replies, ratings: {} });
    saveHistory(history);
  }
  typing.remove();
  conversation.append(...nodes);
  setBusy(false);
  // Long answers are read from their first line, where the figure is.
  nodes[0]?.scrollIntoView({ block: 'start', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

/** @returns {boolean} whether the message went out again (not while another one is still waiting) */
function retry(text) {
  if (busy) return false;
  void ask(text);
  return true;
}

function send(rawText) {
  const text = rawText.trim();
  if (busy || text === '') return;
  const message = renderUserMessage(text);
  conversation.append(message);
  scrollToShow(message);
  void ask(text);
}

function resizeInput() {
  input.style.height = 'auto';
  input.style.height = `${input.scrollHeight}px`;
}

function submitInput() {
  if (busy || input.value.trim() === '') return;
  send(input.value);
  input.value = '';
  resizeInput();
  input.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  submitInput();
});

input.addEventListener('keydown', (event) => {
  // Enter while an input method is composing picks a candidate character; it must not send.
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  submitInput();
});

input.addEventListener('input', resizeInput);

for (const example of welcome.querySelectorAll('button.example')) {
  example.addEventListener('click', () => {
    send(example.textContent ?? '');
  });
}

restartButton.addEventListener('click', () => {
  conversationId = startNewConversation();
  clearHistory();
  history = loadHistory(conversationId);
  conversation.replaceChildren(welcome);
  setBusy(false);
  input.value = '';
  resizeInput();
  conversation.scrollTop = 0;
  input.focus();
});

/** After a reload the tab shows its conversation again, where it left off, and goes on with the same id. */
function restoreHistory() {
  for (const exchange of history.exchanges) {
    conversation.append(renderUserMessage(exchange.question), ...exchange.replies.map((reply) => renderBotReply(reply, actions)));
  }
  conversation.lastElementChild?.scrollIntoView({ block: 'end' });
}

restoreHistory();
