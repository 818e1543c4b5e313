/**
 * The understanding case table (domain/cases/understanding.yaml): each row is a message and what must be read from
 * it. Fund staff add rows when a question was misread; every row must hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { understand } from '../../bot/understand/index.ts';

const Row = z
  .object({
    says: z.string().min(1),
    task: z.string().optional(),
    /** A task it must not be read as (「哪類企業可以申請」 is no recommendation). */
    not_task: z.string().optional(),
    programmes: z.array(z.string()).optional(),
    asks: z.array(z.string()).optional(),
    /** Asks it must not be read as having (「交給信保多少手續費」 asks no procedure). */
    not_asks: z.array(z.string()).optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    not_facts: z.array(z.string()).optional(),
    stated_rate: z.number().optional(),
    comparison: z.boolean().optional(),
    /** Whether it continues the question before (「比去年多了幾%」) or stands alone. */
    follow_up: z.boolean().optional(),
    risk_groups: z.array(z.string()).optional(),
    variant_flags: z.array(z.string()).optional(),
    bare_answer: z.enum(['yes', 'no']).optional(),
    purposes: z.array(z.string()).optional(),
    /** The request is declined (a key of `declines` in intents.yaml), or `none` when it must not be. */
    declines: z.string().optional(),
  })
  .strict();
const Table = z.object({ cases: z.array(Row).min(1) }).strict();

const table = Table.parse(parse(readFileSync(join(import.meta.dirname, '../../domain/cases/understanding.yaml'), 'utf8')));

describe('understanding case table', () => {
  it.each(table.cases)('reads 「$says」', (row) => {
    const u = understand(row.says);
    if (row.task) expect(u.intent).toBe(row.task);
    if (row.not_task) expect(u.intent).not.toBe(row.not_task);
    if (row.programmes) expect(u.programmes).toEqual(row.programmes);
    if (row.asks) expect(u.asks).toEqual(expect.arrayContaining(row.asks));
    for (const ask of row.not_asks ?? []) expect(u.asks).not.toContain(ask);
    if (row.facts) expect(u.facts).toMatchObject(row.facts);
    for (const fact of row.not_facts ?? []) expect(u.facts).not.toHaveProperty(fact);
    if (row.stated_rate !== undefined) expect(u.statedRate).toBe(row.stated_rate);
    if (row.comparison !== undefined) expect(u.modifiers.comparison).toBe(row.comparison);
    if (row.follow_up !== undefined) expect(u.isFollowUp).toBe(row.follow_up);
    if (row.risk_groups) expect(u.variants?.riskGroups).toEqual(row.risk_groups);
    if (row.variant_flags) expect(u.variants?.flags).toEqual(row.variant_flags);
    if (row.bare_answer) expect(u.bareAnswer).toBe(row.bare_answer);
    if (row.purposes) expect(u.purposes).toEqual(row.purposes);
    if (row.declines) expect(u.declines ?? 'none').toBe(row.declines);
  });
});
