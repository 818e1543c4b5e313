/**
 * Builds an element. Text always goes in through textContent, so neither the user's words nor the
 * bot's can ever become markup.
 * @param {string} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
 * @param {Array<Node | null | undefined>} [children]
 * @returns {HTMLElement}
 */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Text read by screen readers only, e.g. who is speaking in the conversation. */
export function screenReaderText(text) {
  return el('span', { className: 'visually-hidden', text });
}
