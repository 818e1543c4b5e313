/**
 * What this tab has shown, kept for the browser session (per tab, like the conversation id) so a reload shows the
 * conversation again instead of a blank page while the server still remembers it.
 * @typedef {{ question: string, replies: Array<object>, ratings: Record<string, { rating: 'up' | 'down', status: string }> }} Exchange
 * @typedef {{ conversationId: string, exchanges: Exchange[] }} History
 */

const STORAGE_KEY = 'smeg-chat-history';
/** Enough to scroll back through a long session; older exchanges drop off so storage never fills up. */
const MAX_EXCHANGES = 60;

/** @returns {History} the history of this conversation, empty when there is none (or storage is unavailable) */
export function loadHistory(conversationId) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved?.conversationId === conversationId && Array.isArray(saved.exchanges)) return saved;
  } catch {
    // Unreadable or unavailable storage: start with an empty history.
  }
  return { conversationId, exchanges: [] };
}

/** @param {History} history */
export function saveHistory(history) {
  history.exchanges = history.exchanges.slice(-MAX_EXCHANGES);
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the page works on, the history just does not survive a reload.
  }
}

export function clearHistory() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
