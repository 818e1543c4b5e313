/**
 * Turns an announcement (PDF or Word, as the fund publishes them) into a draft knowledge document for staff to
 * review: front matter filled where the text says it, sections from its headings (or from 主旨 and 說明 一、二、…).
 * The draft goes to DRAFTS_DIR, where the console (/admin → 預覽) previews and publishes it.
 *
 *   npm run knowledge:import -- 公告.pdf
 *   npm run knowledge:import -- batch-fee-2027.docx --out drafts/batch-fee-announcement-2027.md
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../adapters/http/config.ts';
import { formatCheckIssue } from '../knowledge/check-issue.ts';
import { importDraft } from '../knowledge/import/index.ts';
import { parseKnowledgeFile } from '../knowledge/parse.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const input = positionals[0];
if (!input || positionals.length > 1) {
  console.error('用法：npm run knowledge:import -- 檔案.pdf|檔案.docx [--out drafts/文件代號.md]');
  process.exit(2);
}

const today = new Date().toISOString().slice(0, 10);
let draft;
try {
  draft = await importDraft(await readFile(input), {
    fileName: basename(input),
    extension: extname(input),
    importedOn: today,
    ...(values.out ? { id: basename(values.out, '.md') } : {}),
  });
} catch (error) {
  console.error(`無法讀取 ${input}：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const out = values.out ?? join(parseConfig(process.env).DRAFTS_DIR, `${draft.id}.md`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, draft.markdown, { flag: values.out ? 'w' : 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EEXIST') throw error;
  console.error(`${out} 已存在：請先處理那份草稿，或用 --out 指定另一個檔名`);
  process.exit(1);
});

console.log(`已產生草稿：${out}`);
for (const found of draft.found) console.log(`  ${found.field}：${found.value}（來源：${found.from}）`);
console.log(`  章節：${draft.headings.join('、') || '（無）'}`);
if (draft.missing.length > 0) {
  console.log('請補上：');
  for (const missing of draft.missing) console.log(`  - ${missing.field}：${missing.message}`);
}
const checked = parseKnowledgeFile(out, draft.markdown);
if (!checked.ok) {
  console.log('格式檢查（發布前須修正）：');
  for (const issue of checked.issues) console.log(`  ${formatCheckIssue(issue)}`);
}
console.log('下一步：對照原文核對草稿，再到管理主控台（/admin）「預覽」選這份草稿試問幾題，確認後按「發布」。');
