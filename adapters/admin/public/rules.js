import { api, report } from './api.js';
import { timelineChart } from './chart.js';
import { el, field, issueList, nextId, notify } from './dom.js';
import { openDraftInPreview } from './preview.js';
import { forgetRulesAndDocuments, rulesAndDocuments } from './sections.js';

const parameterList = document.getElementById('parameter-list');
const documentList = document.getElementById('document-list');
const filter = document.getElementById('rules-filter');

filter.addEventListener('input', () => applyFilter());

export async function showRules() {
  const { today, parameters, documents } = await rulesAndDocuments();
  const open = new Set([...parameterList.querySelectorAll('details[open]')].map((node) => node.dataset.name));
  parameterList.replaceChildren(...parameters.map((parameter) => parameterEntry(parameter, documents, today, open.has(parameter.name))));
  documentList.replaceChildren(...documents.map((doc) => documentEntry(doc)));
  applyFilter();
}

function applyFilter() {
  const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const entry of [...parameterList.children, ...documentList.children]) {
    const text = entry.dataset.search ?? '';
    entry.hidden = !words.every((word) => text.includes(word));
  }
}

function parameterEntry(parameter, documents, today, open) {
  const current = parameter.values.find((value) => value.current);
  const entry = el('details', { className: 'parameter', attrs: { 'data-name': parameter.name } });
  entry.dataset.search = `${parameter.name} ${parameter.description} ${parameter.values.map((value) => value.reference.title).join(' ')}`.toLowerCase();
  entry.open = open;
  entry.append(
    el('summary', {}, [
      el('span', { className: 'parameter-name', text: parameter.name }),
      el('span', { text: parameter.description }),
      el('span', { className: 'hint', text: current ? `現行：${current.shown}（${current.effectiveFrom} 起）` : '今天沒有生效的數值' }),
      el('span', { className: 'hint', text: `${parameter.values.length} 個日期` }),
    ]),
  );
  const body = el('div', { className: 'parameter-body' });
  body.append(
    el('p', { className: 'hint', text: `檔案 ${parameter.file}；單位 ${parameter.unit}：${parameter.unitLabel}` }),
    timelineChart(parameter.values, today, `${parameter.description}歷次數值：${parameter.values.map((value) => `${value.effectiveFrom} 起 ${value.shown}`).join('；')}`) ?? '',
    timelineTable(parameter),
    parameter.formUnit ? datedValueForm(parameter, documents) : el('p', { className: 'hint', text: '這個單位的數值請在「預覽」把參數檔存成草稿後直接編輯。' }),
  );
  entry.append(body);
  return entry;
}

function timelineTable(parameter) {
  return el('table', {}, [
    el('caption', { text: `${parameter.name} 的歷次數值（淺綠色為今天適用）` }),
    el('thead', {}, [el('tr', {}, ['生效日', '數值', '出處', '原文摘句', '備註'].map((heading) => el('th', { text: heading, attrs: { scope: 'col' } })))]),
    el(
      'tbody',
      {},
      parameter.values.map((value) =>
        el('tr', { className: value.current ? 'current' : '' }, [
          el('th', { text: value.effectiveFrom < '1900' ? '起始不明' : value.effectiveFrom, attrs: { scope: 'row' } }),
          el('td', { text: value.shown }),
          el('td', { text: `《${value.reference.title}》〈${value.reference.section}〉` }),
          el('td', { text: value.reference.quote ?? '' }),
          el('td', { text: value.note ?? '' }),
        ]),
      ),
    ),
  ]);
}

