/**
 * Builds an element. Text always goes in through textContent, so nothing users typed (stored questions,
 * answers, comments) can become markup.
 * @param {string} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
 * @param {Array<Node | string | null | undefined | false>} [children]
 */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A labelled field: the label names the control for screen readers and clicks. */
export function field(labelText, control, hint) {
  const hintNode = hint ? el('p', { className: 'hint', text: hint, attrs: { id: `${control.id}-hint` } }) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return el('div', { className: 'field' }, [el('label', { text: labelText, attrs: { for: control.id } }), control, hintNode]);
}

let uniqueId = 0;
export function nextId(prefix) {
  uniqueId += 1;
  return `${prefix}-${uniqueId}`;
}

const taipei = new Intl.DateTimeFormat('zh-TW', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 2026/12/01 15:03 in Taipei time. */
export function taipeiTime(iso) {
  return taipei.format(new Date(iso));
}

/** 「file:line [錯誤] 欄位 field：message」, as knowledge:check prints it. */
export function issueText(issue) {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const tag = issue.severity === 'warning' ? '警告' : '錯誤';
  return `${where} [${tag}]${issue.field ? ` 欄位 ${issue.field}：` : ' '}${issue.message}`;
}

/** The check's problems as a list, errors and warnings apart; null when there are none. */
export function issueList(issues) {
  if (!issues || issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity !== 'warning');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const list = (items, className, title) =>
    items.length === 0 ? null : el('div', {}, [el('p', { className: 'hint', text: title }), el('ul', { className }, items.map((issue) => el('li', { text: issueText(issue) })))]);
  return el('div', {}, [list(errors, 'issues', `檢查發現 ${errors.length} 個錯誤（未寫入）：`), list(warnings, 'issues warnings', `${warnings.length} 個警告：`)]);
}

/** Says what happened, in the page's live region (read out by screen readers). */
export function notify(text, problem = false) {
  const notice = document.getElementById('notice');
  notice.classList.toggle('problem', problem);
  notice.textContent = text;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => (notice.textContent = ''), problem ? 12000 : 6000);
}

export const CHANNELS = { web: '網頁', api: 'API', line: 'LINE', botframework: 'Teams／Web Chat', cli: '終端機', eval: '評測' };
