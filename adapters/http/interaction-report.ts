import type { DislikedAnswer, InteractionCounts, InteractionStore, UnansweredQuestion } from './interaction-store.ts';

/**
 * What `npm run report` prints for fund staff: the counts, the most frequent questions the bot could not answer
 * and the answers with the most 👎, read from the interaction store (SQLite, or the PostgreSQL every instance
 * shares, so one report covers them all).
 */
export interface InteractionReport {
  counts: InteractionCounts;
  unanswered: UnansweredQuestion[];
  disliked: DislikedAnswer[];
}

export async function interactionReport(store: Pick<InteractionStore, 'counts' | 'unansweredQuestions' | 'dislikedAnswers'>, limit = 20): Promise<InteractionReport> {
  const [counts, unanswered, disliked] = await Promise.all([store.counts(), store.unansweredQuestions(limit), store.dislikedAnswers(limit)]);
  return { counts, unanswered, disliked };
}

function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

/** The report as text, in Traditional Chinese; `source` says where it was read from (a file, or PostgreSQL). */
export function formatInteractionReport(report: InteractionReport, source: string, limit = 20): string {
  const lines: string[] = [];
  const { counts } = report;
  lines.push(`信保基金問答紀錄報表（${source}）`);
  lines.push(
    `已回答 ${counts.answered}、無法回答 ${counts.unanswered}、信心不足 ${counts.lowConfidence}；👍 ${counts.feedbackUp}、👎 ${counts.feedbackDown}`,
  );
  lines.push('', `無法回答或信心不足的問題（最常見的前 ${limit} 筆）`);
  if (report.unanswered.length === 0) lines.push('  （目前沒有）');
  report.unanswered.forEach((row, index) => {
    lines.push(`${String(index + 1).padStart(3)}. ${String(row.count).padStart(4)} 次  ${shorten(row.question)}`);
    lines.push(`           最近一次 ${row.lastAsked.slice(0, 16).replace('T', ' ')}，判斷意圖：${row.intents.join('、')}`);
  });
  lines.push('', `最多 👎 的回答（前 ${limit} 筆）`);
  if (report.disliked.length === 0) lines.push('  （目前沒有）');
  report.disliked.forEach((row, index) => {
    lines.push(`${String(index + 1).padStart(3)}. 👎 ${row.down}  👍 ${row.up}  問：${shorten(row.question, 60)}`);
    lines.push(`         答：${shorten(row.answer, 100)}`);
    for (const comment of row.comments.slice(0, 3)) lines.push(`         意見：${shorten(comment, 100)}`);
  });
  lines.push('', '請依上列問題新增或修正 knowledge/documents/ 下的文件；存檔後伺服器會自動重新載入。');
  return lines.join('\n');
}