/** Adding a dated value: the date the fund announced, the value, and where it is written. */
function datedValueForm(parameter, documents) {
  const date = el('input', { attrs: { id: nextId('date'), type: 'text', inputmode: 'numeric', placeholder: '2027-01-01 或 116/1/1' } });
  const value = el('input', { attrs: { id: nextId('value'), type: 'text', placeholder: parameter.unit === 'percent' ? '例如 0.25（代表 0.25%）' : '' } });
  const source = el('select', { attrs: { id: nextId('document') } }, documents.map((doc) => el('option', { text: doc.title, attrs: { value: doc.id } })));
  const section = el('select', { attrs: { id: nextId('section') } });
  const quote = el('input', { attrs: { id: nextId('quote'), type: 'text', placeholder: '照原文抄寫寫有這個數值的句子' } });
  const note = el('input', { attrs: { id: nextId('note'), type: 'text', placeholder: '例如：民國115年11月20日公告' } });
  const fillSections = (chosenSection) => {
    const chosen = documents.find((doc) => doc.id === source.value);
    section.replaceChildren(...(chosen?.sections ?? []).map((candidate) => el('option', { text: candidate.heading, attrs: { value: candidate.heading } })));
    if (chosenSection) section.value = chosenSection;
  };
  source.addEventListener('change', () => fillSections());
  // The latest value's source is where a new one is most likely announced: start there.
  const latest = parameter.values.at(-1)?.reference;
  if (latest) source.value = latest.document;
  fillSections(latest?.section);
  const result = el('div', { attrs: { 'aria-live': 'polite' } });
  const preview = el('button', { className: 'quiet', text: '存成草稿並預覽', attrs: { type: 'submit', value: 'draft' } });
  const publish = el('button', { className: 'danger', text: '檢查並發布', attrs: { type: 'submit', value: 'publish' } });
  const form = el('form', { className: 'panel', attrs: { novalidate: '' } }, [
    el('h3', { text: '新增一個日期的數值' }),
    el('p', { className: 'hint', text: '舊數值保留不改。先存成草稿，在「預覽」用新日期問問看，確認後再發布。' }),
    el('div', { className: 'field-row' }, [
      field('生效日', date, '西元 YYYY-MM-DD 或民國 116/1/1'),
      field('新的數值', value, parameter.unitLabel),
    ]),
    el('div', { className: 'field-row' }, [field('出處文件', source), field('出處章節', section)]),
    el('div', { className: 'field-row' }, [field('原文摘句（選填，會核對數值）', quote), field('備註（選填）', note)]),
    el('div', { className: 'actions' }, [preview, publish]),
    result,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const publishing = event.submitter === publish;
    if (publishing && !confirm(`確定要發布 ${parameter.name} 自 ${date.value} 起的新數值嗎？發布後機器人會立即使用。`)) return;
    for (const button of [preview, publish]) button.disabled = true;
    result.replaceChildren();
    try {
      const response = await api('/admin/api/rules/dated-value', {
        method: 'POST',
        body: {
          parameter: parameter.name,
          date: date.value,
          value: value.value,
          document: source.value,
          section: section.value,
          ...(quote.value.trim() ? { quote: quote.value.trim() } : {}),
          ...(note.value.trim() ? { note: note.value.trim() } : {}),
          publish: publishing,
        },
      });
      const converted = response.fromRoc ? `（民國日期換算為 ${response.date}）` : '';
      if (publishing) {
        forgetRulesAndDocuments();
        notify(`已發布 ${parameter.name} 自 ${response.date} 起的數值${converted}；已重新載入（版本 ${response.reload.version}）`);
        result.append(issueList(response.warnings) ?? '');
        await showRules();
      } else {
        result.append(el('p', { text: `已存成草稿 ${response.draft.path}${converted}。` }), issueList(response.issues) ?? '');
        notify(`已存成草稿 ${response.draft.path}，請在預覽中試問`);
        await openDraftInPreview(response.draft.path, response.date);
      }
    } catch (error) {
      result.append(issueList(error.issues) ?? '');
      report(error);
    } finally {
      for (const button of [preview, publish]) button.disabled = false;
    }
  });
  return form;
}

function documentEntry(doc) {
  const entry = el('details', { className: 'document' });
  entry.dataset.search = `${doc.id} ${doc.title} ${doc.sections.map((section) => section.heading).join(' ')}`.toLowerCase();
  const dates = [doc.issued ? `${doc.issued} 發文` : doc.issuedNote ?? '未載日期', doc.effectiveFrom ? `${doc.effectiveFrom} 起生效` : '', doc.effectiveTo ? `至 ${doc.effectiveTo}` : '']
    .filter(Boolean)
    .join('，');
  entry.append(
    el('summary', {}, [el('strong', { text: doc.title }), el('span', { className: 'hint', text: `${doc.id}｜${dates}｜${doc.sections.length} 節` })]),
  );
  const rows = [
    ['檔案', doc.file],
    ['發文機關', doc.issuer],
    ['發文字號', doc.number ?? '（無）'],
    ['日期', dates],
    ['來源', doc.source],
    ['取代', doc.supersedes.map((entry) => `《${entry.title ?? entry.document}》${entry.section ? `〈${entry.section}〉` : '（全文）'}${entry.from ? ` 自 ${entry.from}` : ''}${entry.note ? `：${entry.note}` : ''}`).join('；') || '（無）'],
    ['被取代', doc.supersededBy.map((entry) => `《${entry.title}》${entry.section ? `〈${entry.section}〉` : ''}${entry.from ? ` 自 ${entry.from}` : ''}`).join('；') || '（無）'],
  ];
  entry.append(
    el('div', { className: 'document-body' }, [
      el('table', {}, [el('tbody', {}, rows.map(([label, text]) => el('tr', {}, [el('th', { text: label, attrs: { scope: 'row' } }), el('td', { text })])))]),
      el('table', {}, [
        el('caption', { text: '章節' }),
        el('thead', {}, [el('tr', {}, ['行', '標題', '例題', '狀態'].map((heading) => el('th', { text: heading, attrs: { scope: 'col' } })))]),
        el(
          'tbody',
          {},
          doc.sections.map((section) =>
            el('tr', {}, [
              el('td', { text: String(section.line) }),
              el('td', { text: section.heading }),
              el('td', { text: section.examples.join('；') }),
              el('td', { text: section.supersededFrom ? `${section.supersededFrom} 起被取代` : '' }),
            ]),
          ),
        ),
      ]),
    ]),
  );
  return entry;
}
