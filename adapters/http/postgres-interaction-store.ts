import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { InteractionEvent } from '../../bot/types.ts';
import { dailyCountsSince, fillDailyCounts, mergeInboxRows, type DailyCount, type FeedbackRow, type InboxRow, type QuestionRow } from './interaction-inbox.ts';
import {
  IdHasher,
  storedRow,
  type DislikedAnswer,
  type HandoffRequest,
  type InteractionCounts,
  type InteractionStore,
  type StoredFeedback,
  type StoredTurn,
  type UnansweredQuestion,
} from './interaction-store.ts';
import { migrate } from './postgres-migrations.ts';

export interface PostgresInteractionStoreOptions {
  /** DATABASE_URL, e.g. postgres://smeg:…@db.internal:5432/smeg (add ?sslmode=require for TLS). */
  url: string;
  /** INTERACTIONS_SALT. Without it the salt in the database's meta table, made once by the first instance. */
  salt?: string;
  logger?: Logger;
  /** Connections this instance opens at most. */
  poolSize?: number;
  /** How long a connection attempt or a write may take before it fails, in milliseconds (default 5 s). */
  timeoutMs?: number;
}

/** Staff's reads (inbox, report, status) and retention's deletions aggregate whole tables: they may take longer. */
const READ_TIMEOUT_MS = 30_000;
/** The longest a 👍/👎 waits to learn whether another instance gave the answer rated. */
const ANSWER_CHECK_MS = 2_000;

/** An event and the row written for it. */
interface StoredEvent {
  event: InteractionEvent;
  row: ReturnType<typeof storedRow>;
}

/** Events written in one statement at most. */
const MAX_BATCH = 500;
/** Events held while PostgreSQL cannot be reached; beyond this the oldest are dropped (and counted in the log). */
const MAX_PENDING = 10_000;
/** After a failed write, the next attempt waits this long, doubling up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * The interaction store in a PostgreSQL shared by every instance (DATABASE_URL), so the console and
 * `npm run report` see every instance's questions. The tables are those of the SQLite store, created by the
 * migrations in migrations/postgres/ (applied at start-up, once, whichever instance comes first).
 *
 * record() only queues: events are redacted, hashed and written in the background, those of one turn of the
 * event loop in one statement. A user's turn never waits for the database and never fails because of it: while
 * PostgreSQL cannot be reached, events are held (up to MAX_PENDING) and written when it answers again, with
 * one error logged per outage; an event the database refuses is logged and dropped.
 */
export class PostgresInteractionStore implements InteractionStore {
  private readonly pool: pg.Pool;
  private readonly logger: Logger | undefined;
  private readonly configuredSalt: string | undefined;
  private setup: Promise<IdHasher> | undefined;
  private pending: InteractionEvent[] = [];
  /** The write in progress (one at a time, so batches are written in the order recorded). */
  private writing: Promise<void> | undefined;
  /** The batch being written. */
  private inFlight: InteractionEvent[] = [];
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  /** Set while writes fail because the database cannot be reached: the time of the first failure. */
  private unreachableSince: Date | undefined;
  private dropped = 0;
  private closed = false;

