/** Small SVG charts, drawn here (no chart library, nothing loaded from elsewhere). Each has a text alternative. */

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A step line of a parameter's values over time: each value holds from its date to the next one.
 * @param {Array<{ effectiveFrom: string, figure: number | null, shown: string }>} values
 * @param {string} today
 * @param {string} label
 */
export function timelineChart(values, today, label) {
  const points = values.filter((value) => value.figure !== null);
  if (points.length === 0) return null;
  const width = 560;
  const height = 150;
  const pad = { left: 16, right: 16, top: 24, bottom: 34 };
  const time = (date) => new Date(`${date}T00:00:00Z`).getTime();
  const firstReal = points.find((point) => point.effectiveFrom > '1900') ?? points[0];
  const start = Math.min(time(firstReal.effectiveFrom), time(today)) - 365 * 86400000;
  const end = Math.max(time(points.at(-1).effectiveFrom), time(today)) + 365 * 86400000;
  const figures = points.map((point) => point.figure);
  const low = Math.min(0, ...figures);
  const high = Math.max(...figures) || 1;
  const x = (date) => pad.left + ((Math.max(time(date), start) - start) / (end - start)) * (width - pad.left - pad.right);
  const y = (figure) => pad.top + (1 - (figure - low) / (high - low)) * (height - pad.top - pad.bottom);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': label });
  chart.append(svg('title', {}, label));
  chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, stroke: '#9aa5b1' }));
  let path = '';
  points.forEach((point, index) => {
    const next = points[index + 1];
    const from = x(point.effectiveFrom);
    const to = next ? x(next.effectiveFrom) : width - pad.right;
    path += `${index === 0 ? 'M' : 'L'}${from},${y(point.figure)} L${to},${y(point.figure)} `;
    chart.append(svg('circle', { cx: from, cy: y(point.figure), r: 4, fill: '#1d4e89' }));
    chart.append(svg('text', { x: Math.min(from + 4, width - 90), y: y(point.figure) - 6, 'font-size': 12, fill: '#1f2933' }, point.shown.split('（')[0]));
    chart.append(svg('text', { x: from, y: height - 14, 'font-size': 11, fill: '#52606d', 'text-anchor': 'middle' }, point.effectiveFrom < '1900' ? '（起始不明）' : point.effectiveFrom.slice(0, 7)));
  });
  chart.append(svg('path', { d: path.trim(), fill: 'none', stroke: '#1d4e89', 'stroke-width': 2.5 }));
  const todayX = x(today);
  chart.append(svg('line', { x1: todayX, x2: todayX, y1: pad.top - 14, y2: height - pad.bottom, stroke: '#f0a500', 'stroke-dasharray': '4 3' }));
  chart.append(svg('text', { x: todayX, y: pad.top - 16, 'font-size': 11, fill: '#b7791f', 'text-anchor': 'middle' }, '今天'));
  return chart;
}

/**
 * Bars per day: questions (answered or not), unanswered ones, 👍 and 👎.
 * @param {Array<{ day: string, questions: number, unanswered: number, up: number, down: number }>} days
 */
export function dailyChart(days, label) {
  const width = 760;
  const height = 200;
  const pad = { left: 36, right: 8, top: 12, bottom: 30 };
  const high = Math.max(1, ...days.map((day) => Math.max(day.questions, day.up + day.down)));
  const slot = (width - pad.left - pad.right) / days.length;
  const y = (count) => height - pad.bottom - (count / high) * (height - pad.top - pad.bottom);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': label });
  chart.append(svg('title', {}, label));
  chart.append(svg('text', { x: 4, y: pad.top + 10, 'font-size': 11, fill: '#52606d' }, String(high)));
  chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, stroke: '#9aa5b1' }));
  days.forEach((day, index) => {
    const left = pad.left + index * slot;
    const bar = Math.max(2, slot / 3 - 1);
    const rect = (offset, count, fill) => {
      if (count > 0) chart.append(svg('rect', { x: left + offset, y: y(count), width: bar, height: height - pad.bottom - y(count), fill }));
    };
    rect(0, day.questions, '#1d4e89');
    rect(bar + 1, day.unanswered, '#b7791f');
    if (day.up + day.down > 0) {
      rect(2 * (bar + 1), day.up + day.down, '#0f766e');
      rect(2 * (bar + 1), day.down, '#b42318');
    }
    if (index % 5 === 0 || index === days.length - 1) {
      chart.append(svg('text', { x: left + slot / 2, y: height - 10, 'font-size': 11, fill: '#52606d', 'text-anchor': 'middle' }, day.day.slice(5)));
    }
  });
  return chart;
}
