import type Database from 'better-sqlite3';

/**
 * Read-only queries behind the staff console's inbox and status page, over the SQLite interaction store's tables
 * (interaction-store.ts): questions the bot did not answer (or answered unsure of itself), answers users
 * gave 👎, and counts per day. Text is as stored: redacted. The PostgreSQL store
 * (postgres-interaction-store.ts) runs the same queries in its own dialect and shapes the rows with the same
 * functions (mergeInboxRows, fillDailyCounts), so the console sees the same thing from either.
 */

export interface InboxRow {
  /** The store's key for the question (spacing, case and final punctuation aside). */
  key: string;
  /** The latest wording of the question. */
  question: string;
  /** Times asked and not answered (`unanswered`) or answered unsure (`low_confidence`). */
  unanswered: number;
  lowConfidence: number;
  /** 👎 and 👍 on answers to this question, with the comments that came with 👎. */
  down: number;
  up: number;
  comments: string[];
  firstAt: string;
  lastAt: string;
  channels: string[];
  /** The latest answer given to it, when there was one (an unanswered question gets the service lines, not stored). */
  answer?: string;
}

/** One question the bot did not answer (or answered unsure), grouped by key, as either store reads it. */
export interface QuestionRow {
  key: string;
  question: string;
  unanswered: number;
  lowConfidence: number;
  /** ISO timestamps (UTC). */
  firstAt: string;
  lastAt: string;
  channels: string[];
  answer: string | null;
}

/** One question whose answers got 👎, grouped by key, as either store reads it. */
export interface FeedbackRow {
  key: string;
  question: string;
  down: number;
  up: number;
  comments: string[];
  firstAt: string;
  lastAt: string;
  channels: string[];
  answer: string | null;
}

/** Unanswered questions and 👎 answers, one row per question, the most recent first; at most `limit`. */
export function inboxRows(db: Database.Database, limit: number): InboxRow[] {
  const questions = db
    .prepare(
      `SELECT question_key AS key, SUM(type = 'unanswered') AS unanswered, SUM(type = 'low_confidence') AS lowConfidence,
              MIN(at) AS firstAt, MAX(at) AS lastAt, GROUP_CONCAT(DISTINCT channel) AS channels,
              (SELECT question FROM turns AS latest WHERE latest.question_key = turns.question_key
                 AND latest.type IN ('unanswered', 'low_confidence') ORDER BY latest.id DESC LIMIT 1) AS question,
              (SELECT answer FROM turns AS latest WHERE latest.question_key = turns.question_key
                 AND latest.type IN ('unanswered', 'low_confidence') AND latest.answer IS NOT NULL ORDER BY latest.id DESC LIMIT 1) AS answer
         FROM turns WHERE type IN ('unanswered', 'low_confidence')
        GROUP BY question_key ORDER BY lastAt DESC LIMIT ?`,
    )
    .all(limit) as Array<Omit<QuestionRow, 'channels'> & { channels: string }>;
  const disliked = db
    .prepare(
      `SELECT turns.question_key AS key, SUM(feedback.rating = 'down') AS down, SUM(feedback.rating = 'up') AS up,
              GROUP_CONCAT(CASE WHEN feedback.rating = 'down' THEN feedback.comment END, char(31)) AS comments,
              MIN(feedback.at) AS firstAt, MAX(feedback.at) AS lastAt, GROUP_CONCAT(DISTINCT turns.channel) AS channels,
              (SELECT t.question FROM turns AS t WHERE t.question_key = turns.question_key ORDER BY t.id DESC LIMIT 1) AS question,
              (SELECT t.answer FROM feedback AS f JOIN turns AS t ON t.answer_id = f.answer_id
                WHERE t.question_key = turns.question_key AND f.rating = 'down' ORDER BY f.id DESC LIMIT 1) AS answer
         FROM feedback JOIN turns ON turns.answer_id = feedback.answer_id
        GROUP BY turns.question_key HAVING down > 0 ORDER BY lastAt DESC LIMIT ?`,
    )
    .all(limit) as Array<Omit<FeedbackRow, 'channels' | 'comments'> & { channels: string; comments: string | null }>;
  return mergeInboxRows(
    questions.map((row) => ({ ...row, channels: row.channels.split(',') })),
    disliked.map((row) => ({ ...row, channels: row.channels.split(','), comments: row.comments ? row.comments.split('\u001f') : [] })),
    limit,
  );
}

