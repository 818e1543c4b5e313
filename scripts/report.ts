import { existsSync } from 'node:fs';
import { parseConfig } from '../adapters/http/config.ts';
import { InteractionStore, interactionStorePath, type DislikedAnswer, type UnansweredQuestion } from '../adapters/http/interaction-store.ts';

/**
 * For fund staff: what users asked that the bot could not answer, and which answers got 👎,
 * so they know which knowledge document to add or fix. Reads DATA_DIR/interactions.sqlite.
 */

const LIMIT = Number(process.argv[2] ?? 20);

function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

function printUnanswered(rows: UnansweredQuestion[]): void {
  console.log(`\n無法回答或信心不足的問題（最常見的前 ${LIMIT} 筆）`);
  if (rows.length === 0) {
    console.log('  （目前沒有）');
    return;
  }
  rows.forEach((row, index) => {
    console.log(`${String(index + 1).padStart(3)}. ${String(row.count).padStart(4)} 次  ${shorten(row.question)}`);
    console.log(`           最近一次 ${row.lastAsked.slice(0, 16).replace('T', ' ')}，判斷意圖：${row.intents.join('、')}`);
  });
}

function printDisliked(rows: DislikedAnswer[]): void {
  console.log(`\n最多 👎 的回答（前 ${LIMIT} 筆）`);
  if (rows.length === 0) {
    console.log('  （目前沒有）');
    return;
  }
  rows.forEach((row, index) => {
    console.log(`${String(index + 1).padStart(3)}. 👎 ${row.down}  👍 ${row.up}  問：${shorten(row.question, 60)}`);
    console.log(`         答：${shorten(row.answer, 100)}`);
    for (const comment of row.comments.slice(0, 3)) console.log(`         意見：${shorten(comment, 100)}`);
  });
}

const config = parseConfig();
const path = interactionStorePath(config.DATA_DIR);
if (!existsSync(path)) {
  console.log(`尚無紀錄：找不到 ${path}（伺服器收到第一個問題後才會建立）。`);
} else {
  const store = new InteractionStore({ path, ...(config.INTERACTIONS_SALT ? { salt: config.INTERACTIONS_SALT } : {}) });
  try {
    const counts = store.counts();
    console.log(`信保基金問答紀錄報表（${path}）`);
    console.log(
      `已回答 ${counts.answered}、無法回答 ${counts.unanswered}、信心不足 ${counts.lowConfidence}；👍 ${counts.feedbackUp}、👎 ${counts.feedbackDown}`,
    );
    printUnanswered(store.unansweredQuestions(LIMIT));
    printDisliked(store.dislikedAnswers(LIMIT));
    console.log('\n請依上列問題新增或修正 knowledge/documents/ 下的文件；存檔後伺服器會自動重新載入。');
  } finally {
    store.close();
  }
}
