import { ApiError, sendFeedback, sendMessage } from './api.js';
import { currentConversationId, startNewConversation } from './conversation-id.js';
import { renderBotReply, renderFailure, renderTypingIndicator, renderUserMessage } from './render.js';

const conversation = /** @type {HTMLElement} */ (document.getElementById('conversation'));
const welcome = /** @type {HTMLElement} */ (document.getElementById('welcome'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('composer'));
const input = /** @type {HTMLTextAreaElement} */ (document.getElementById('message-input'));
const sendButton = /** @type {HTMLButtonElement} */ (document.getElementById('send'));
const restartButton = /** @type {HTMLButtonElement} */ (document.getElementById('restart'));
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

let conversationId = currentConversationId();
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
  return replies[0]?.text ?? '謝謝您的回饋！';
}

const actions = { onQuickReply: (text) => send(text), onFeedback: rate };

/** Asks the bot and shows its replies, or a failure with a retry; the user's message is already on screen. */
async function ask(text) {
  const askedIn = conversationId;
  setBusy(true);
  const typing = renderTypingIndicator();
  conversation.append(typing);
  scrollToShow(typing);
  let nodes;
  try {
    const replies = await sendMessage(askedIn, text);
    nodes = replies.map((reply) => renderBotReply(reply, actions));
  } catch (error) {
    nodes = [renderFailure(failureMessage(error), () => retry(text))];
  }
  // A restart while waiting already cleared the view and began another conversation.
  if (askedIn !== conversationId) return;
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
  conversation.replaceChildren(welcome);
  setBusy(false);
  input.value = '';
  resizeInput();
  conversation.scrollTop = 0;
  input.focus();
});