/** The two lists merged: a question both unanswered and 👎 is one row. The most recent first; at most `limit`. */
export function mergeInboxRows(questions: QuestionRow[], disliked: FeedbackRow[], limit: number): InboxRow[] {
  const rows = new Map<string, InboxRow>();
  for (const row of questions) {
    rows.set(row.key, {
      key: row.key,
      question: row.question,
      unanswered: row.unanswered,
      lowConfidence: row.lowConfidence,
      down: 0,
      up: 0,
      comments: [],
      firstAt: row.firstAt,
      lastAt: row.lastAt,
      channels: row.channels,
      ...(row.answer ? { answer: row.answer } : {}),
    });
  }
  for (const row of disliked) {
    const known = rows.get(row.key);
    if (known) {
      Object.assign(known, {
        down: row.down,
        up: row.up,
        comments: row.comments,
        firstAt: row.firstAt < known.firstAt ? row.firstAt : known.firstAt,
        lastAt: row.lastAt > known.lastAt ? row.lastAt : known.lastAt,
        channels: [...new Set([...known.channels, ...row.channels])],
        ...(row.answer ? { answer: row.answer } : {}),
      });
      continue;
    }
    rows.set(row.key, {
      key: row.key,
      question: row.question,
      unanswered: 0,
      lowConfidence: 0,
      down: row.down,
      up: row.up,
      comments: row.comments,
      firstAt: row.firstAt,
      lastAt: row.lastAt,
      channels: row.channels,
      ...(row.answer ? { answer: row.answer } : {}),
    });
  }
  return [...rows.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)).slice(0, limit);
}

export interface DailyCount {
  /** The calendar day in Taipei, YYYY-MM-DD. */
  day: string;
  questions: number;
  unanswered: number;
  up: number;
  down: number;
}

/**
 * Questions asked (answered or not), the ones not answered (or answered unsure), and 👍/👎, per Taipei day,
 * for the `days` days up to `today` (days without any are zero).
 */
export function dailyCounts(db: Database.Database, today: string, days: number): DailyCount[] {
  const since = dailyCountsSince(today, days);
  // `at` is UTC (toISOString); Taipei is UTC+8 all year.
  const turns = db
    .prepare(
      `SELECT date(at, '+8 hours') AS day, COUNT(*) AS questions, SUM(type IN ('unanswered', 'low_confidence')) AS unanswered
         FROM turns WHERE at >= ? AND type IN ('answered', 'unanswered', 'low_confidence') GROUP BY day`,
    )
    .all(since.toISOString()) as Array<{ day: string; questions: number; unanswered: number }>;
  const ratings = db
    .prepare(
      `SELECT date(at, '+8 hours') AS day, SUM(rating = 'up') AS up, SUM(rating = 'down') AS down
         FROM feedback WHERE at >= ? GROUP BY day`,
    )
    .all(since.toISOString()) as Array<{ day: string; up: number; down: number }>;
  return fillDailyCounts(today, days, turns, ratings);
}

/** The first instant of the first Taipei day counted: midnight in Taipei is 16:00 UTC the day before. */
export function dailyCountsSince(today: string, days: number): Date {
  return new Date(`${shiftDay(shiftDay(today, -(days - 1)), -1)}T16:00:00.000Z`);
}

/** Every day of the range, zero where the store had nothing, with the counts it had per day. */
export function fillDailyCounts(
  today: string,
  days: number,
  turns: Array<{ day: string; questions: number; unanswered: number }>,
  ratings: Array<{ day: string; up: number; down: number }>,
): DailyCount[] {
  const first = shiftDay(today, -(days - 1));
  const byDay = new Map<string, DailyCount>();
  for (let offset = 0; offset < days; offset++) {
    const day = shiftDay(first, offset);
    byDay.set(day, { day, questions: 0, unanswered: 0, up: 0, down: 0 });
  }
  for (const row of turns) Object.assign(byDay.get(row.day) ?? {}, { questions: row.questions, unanswered: row.unanswered });
  for (const row of ratings) Object.assign(byDay.get(row.day) ?? {}, { up: row.up, down: row.down });
  return [...byDay.values()];
}

function shiftDay(day: string, offset: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}
