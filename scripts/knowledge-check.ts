/**
 * Checks the files fund staff edit: knowledge documents, then rule parameters and the domain registry against them.
 * Prints every problem with what to change; exits 1 when any is an error.
 *
 *   npm run knowledge:check
 *   npm run knowledge:check -- --knowledge path/to/documents --rules path/to/parameters --domain path/to/registry
 */
import { readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatCheckIssue, type CheckIssue } from '../knowledge/check-issue.ts';
import { checkKnowledge } from '../knowledge/load.ts';
import { checkRules } from '../rules/check.ts';
import { checkDomain } from '../domain/index.ts';

const { values } = parseArgs({
  options: {
    knowledge: { type: 'string', default: 'knowledge/documents' },
    rules: { type: 'string', default: 'rules/parameters' },
    domain: { type: 'string', default: 'domain/registry' },
  },
});
const knowledgeDir = values.knowledge;
const rulesDir = values.rules;

const knowledge = await checkKnowledge(knowledgeDir);
// Rules are checked against every section that parsed, so a broken document does not hide rule errors.
const ruleIssues = await checkRules(rulesDir, { sections: knowledge.sections });
// Programmes point to documents by file name, so a document that failed to parse is not reported twice.
const documentFiles = (await readdir(knowledgeDir)).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length));
const domainIssues = checkDomain(values.domain, new Set(documentFiles)).issues;
const issues: CheckIssue[] = [...knowledge.issues, ...ruleIssues, ...domainIssues];

for (const issue of issues) console.log(formatCheckIssue(issue));

const errors = issues.filter((issue) => issue.severity === 'error').length;
const warnings = issues.length - errors;
const counted = `知識文件 ${knowledge.documents.length} 份、章節 ${knowledge.sections.length} 節、規則參數 ${await countParameters(rulesDir)} 個`;
if (errors > 0) {
  const warned = warnings > 0 ? `、${warnings} 個警告` : '';
  console.log(`${counted}：發現 ${errors} 個錯誤${warned}。請依上列說明修正後，再執行 npm run knowledge:check`);
  process.exitCode = 1;
} else {
  console.log(`${counted}：全部通過${warnings > 0 ? `（${warnings} 個警告）` : ''}`);
}

async function countParameters(dir: string): Promise<number> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name)).length;
  } catch {
    return 0;
  }
}
