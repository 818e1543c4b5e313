import { api } from './api.js';
import { dailyChart } from './chart.js';
import { el, issueText, taipeiTime } from './dom.js';

const body = document.getElementById('status-body');

export async function showStatus() {
  const status = await api('/admin/api/status');
  const reload = status.lastReload;
  const counts = status.interactions ?? { answered: 0, unanswered: 0, lowConfidence: 0, feedbackUp: 0, feedbackDown: 0 };
  const card = (label, figure, hint) => el('div', { className: 'card' }, [el('p', { className: 'hint', text: label }), el('p', { className: 'figure', text: figure }), hint ? el('p', { className: 'hint', text: hint }) : '']);
  const days = status.daily;
  body.replaceChildren(
    el('h2', { text: '現行版本' }),
    el('div', { className: 'summary-grid' }, [
      card('版本', status.version, `載入於 ${taipeiTime(status.loadedAt)}`),
      card('知識文件', `${status.knowledge.documents} 份`, `${status.knowledge.sections} 節、例題 ${status.knowledge.examples} 則、不在服務範圍 ${status.knowledge.outOfScope} 則`),
      card('規則參數', `${status.knowledge.parameters} 個`),
      card('待發布的草稿', `${status.drafts} 份`, status.drafts > 0 ? '在「預覽」選草稿試問、發布' : ''),
      card('自動重新載入', status.watching ? '開啟' : '關閉', `成功 ${status.reloads.ok} 次、失敗 ${status.reloads.failed} 次`),
    ]),
    el('h2', { text: '最近一次重新載入' }),
    reload
      ? el('div', { className: 'panel' }, [
          el('p', { text: `${taipeiTime(reload.at)}：${reload.ok ? (reload.changed ? '已套用新版本' : '檔案沒有變更') : '被拒絕，仍使用上一個正確版本'}（${reload.durationMs} ms）` }),
          el('p', { className: 'hint', text: `原因：${reload.reason}` }),
          reload.issues.length > 0
            ? el('ul', { className: reload.ok ? 'issues warnings' : 'issues' }, reload.issues.map((issue) => el('li', { text: issueText(issue) })))
            : el('p', { className: 'hint', text: '沒有錯誤或警告。' }),
        ])
      : el('p', { className: 'hint', text: '啟動以來尚未重新載入。' }),
    el('h2', { text: '使用情形' }),
    el('div', { className: 'summary-grid' }, [
      card('已回答', String(counts.answered)),
      card('未回答', String(counts.unanswered), `另有回答沒把握 ${counts.lowConfidence} 次`),
      card('滿意／不滿意（👍／👎）', `${counts.feedbackUp}／${counts.feedbackDown}`),
    ]),
    el('h3', { text: `最近 ${days.length} 天（臺北時間）` }),
    el('p', { className: 'legend' }, legend()),
    dailyChart(days, `最近 ${days.length} 天每日提問、未回答、滿意與不滿意次數`),
    dailyTable(days),
  );
}

function legend() {
  return [
    ['#1d4e89', '提問'],
    ['#b7791f', '未回答（含回答沒把握）'],
    ['#0f766e', '滿意 👍'],
    ['#b42318', '不滿意 👎'],
  ].map(([color, label]) => {
    const swatch = el('span', { className: 'swatch' });
    // A CSSOM property, not a style attribute: the page's policy allows no inline styles.
    swatch.style.background = color;
    return el('span', {}, [swatch, label]);
  });
}

function dailyTable(days) {
  const shown = days.filter((day) => day.questions + day.up + day.down > 0);
  return el('details', {}, [
    el('summary', { text: '每日數字（表格）' }),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, ['日期', '提問', '未回答', '滿意 👍', '不滿意 👎'].map((heading) => el('th', { text: heading, attrs: { scope: 'col' } })))]),
      el(
        'tbody',
        {},
        (shown.length > 0 ? shown : days.slice(-1)).map((day) =>
          el('tr', {}, [el('th', { text: day.day, attrs: { scope: 'row' } }), ...[day.questions, day.unanswered, day.up, day.down].map((n) => el('td', { text: String(n) }))]),
        ),
      ),
    ]),
  ]);
}
