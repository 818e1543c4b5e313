const STORAGE_KEY = 'smeg-chat-conversation-id';

/** randomUUID needs a secure context; a page opened over plain http on a LAN address falls back to the same format. */
function newId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function store(id) {
  try {
    sessionStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage can be disabled (private modes, policies); the id then lives as long as the page.
  }
  return id;
}

/** The conversation this tab is in, kept for the browser session so a reload continues it. */
export function currentConversationId() {
  let saved = null;
  try {
    saved = sessionStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  return saved ?? store(newId());
}

export function startNewConversation() {
  return store(newId());
}
