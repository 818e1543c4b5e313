import { api, report } from './api.js';
import { el, issueList, notify } from './dom.js';
import { forgetRulesAndDocuments, rulesAndDocuments } from './sections.js';

const form = document.getElementById('preview-form');
const questions = document.getElementById('preview-questions');
const date = document.getElementById('preview-date');
const draftSelect = document.getElementById('preview-draft');
const editor = document.getElementById('draft-editor');
const draftName = document.getElementById('draft-name');
const content = document.getElementById('draft-content');
const draftIssues = document.getElementById('draft-issues');
const result = document.getElementById('preview-result');

/** The draft in the editor: its path (where it will be published) and whether it exists in DRAFTS_DIR yet. */
let draft;
/** The choice to show next time the view is shown (after a save, or from the rules page). */
let wanted;

export async function showPreview() {
  const selected = wanted ?? draftSelect.value;
  wanted = undefined;
  const [{ drafts }, { today, parameters, documents }] = await Promise.all([api('/admin/api/drafts'), rulesAndDocuments()]);
  if (!date.value) date.value = today;
  draftSelect.replaceChildren(
    el('option', { text: '（不比較草稿，只看現行內容）', attrs: { value: '' } }),
    drafts.length > 0 &&
      el(
        'optgroup',
        { attrs: { label: '草稿（DRAFTS_DIR）' } },
        drafts.map((item) => el('option', { text: `${item.path}（${item.folder === 'knowledge' ? '知識文件' : '規則參數'}）`, attrs: { value: `draft:${item.path}` } })),
      ),
    el(
      'optgroup',
      { attrs: { label: '以現行檔案開始新草稿：規則參數' } },
      parameters.map((parameter) => el('option', { text: `${parameter.name}（${parameter.description}）`, attrs: { value: `live:${parameterPath(parameter.file)}` } })),
    ),
    el(
      'optgroup',
      { attrs: { label: '以現行檔案開始新草稿：知識文件' } },
      documents.map((doc) => el('option', { text: doc.title, attrs: { value: `live:${doc.id}.md` } })),
    ),
  );
  draftSelect.value = [...draftSelect.options].some((option) => option.value === selected) ? selected : '';
  if (draftSelect.value !== (draft ? `draft:${draft.path}` : '')) await loadDraft();
}

/** Opens a saved draft and asks as of `asOf` (the new value's date), from the rules page. */
export async function openDraftInPreview(path, asOf) {
  date.value = asOf;
  draft = undefined;
  await showAgain(`draft:${path}`);
}

/** Shows the view with `choice` selected: by moving to it, or (already there) by drawing it again. */
async function showAgain(choice) {
  wanted = choice;
  if (location.hash === '#preview') await showPreview();
  else location.hash = '#preview';
}

/** rules/parameters/batch/fee_rate.yaml → batch/fee_rate.yaml: the path after the parameters folder. */
function parameterPath(file) {
  const at = file.indexOf('/', file.indexOf('parameters/'));
  return file.slice(at + 1);
}

async function loadDraft() {
  draftIssues.replaceChildren();
  const [kind, ...rest] = draftSelect.value.split(':');
  const path = rest.join(':');
  if (!path) {
    draft = undefined;
    draftName.textContent = '（未選草稿）';
    content.value = '';
    editor.open = false;
    return;
  }
  const source = kind === 'draft' ? `/admin/api/drafts/file?path=${encodeURIComponent(path)}` : `/admin/api/sources/file?path=${encodeURIComponent(path)}`;
  const loaded = await api(source);
  draft = { path, saved: kind === 'draft' };
  draftName.textContent = kind === 'draft' ? path : `${path}（尚未存成草稿）`;
  content.value = loaded.content;
  editor.open = true;
}

draftSelect.addEventListener('change', () => void loadDraft().catch(report));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const asked = questions.value.split('\n').map((line) => line.trim()).filter(Boolean);
  if (asked.length === 0) {
    notify('請輸入問題', true);
    questions.focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  result.replaceChildren(el('p', { className: 'hint', text: '回答中…（草稿第一次預覽要建立索引，約需一秒）' }));
  try {
    const answer = await api('/admin/api/preview', {
      method: 'POST',
      body: { questions: asked, asOf: date.value, ...(draft ? { draft: { path: draft.path, content: content.value } } : {}) },
    });
    result.replaceChildren(
      column(`現行內容（版本 ${answer.live.version}）`, answer.asOf, answer.live),
      answer.draft ? column(`草稿 ${draft.path}`, answer.asOf, answer.draft) : '',
    );
  } catch (error) {
    result.replaceChildren(issueList(error.issues) ?? '');
    report(error);
  } finally {
    button.disabled = false;
  }
});

