/** Tells the server this request comes from the web page, so it is counted on the 'web' channel. */
const CLIENT_HEADERS = { 'Content-Type': 'application/json', 'X-Client': 'web-chat' };
const TIMEOUT_MS = 30_000;

export class ApiError extends Error {
  /** @param {number} status 0 when the server could not be reached */
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function postJson(path, body) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: CLIENT_HEADERS,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, payload?.error?.message ?? response.statusText);
  if (!payload || !Array.isArray(payload.replies)) throw new ApiError(response.status, 'unexpected response');
  return payload;
}

/**
 * @param {number} turnsShown exchanges of this conversation on screen, so the bot knows when it lost them
 * @returns {Promise<Array<object>>} the bot's replies
 */
export async function sendMessage(conversationId, text, turnsShown) {
  const payload = await postJson('/api/chat', { conversationId, text, turnsShown });
  return payload.replies;
}

/** @param {'up' | 'down'} rating */
export async function sendFeedback(conversationId, answerId, rating) {
  const payload = await postJson('/api/feedback', { conversationId, answerId, rating });
  return payload.replies;
}
