import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, checkRules } from '../../rules/check.ts';
import { loadParameters } from '../../rules/load.ts';

const root = path.resolve(import.meta.dirname, '../..');
const parametersDir = path.join(root, 'rules/parameters');

/** Headings as the knowledge format defines them: ## and ### (the latter as 'parent > child'). */
async function knownSections() {
  const dir = path.join(root, 'knowledge/documents');
  const sections: Array<{ documentId: string; title: string; heading: string }> = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md'))) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const [, frontMatter = '', body = ''] = text.split(/^---$/m);
    const title = /^title:(.+)$/m.exec(frontMatter)?.[1]?.trim() ?? '';
    let parent = '';
    for (const line of body.split('\n')) {
      const match = /^(#{2,3}) (.+)$/.exec(line);
      const heading = match?.[2]?.trim();
      if (!heading) continue;
      if (match?.[1] === '##') parent = heading;
      sections.push({ documentId: name.replace(/\.md$/, ''), title, heading: match?.[1] === '##' ? heading : `${parent} > ${heading}` });
    }
  }
  return { sections };
}

describe('checkRules', () => {
  it('finds every reference of the shipped parameters in the knowledge documents', async () => {
    expect(await checkRules(parametersDir, await knownSections())).toEqual([]);
  });

  it('reports unknown documents, wrong titles and unknown sections with the field to change', async () => {
    const set = await loadParameters(parametersDir);
    const known = {
      sections: [
        { documentId: 'batch-guarantee-revision-2014', title: '批次信用保證要點修正', heading: '說明三：代償上限計提率與保證手續費' },
      ],
    };
    const issues = checkReferences(set, known);
    const onFeeRate = issues.filter((i) => i.file.endsWith('batch/fee_rate.yaml'));
    expect(onFeeRate.map((i) => i.field)).toEqual([
      'values.2014-12-15.reference.title',
      'values.2014-12-15.reference.section',
      'values.2022-01-01.reference.document',
    ]);
    expect(onFeeRate[0]?.message).toContain('請改為「批次信用保證要點修正」');
    expect(onFeeRate[1]?.message).toContain('例如「說明三：代償上限計提率與保證手續費」');
    expect(onFeeRate[2]?.message).toContain('smeg-annual-report-2022');
  });

  it('checks the other documents a value cites (also) like its reference', async () => {
    const set = await loadParameters(parametersDir);
    const shipped = await knownSections();
    // The employment-promotion document without its section (三): the total cap's `also` points at a heading it lacks.
    const known = { sections: shipped.sections.filter((s) => !(s.documentId === 'employment-promotion-guarantee' && s.heading.startsWith('(三)'))) };
    const onCap = checkReferences(set, known).filter((i) => i.file.endsWith('enterprise/total_cap.yaml'));
    expect(onCap.map((i) => i.field)).toContain('values.2008-11-01.also.0.section');
  });
});
