import { api, report } from './api.js';
import { CHANNELS, el, field, issueList, nextId, notify, taipeiTime } from './dom.js';
import { forgetRulesAndDocuments, rulesAndDocuments } from './sections.js';

const list = document.getElementById('inbox-list');
const order = document.getElementById('inbox-order');
const showAll = document.getElementById('inbox-show-all');
const count = document.getElementById('inbox-count');

order.addEventListener('change', () => void showInbox().catch(report));
showAll.addEventListener('change', () => void showInbox().catch(report));
document.getElementById('inbox-refresh').addEventListener('click', () => void showInbox().catch(report));

export async function showInbox() {
  const [inbox, { documents }] = await Promise.all([
    api(`/admin/api/inbox?order=${order.value}&show=${showAll.checked ? 'all' : 'open'}`),
    rulesAndDocuments(),
  ]);
  showHandoffs(inbox.handoffs);
  count.textContent = inbox.open > 0 ? String(inbox.open) : '';
  count.setAttribute('aria-label', `${inbox.open} 則待處理`);
  list.replaceChildren(...inbox.items.map((item) => itemCard(item, documents)));
  if (inbox.items.length === 0) {
    list.append(el('p', { className: 'panel', text: inbox.all > 0 ? '沒有待處理的問題：全部都已處理。勾選「顯示已處理的問題」可以看到它們。' : '目前沒有未回答的問題或 👎 回答。' }));
  }
}

function showHandoffs(handoffs) {
  const panel = document.getElementById('handoffs');
  panel.hidden = handoffs.length === 0;
  document.getElementById('handoff-count').textContent = `（最近 ${handoffs.length} 則）`;
  document.getElementById('handoff-rows').replaceChildren(
    ...handoffs.map((handoff) =>
      el('tr', {}, [el('td', { text: taipeiTime(handoff.at) }), el('td', { text: CHANNELS[handoff.channel] ?? handoff.channel }), el('td', { text: handoff.question })]),
    ),
  );
}

function itemCard(item, documents) {
  const titleId = nextId('question');
  const card = el('article', { className: `card ${item.resolution ? 'resolved' : 'open'}`, attrs: { 'aria-labelledby': titleId } });
  const asked = item.unanswered + item.lowConfidence;
  const parts = [
    el('h3', { text: item.question, attrs: { id: titleId } }),
    el('ul', { className: 'meta' }, [
      item.unanswered > 0 && el('li', { text: `未回答 ${item.unanswered} 次` }),
      item.lowConfidence > 0 && el('li', { text: `回答沒把握 ${item.lowConfidence} 次` }),
      item.down > 0 && el('li', { text: `不滿意 👎 ${item.down} 次${item.up > 0 ? `、滿意 👍 ${item.up} 次` : ''}` }),
      el('li', { text: `管道：${item.channels.map((channel) => CHANNELS[channel] ?? channel).join('、')}` }),
      el('li', { text: `最近：${taipeiTime(item.lastAt)}` }),
      asked + item.down > 1 && el('li', { text: `首次：${taipeiTime(item.firstAt)}` }),
    ]),
    resolutionTag(item.resolution),
    answerGiven(item),
    item.comments.length > 0 && el('div', {}, [el('p', { className: 'hint', text: '使用者的意見：' }), el('ul', {}, item.comments.map((comment) => el('li', { text: comment })))]),
    !item.resolution && actions(item, documents, card),
  ];
  card.append(...parts.filter(Boolean));
  return card;
}

function resolutionTag(resolution) {
  if (!resolution) return el('p', {}, [el('span', { className: 'tag', text: '待處理' })]);
  const text =
    resolution.kind === 'example'
      ? `已處理：是《${resolution.title}》〈${resolution.section}〉的例題`
      : `已處理：${resolution.marked} 標為不在服務範圍${resolution.note ? `（${resolution.note}）` : ''}`;
  return el('p', {}, [el('span', { className: 'tag ok', text })]);
}