  constructor(options: PostgresInteractionStoreOptions) {
    const timeoutMs = options.timeoutMs ?? 5_000;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      // The server gives up on a statement too, so one abandoned by a time-out here does not run on there.
      statement_timeout: READ_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: 'smeg-assistant',
    });
    this.logger = options.logger;
    this.configuredSalt = options.salt;
    // An idle connection that breaks (database restarted) is dropped by the pool; without a listener it would
    // end the process.
    this.pool.on('error', (error) => this.logger?.warn({ err: error }, 'interaction store: an idle PostgreSQL connection failed'));
  }

  /** Migrates the database and reads the salt now, rather than with the first event or read; logs a failure. */
  start(): void {
    this.ready().catch((error: unknown) =>
      this.logger?.error({ err: error }, 'interaction store: PostgreSQL is not reachable yet; events are held and written once it is'),
    );
  }

  record(event: InteractionEvent): void {
    if (this.closed) {
      this.logger?.warn({ type: event.type }, 'interaction store is closed; event dropped');
      return;
    }
    this.pending.push(event);
    this.trimPending();
    if (this.retryTimer || this.scheduled) return;
    if (event.type === 'feedback' || this.pending.length >= MAX_BATCH) {
      void this.flush();
    } else {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending.length === 0) return;
    this.writing = this.writePending().finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  /**
   * Asked while a user waits for their 👍/👎 to be taken, so it does not wait for this instance's writes (what
   * it has not written yet is looked up in memory) and gives up after ANSWER_CHECK_MS.
   */
  async hasAnswer(answerId: string): Promise<boolean> {
    const unwritten = (events: InteractionEvent[]) => events.some((event) => event.type !== 'feedback' && event.answerId === answerId);
    if (unwritten(this.pending) || unwritten(this.inFlight)) return true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from PostgreSQL within ${ANSWER_CHECK_MS} ms`)), ANSWER_CHECK_MS);
    });
    const check = (async () => {
      await this.ready();
      const { rows } = await this.pool.query({
        text: 'SELECT 1 FROM turns WHERE answer_id = $1 LIMIT 1',
        values: [answerId],
        query_timeout: ANSWER_CHECK_MS,
      } as pg.QueryConfig);
      return rows.length > 0;
    })();
    try {
      return await Promise.race([check, deadline]);
    } finally {
      clearTimeout(timer);
      check.catch(() => undefined);
    }
  }

  async counts(): Promise<InteractionCounts> {
    const { rows } = await this.query<InteractionCounts>(
      `SELECT (SELECT COUNT(*) FROM turns WHERE type = 'answered')::int AS "answered",
              (SELECT COUNT(*) FROM turns WHERE type = 'unanswered')::int AS "unanswered",
              (SELECT COUNT(*) FROM turns WHERE type = 'low_confidence')::int AS "lowConfidence",
              (SELECT COUNT(*) FROM feedback WHERE rating = 'up')::int AS "feedbackUp",
              (SELECT COUNT(*) FROM feedback WHERE rating = 'down')::int AS "feedbackDown"`,
    );
    return rows[0]!;
  }

  async unansweredQuestions(limit = 20): Promise<UnansweredQuestion[]> {
    const { rows } = await this.query<{ question: string; count: number; lastAsked: Date; intents: string[] }>(
      `SELECT COUNT(*)::int AS count, MAX(at) AS "lastAsked", array_agg(DISTINCT intent) AS intents,
              (SELECT question FROM turns AS latest WHERE latest.question_key = turns.question_key
                 AND latest.type IN ('unanswered', 'low_confidence') ORDER BY latest.id DESC LIMIT 1) AS question
         FROM turns WHERE type IN ('unanswered', 'low_confidence')
        GROUP BY question_key ORDER BY count DESC, "lastAsked" DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ ...row, lastAsked: row.lastAsked.toISOString() }));
  }

  async dislikedAnswers(limit = 20): Promise<DislikedAnswer[]> {
    const { rows } = await this.query<DislikedAnswer>(
      `SELECT turns.answer AS answer, MIN(turns.question) AS question,
              COUNT(*) FILTER (WHERE feedback.rating = 'down')::int AS down,
              COUNT(*) FILTER (WHERE feedback.rating = 'up')::int AS up,
              COALESCE(array_agg(feedback.comment) FILTER (WHERE feedback.rating = 'down' AND feedback.comment IS NOT NULL), '{}') AS comments
         FROM feedback JOIN turns ON turns.answer_id = feedback.answer_id
        WHERE turns.answer IS NOT NULL
        GROUP BY turns.answer HAVING COUNT(*) FILTER (WHERE feedback.rating = 'down') > 0
        ORDER BY down DESC, up ASC LIMIT $1`,
      [limit],
    );
    return rows;
  }

  async inbox(limit = 200): Promise<InboxRow[]> {
    const questions = await this.query<Omit<QuestionRow, 'firstAt' | 'lastAt'> & { firstAt: Date; lastAt: Date }>(
      `SELECT question_key AS key,
              COUNT(*) FILTER (WHERE type = 'unanswered')::int AS unanswered,
              COUNT(*) FILTER (WHERE type = 'low_confidence')::int AS "lowConfidence",
              MIN(at) AS "firstAt", MAX(at) AS "lastAt", array_agg(DISTINCT channel) AS channels,
              (SELECT question FROM turns AS latest WHERE latest.question_key = turns.question_key
                 AND latest.type IN ('unanswered', 'low_confidence') ORDER BY latest.id DESC LIMIT 1) AS question,
              (SELECT answer FROM turns AS latest WHERE latest.question_key = turns.question_key
                 AND latest.type IN ('unanswered', 'low_confidence') AND latest.answer IS NOT NULL ORDER BY latest.id DESC LIMIT 1) AS answer
         FROM turns WHERE type IN ('unanswered', 'low_confidence')
        GROUP BY question_key ORDER BY "lastAt" DESC LIMIT $1`,
      [limit],
    );
    const disliked = await this.query<Omit<FeedbackRow, 'firstAt' | 'lastAt'> & { firstAt: Date; lastAt: Date }>(
      `SELECT turns.question_key AS key,
              COUNT(*) FILTER (WHERE feedback.rating = 'down')::int AS down,
              COUNT(*) FILTER (WHERE feedback.rating = 'up')::int AS up,
              COALESCE(array_agg(feedback.comment) FILTER (WHERE feedback.rating = 'down' AND feedback.comment IS NOT NULL), '{}') AS comments,
              MIN(feedback.at) AS "firstAt", MAX(feedback.at) AS "lastAt", array_agg(DISTINCT turns.channel) AS channels,
              (SELECT t.question FROM turns AS t WHERE t.question_key = turns.question_key ORDER BY t.id DESC LIMIT 1) AS question,
              (SELECT t.answer FROM feedback AS f JOIN turns AS t ON t.answer_id = f.answer_id
                WHERE t.question_key = turns.question_key AND f.rating = 'down' ORDER BY f.id DESC LIMIT 1) AS answer
         FROM feedback JOIN turns ON turns.answer_id = feedback.answer_id
        GROUP BY turns.question_key HAVING COUNT(*) FILTER (WHERE feedback.rating = 'down') > 0
        ORDER BY "lastAt" DESC LIMIT $1`,
      [limit],
    );
    const times = <T extends { firstAt: Date; lastAt: Date }>(row: T) => ({
      ...row,
      firstAt: row.firstAt.toISOString(),
      lastAt: row.lastAt.toISOString(),
    });
    return mergeInboxRows(questions.rows.map(times), disliked.rows.map(times), limit);
  }

  async dailyCounts(today: string, days = 30): Promise<DailyCount[]> {
    const since = dailyCountsSince(today, days);
    // Taipei is UTC+8 all year, as in the SQLite store's date(at, '+8 hours').
    const day = `to_char((at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
    const turns = await this.query<{ day: string; questions: number; unanswered: number }>(
      `SELECT ${day} AS day, COUNT(*)::int AS questions,
              COUNT(*) FILTER (WHERE type IN ('unanswered', 'low_confidence'))::int AS unanswered
         FROM turns WHERE at >= $1 AND type IN ('answered', 'unanswered', 'low_confidence') GROUP BY 1`,
      [since],
    );
    const ratings = await this.query<{ day: string; up: number; down: number }>(
      `SELECT ${day} AS day, COUNT(*) FILTER (WHERE rating = 'up')::int AS up, COUNT(*) FILTER (WHERE rating = 'down')::int AS down
         FROM feedback WHERE at >= $1 GROUP BY 1`,
      [since],
    );
    return fillDailyCounts(today, days, turns.rows, ratings.rows);
  }

  async handoffs(limit = 50): Promise<HandoffRequest[]> {
    const { rows } = await this.query<Omit<HandoffRequest, 'at'> & { at: Date }>(
      `SELECT at, channel, "user", conversation, question FROM turns WHERE type = 'handoff' ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  async deleteOlderThan(cutoff: Date): Promise<{ turns: number; feedback: number }> {
    const { rows } = await this.query<{ turns: number; feedback: number }>(
      `WITH t AS (DELETE FROM turns WHERE at < $1 RETURNING 1), f AS (DELETE FROM feedback WHERE at < $1 RETURNING 1)
       SELECT (SELECT COUNT(*) FROM t)::int AS turns, (SELECT COUNT(*) FROM f)::int AS feedback`,
      [cutoff],
    );
    return rows[0]!;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    // One last attempt for what is held; what still cannot be written is counted in the log.
    await this.flush();
    if (this.pending.length > 0) {
      this.logger?.error({ events: this.pending.length }, 'interaction store: events not written before closing');
      this.pending = [];
    }
    await this.pool.end();
  }

  /** Every read first writes what this instance recorded, so it sees its own events. */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    await this.flush();
    await this.ready();
    // The driver takes a time-out per query (QueryConfig's types do not list it).
    return this.pool.query<R>({ text, values, query_timeout: READ_TIMEOUT_MS } as pg.QueryConfig);
  }

  /** Migrations and the salt, once (tried again by the next write or read after a failure). */
  private ready(): Promise<IdHasher> {
    this.setup ??= (async () => {
      const { applied } = await migrate(this.pool);
      if (applied.length > 0) this.logger?.info({ applied }, 'interaction store: PostgreSQL migrations applied');
      return new IdHasher(this.configuredSalt ?? (await this.sharedSalt()));
    })().catch((error: unknown) => {
      this.setup = undefined;
      throw error;
    });
    return this.setup;
  }

  /** The salt every instance uses: made by the first one that needs it, then read from the meta table. */
  private async sharedSalt(): Promise<string> {
    await this.pool.query(`INSERT INTO meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('hex')]);
    const { rows } = await this.pool.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'salt'`);
    return rows[0]!.value;
  }

  private async writePending(): Promise<void> {
    try {
      await this.writeBatches();
    } finally {
      this.inFlight = [];
    }
  }

  private async writeBatches(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      this.inFlight = batch;
      let hasher: IdHasher;
      try {
        hasher = await this.ready();
      } catch (error) {
        // Not migrated or no salt yet: nothing is wrong with the events, so they wait for the next attempt.
        this.hold(batch, error);
        return;
      }
      const rows = this.rowsOf(batch, hasher);
      try {
        await this.insert(rows.map(({ row }) => row));
        this.recovered();
      } catch (error) {
        if (isUnreachable(error)) {
          this.hold(batch, error);
          return;
        }
        // Refused by the database (not a connection problem): trying the batch again would fail again, so each
        // event is tried alone and only the refused ones are dropped.
        if ((await this.writeOneByOne(rows, error)) === 'unreachable') return;
      }
    }
  }

  /** Keeps events, in the order recorded, for the next attempt while the database cannot be reached. */
  private hold(events: InteractionEvent[], error: unknown): void {
    this.pending = events.concat(this.pending);
    this.trimPending();
    this.unreachable(error);
  }

  private async writeOneByOne(rows: StoredEvent[], batchError: unknown): Promise<'written' | 'unreachable'> {
    if (rows.length === 1) {
      this.logger?.error({ err: batchError, type: rows[0]?.event.type }, 'could not record an interaction; dropped');
      return 'written';
    }
    for (const [index, { event, row }] of rows.entries()) {
      try {
        await this.insert([row]);
      } catch (error) {
        if (isUnreachable(error)) {
          this.hold(
            rows.slice(index).map((stored) => stored.event),
            error,
          );
          return 'unreachable';
        }
        this.logger?.error({ err: error, type: event.type }, 'could not record an interaction; dropped');
      }
    }
    return 'written';
  }

  /** The rows to write; an event that cannot be made into one (it would fail again) is logged and left out. */
  private rowsOf(events: InteractionEvent[], hasher: IdHasher): StoredEvent[] {
    return events.flatMap((event) => {
      try {
        return [{ event, row: storedRow(event, hasher) }];
      } catch (error) {
        this.logger?.error({ err: error, type: event.type }, 'could not record an interaction; dropped');
        return [];
      }
    });
  }

  /** Beyond MAX_PENDING held events the oldest go: memory stays bounded however long the database is away. */
  private trimPending(): void {
    const over = this.pending.length - MAX_PENDING;
    if (over <= 0) return;
    this.pending.splice(0, over);
    this.dropped += over;
  }

  private async insert(rows: ReturnType<typeof storedRow>[]): Promise<void> {
    const turns = rows.flatMap((row) => (row.table === 'turns' ? [row.values] : []));
    const feedback = rows.flatMap((row) => (row.table === 'feedback' ? [row.values] : []));
    // PostgreSQL's text cannot hold U+0000, which a message may: it is dropped rather than the whole batch refused.
    const column = <T, K extends keyof T>(values: T[], key: K) =>
      values.map((value) => (typeof value[key] === 'string' ? (value[key] as string).replaceAll('\u0000', '') : value[key]));
    // One statement for the whole batch, whatever its size: columns as arrays, unnested into rows.
    await this.pool.query(
      `WITH new_turns AS (
         INSERT INTO turns (at, type, channel, conversation, "user", intent, question, question_key, answer_id, answer, latency_ms)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                              $8::text[], $9::text[], $10::text[], $11::int[])
       )
       INSERT INTO feedback (at, channel, conversation, "user", answer_id, rating, comment)
       SELECT * FROM unnest($12::timestamptz[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])`,
      [
        ...(['at', 'type', 'channel', 'conversation', 'user', 'intent', 'question', 'questionKey', 'answerId', 'answer', 'latencyMs'] as const).map(
          (key: keyof StoredTurn) => column(turns, key),
        ),
        ...(['at', 'channel', 'conversation', 'user', 'answerId', 'rating', 'comment'] as const).map((key: keyof StoredFeedback) =>
          column(feedback, key),
        ),
      ],
    );
  }

  private unreachable(error: unknown): void {
    if (!this.unreachableSince) {
      this.unreachableSince = new Date();
      this.logger?.error(
        { err: error, held: this.pending.length },
        'interaction store: PostgreSQL cannot be reached (or its tables cannot be made); holding events to write later',
      );
    }
    if (this.closed) return;
    // A read during the outage tries too: one timer at a time, however many attempts fail.
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private recovered(): void {
    this.retryMs = RETRY_FIRST_MS;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (!this.unreachableSince) return;
    this.logger?.info(
      { since: this.unreachableSince.toISOString(), dropped: this.dropped },
      'interaction store: PostgreSQL reachable again; held events written',
    );
    this.unreachableSince = undefined;
    this.dropped = 0;
  }
}

/**
 * Whether a failure is the connection's (the database down, restarting, out of reach or too slow) rather than
 * the database refusing the statement. SQLSTATE class 08 is a connection exception, 57P0x a server shutting down,
 * 53300 too many connections; other errors than the database's come from the network or the driver's timeouts.
 */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  const code = error.code ?? '';
  return code.startsWith('08') || code.startsWith('57P') || code === '53300';
}
