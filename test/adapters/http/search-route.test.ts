import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchRouter, MAX_QUERY_LENGTH } from '../../../adapters/http/search-route.ts';
import type { SearchIndex, SearchOptions } from '../../../knowledge/search.ts';
import { listen, type Listening } from './listen.ts';

const calls: Array<{ query: string; options: SearchOptions | undefined }> = [];
const fakeIndex: SearchIndex = {
  size: 1,
  search(query, options) {
    calls.push({ query, options });
    return [
      {
        sectionId: 'batch-guarantee-revision-2014#說明三',
        documentId: 'batch-guarantee-revision-2014',
        title: '修正「批次信用保證要點」函',
        section: '說明三',
        snippet: '保證手續費年費率設定為 0.35%',
        score: 3.2,
        issued: '2014-11-05',
        effectiveFrom: '2014-12-15',
        effectiveTo: null,
      },
    ];
  },
};

let server: Listening;
beforeAll(async () => {
  const app = express();
  app.use(createSearchRouter(() => fakeIndex));
  server = await listen(app);
});
afterAll(() => server.close());

async function get(query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/api/search?${query}`);
  return { status: response.status, body: await response.json() };
}

describe('GET /api/search', () => {
  it('answers with the hits of the index', async () => {
    const { status, body } = await get(`q=${encodeURIComponent('批保手續費')}&limit=3&asOf=2015-01-01`);
    expect(status).toBe(200);
    expect(body.hits[0].sectionId).toBe('batch-guarantee-revision-2014#說明三');
    expect(calls.at(-1)).toEqual({ query: '批保手續費', options: { limit: 3, asOf: '2015-01-01' } });
  });

  it('asks for five hits unless told', async () => {
    await get('q=fee');
    expect(calls.at(-1)?.options).toEqual({ limit: 5 });
  });

  it.each([
    ['a missing q', '', 'q', 'q is required'],
    ['a blank q', 'q=%20%20', 'q', 'q is required'],
    ['an oversized q', `q=${'保'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q', 'q is too long'],
    ['a limit out of range', 'q=fee&limit=500', 'limit', 'limit must be a whole number from 1 to 20'],
    ['an ROC date', 'q=fee&asOf=103-12-15', 'asOf', 'asOf must be a date written YYYY-MM-DD'],
  ])('answers 400 with a JSON error for %s', async (_name, query, field, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(message);
  });
});
