import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { CheckIssue } from '../knowledge/check-issue.ts';
import { nodeLine } from '../rules/load.ts';
import { compileDomain, type Domain } from './compile.ts';
import { DOMAIN_FILES } from './schema.ts';

/** The registry's files could not be read or are not valid: every problem, by file and line. */
export class DomainFormatError extends Error {
  override readonly name = 'DomainFormatError';
  constructor(readonly issues: CheckIssue[]) {
    super(`詞彙登錄檔有 ${issues.length} 個錯誤：\n${issues.map((i) => `${i.file}${i.line ? `:${i.line}` : ''} ${i.message}`).join('\n')}`);
  }
}

type Files = { [K in keyof typeof DOMAIN_FILES]: z.infer<(typeof DOMAIN_FILES)[K]> };

/** Reads, validates and compiles domain/registry/*.yaml. Synchronous: the files are small and read once per version. */
export function loadDomain(dir: string): Domain {
  const issues: CheckIssue[] = [];
  const parsed: Partial<Files> = {};
  const hash = createHash('sha256');
  for (const [name, schema] of Object.entries(DOMAIN_FILES) as Array<[keyof Files, (typeof DOMAIN_FILES)[keyof Files]]>) {
    const file = path.join(dir, name);
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      issues.push({ file: shown, severity: 'error', message: `無法讀取：${(error as Error).message}` });
      continue;
    }
    hash.update(name).update('\0').update(text).update('\0');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: true, lineCounter });
    const yamlError = doc.errors[0];
    if (yamlError) {
      const line = yamlError.linePos?.[0]?.line;
      issues.push({ file: shown, ...(line ? { line } : {}), severity: 'error', message: `YAML 語法錯誤：${yamlError.message.split('\n')[0]}` });
      continue;
    }
    const result = schema.safeParse(doc.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.');
        const line = nodeLine(doc, lineCounter, issue.path as Array<string | number>);
        issues.push({ file: shown, ...(line ? { line } : {}), ...(field ? { field } : {}), severity: 'error', message: issue.message });
      }
      continue;
    }
    (parsed as Record<string, unknown>)[name] = result.data;
  }
  if (issues.length > 0) throw new DomainFormatError(issues);
  return domainFromSource({ files: parsed as Files, version: hash.digest('hex').slice(0, 12) });
}

/** The checked content of the registry's files a Domain was compiled from, and its version. */
export interface DomainSource {
  files: Files;
  version: string;
}

const sources = new WeakMap<Domain, DomainSource>();

/** Compiles checked registry content (as loadDomain does after checking it, or as saved from an earlier check). */
export function domainFromSource(source: DomainSource): Domain {
  const domain = compileDomain(source.files, source.version);
  sources.set(domain, source);
  return domain;
}

/** What a Domain made by loadDomain or domainFromSource was compiled from, to save it (adapters/http/sources-cache.ts). */
export function sourceOfDomain(domain: Domain): DomainSource | undefined {
  return sources.get(domain);
}

let shipped: Domain | undefined;

/** The registry shipped in domain/, loaded on first use: what understanding reads unless given another version. */
export function shippedDomain(): Domain {
  shipped ??= loadDomain(path.join(import.meta.dirname, 'registry'));
  return shipped;
}

export type { Files as DomainFiles };

/**
 * The registry checked for the console and `knowledge:check`: its own format, and that every document a programme
 * points to exists among the knowledge documents given.
 */
export function checkDomain(dir: string, documentIds?: ReadonlySet<string>): { domain?: Domain; issues: CheckIssue[] } {
  let domain: Domain;
  try {
    domain = loadDomain(dir);
  } catch (error) {
    if (error instanceof DomainFormatError) return { issues: error.issues };
    return { issues: [{ file: dir, severity: 'error', message: `無法讀取詞彙登錄檔：${String(error)}` }] };
  }
  const issues: CheckIssue[] = [];
  if (documentIds) {
    const file = path.relative(process.cwd(), path.join(dir, 'programmes.yaml')).split(path.sep).join('/');
    for (const [programme, documents] of Object.entries(domain.programmes.documents)) {
      for (const document of documents.filter((id) => !documentIds.has(id))) {
        issues.push({ file, field: `programmes.${programme}.documents`, severity: 'error', message: `找不到知識文件「${document}」：請寫 knowledge/documents 中的文件代號（檔名去掉 .md）` });
      }
    }
  }
  return issues.length > 0 ? { issues } : { domain, issues };
}