function answerGiven(item) {
  if (!item.answer) {
    return el('p', { className: 'hint', text: '當時沒有回答：機器人說找不到可確實回答的資料，並提供客服專線。' });
  }
  return el('details', {}, [
    el('summary', { text: `當時的回答${item.citations.length > 0 ? `（引用 ${item.citations.length} 處）` : ''}` }),
    el('p', { className: 'answer-text', text: item.answer }),
    item.citations.length > 0 &&
      el(
        'ul',
        {},
        item.citations.map((citation) => el('li', { text: `《${citation.title}》〈${citation.section}〉${citation.date ? `（${citation.date}）` : ''}` })),
      ),
  ]);
}

/** Attach as an example of a section (suggested ones first), or mark as out of scope. */
function actions(item, documents, card) {
  const section = el('select', { attrs: { id: nextId('section'), required: '' } });
  if (item.suggestions.length > 0) {
    section.append(
      el(
        'optgroup',
        { attrs: { label: '搜尋建議' } },
        item.suggestions.map((suggestion) => el('option', { text: `《${suggestion.title}》〈${suggestion.section}〉`, attrs: { value: suggestion.sectionId } })),
      ),
    );
  } else {
    section.append(el('option', { text: '（請選擇章節）', attrs: { value: '' } }));
  }
  for (const document of documents) {
    section.append(
      el(
        'optgroup',
        { attrs: { label: `《${document.title}》` } },
        document.sections.map((candidate) => el('option', { text: candidate.heading, attrs: { value: candidate.id } })),
      ),
    );
  }
  const wording = el('input', { attrs: { id: nextId('example'), type: 'text', value: item.question } });
  const result = el('div', { attrs: { 'aria-live': 'polite' } });
  const attach = el('form', { className: 'actions', attrs: { novalidate: '' } }, [
    field('回答它的章節', section),
    field('例題文字（可修改，去掉個人資料）', wording),
    el('button', { className: 'primary', text: '加入為例題', attrs: { type: 'submit' } }),
  ]);
  const note = el('input', { attrs: { id: nextId('note'), type: 'text', placeholder: '例如：與信保業務無關' } });
  const outOfScope = el('form', { className: 'actions', attrs: { novalidate: '' } }, [
    field('原因（選填）', note),
    el('button', { className: 'quiet', text: '標為不在服務範圍', attrs: { type: 'submit' } }),
  ]);

  const submit = (form, path, body, done) =>
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (path.endsWith('example') && !section.value) {
        notify('請先選擇回答它的章節', true);
        section.focus();
        return;
      }
      const button = form.querySelector('button');
      button.disabled = true;
      result.replaceChildren();
      try {
        const response = await api(path, { method: 'POST', body: body() });
        forgetRulesAndDocuments();
        notify(`${done(response)}；已重新載入（版本 ${response.reload.version}）`);
        card.classList.replace('open', 'resolved');
        attach.remove();
        outOfScope.remove();
        card.querySelector('.tag').replaceWith(el('span', { className: 'tag ok', text: `已處理：${done(response)}` }));
        void showInboxCount();
      } catch (error) {
        result.replaceChildren(issueList(error.issues) ?? '');
        report(error);
        button.disabled = false;
      }
    });
  submit(attach, '/admin/api/inbox/example', () => ({ question: wording.value, sectionId: section.value }), (response) => `已加入〈${response.section}〉的例題（${response.file}）`);
  submit(outOfScope, '/admin/api/inbox/out-of-scope', () => ({ question: item.question, ...(note.value.trim() ? { note: note.value.trim() } : {}) }), (response) => `已標為不在服務範圍（${response.file}）`);
  return el('div', {}, [attach, outOfScope, result]);
}

async function showInboxCount() {
  const inbox = await api('/admin/api/inbox?show=open');
  count.textContent = inbox.open > 0 ? String(inbox.open) : '';
}
