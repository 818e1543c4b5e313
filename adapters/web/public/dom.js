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

/**
 * Text with its phone numbers, web and e-mail addresses as links (tel:, https:, mailto:), found by the server.
 * Only hrefs of those three schemes are made, so no text can become a javascript: link.
 * @param {string} text
 * @param {Array<{ text: string, href: string, kind: string }>} targets
 * @returns {DocumentFragment}
 */
export function linkedText(text, targets) {
  const fragment = document.createDocumentFragment();
  const usable = targets.filter((t) => /^(?:tel:|https?:\/\/|mailto:)/.test(t.href) && t.text !== '');
  let rest = text;
  for (;;) {
    let next;
    for (const target of usable) {
      const at = rest.indexOf(target.text);
      if (at >= 0 && (next === undefined || at < next.at)) next = { at, target };
    }
    if (!next) break;
    fragment.append(rest.slice(0, next.at));
    const { target } = next;
    const external = target.kind === 'url' ? { target: '_blank', rel: 'noopener noreferrer' } : {};
    fragment.append(el('a', { className: `tap-target tap-${target.kind}`, text: target.text, attrs: { href: target.href, ...external } }));
    rest = rest.slice(next.at + target.text.length);
  }
  fragment.append(rest);
  return fragment;
}