function column(title, asOf, answer) {
  const section = el('section', { className: 'panel', attrs: { 'aria-label': title } }, [el('h2', { text: title }), el('p', { className: 'hint', text: `依 ${asOf} 的規定回答` })]);
  if (answer.issues) {
    section.append(el('p', { className: 'error', text: '這份草稿沒有通過檢查，無法回答；請先修正：' }), issueList(answer.issues));
    return section;
  }
  for (const reply of answer.replies) section.append(replyView(reply));
  return section;
}

const KINDS = { answer: '回答', calculation: '試算', eligibility: '資格判斷', question: '追問', greeting: '問候', fallback: '無法回答', out_of_scope: '不在服務範圍', feedback_ack: '回饋', error: '錯誤' };

function replyView(reply) {
  const view = el('article', { className: 'reply' }, [el('p', {}, [el('span', { className: 'tag', text: KINDS[reply.kind] ?? reply.kind })]), el('p', { className: 'answer-text', text: reply.text })]);
  if (reply.card) {
    const card = reply.card;
    view.append(
      el('h3', { text: `計算過程：${card.title}` }),
      card.formula ? el('p', { className: 'formula', text: card.formula }) : '',
      el('p', { text: `${card.result.label}：${card.result.value}${card.ruleDate ? `（${card.ruleDate}）` : ''}` }),
      el('table', {}, [el('tbody', {}, card.inputs.map((input) => el('tr', {}, [el('th', { text: input.label, attrs: { scope: 'row' } }), el('td', { text: input.value })])))]),
      card.notes?.length ? el('ul', {}, card.notes.map((note) => el('li', { text: note }))) : '',
    );
  }
  if (reply.citations.length > 0) {
    view.append(
      el('h3', { text: '引用' }),
      el(
        'ul',
        {},
        reply.citations.map((citation) =>
          el('li', {}, [
            el('span', { text: `《${citation.title}》〈${citation.section}〉${citation.dateLabel ? `（${citation.dateLabel}）` : ''}${citation.parameter ? `　參數 ${citation.parameter}` : ''}` }),
            citation.excerpt ? el('details', {}, [el('summary', { text: '引文' }), el('p', { className: 'hint', text: citation.excerpt })]) : '',
          ]),
        ),
      ),
    );
  }
  return view;
}

document.getElementById('draft-save').addEventListener('click', async () => {
  if (!draft) return notify('請先選擇草稿', true);
  try {
    const saved = await api('/admin/api/drafts/file', { method: 'PUT', body: { path: draft.path, content: content.value } });
    draft.saved = true;
    draftIssues.replaceChildren(issueList(saved.issues) ?? el('p', { className: 'hint', text: '檢查通過。' }));
    notify(`已儲存草稿 ${draft.path}`);
    await showAgain(`draft:${draft.path}`);
  } catch (error) {
    report(error);
  }
});

document.getElementById('draft-publish').addEventListener('click', async () => {
  if (!draft) return notify('請先選擇草稿', true);
  if (!confirm(`確定要發布 ${draft.path} 嗎？發布後機器人會立即使用。`)) return;
  try {
    const published = await api('/admin/api/drafts/publish', { method: 'POST', body: { path: draft.path, content: content.value } });
    forgetRulesAndDocuments();
    draftIssues.replaceChildren(issueList(published.warnings) ?? '');
    notify(`已發布 ${published.file}；已重新載入（版本 ${published.reload.version}）`);
    draft = undefined;
    await showAgain('');
  } catch (error) {
    draftIssues.replaceChildren(issueList(error.issues) ?? '');
    report(error);
  }
});

document.getElementById('draft-delete').addEventListener('click', async () => {
  if (!draft?.saved) return notify('這份草稿還沒有儲存', true);
  if (!confirm(`確定要刪除草稿 ${draft.path} 嗎？`)) return;
  try {
    await api(`/admin/api/drafts/file?path=${encodeURIComponent(draft.path)}`, { method: 'DELETE' });
    notify(`已刪除草稿 ${draft.path}`);
    draft = undefined;
    await showAgain('');
  } catch (error) {
    report(error);
  }
});
