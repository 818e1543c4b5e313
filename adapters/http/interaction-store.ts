import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { InteractionEvent, InteractionSink } from '../../bot/types.ts';
import { redactPersonalData } from '../../bot/redaction.ts';
import { dailyCounts, inboxRows, type DailyCount, type InboxRow } from './interaction-inbox.ts';
import { saltedHash } from './redaction.ts';

export const INTERACTIONS_FILE = 'interactions.sqlite';

export interface InteractionStoreOptions {
  /** The SQLite file; its folder is created when missing. `:memory:` for a throw-away store. */
  path: string;
  /** Salt for hashing user and conversation ids. Without one, a random salt is kept in the database itself. */
  salt?: string;
  logger?: Logger;
}

/**
 * The staff feedback loop's memory, whichever database keeps it: embedded SQLite (one file per instance) or
 * PostgreSQL shared by every instance (DATABASE_URL). Both keep the same tables, redact personal data and hash
 * ids with the same salted hash before anything is written, and apply the same retention.
 *
 * record() is what the bot calls during a turn: it never waits for the database and never throws; a failed
 * write is logged. Everything else is for staff (console, `npm run report`, retention) and may wait.
 */
export interface InteractionStore extends InteractionSink {
  record(event: InteractionEvent): void;
  /** Resolves once every event recorded so far is written (or its failure logged). Never rejects. */
  flush(): Promise<void>;
  /** True when an answer with this id was recorded (and is still kept), by any instance sharing the store. */
  hasAnswer(answerId: string): Promise<boolean>;
  counts(): Promise<InteractionCounts>;
  /** The questions the bot could not answer (or answered with low confidence), most frequent first. */
  unansweredQuestions(limit?: number): Promise<UnansweredQuestion[]>;
  /** Answers that received 👎, the most disliked first, with their 👍 count and comments beside. */
  dislikedAnswers(limit?: number): Promise<DislikedAnswer[]>;
  /** Unanswered questions and 👎 answers for the staff console, one row per question, newest first. */
  inbox(limit?: number): Promise<InboxRow[]>;
  /** Questions, unanswered ones and 👍/👎 per Taipei day, for the `days` days up to `today` (YYYY-MM-DD). */
  dailyCounts(today: string, days?: number): Promise<DailyCount[]>;
  /** Requests for a person, the newest first. */
  handoffs(limit?: number): Promise<HandoffRequest[]>;
  /** Deletes questions, answers and 👍/👎 recorded before `cutoff`; returns how many rows of each went. */
  deleteOlderThan(cutoff: Date): Promise<{ turns: number; feedback: number }>;
  /** Writes what is pending and lets the database go; safe to call twice. */
  close(): Promise<void>;
}

export interface OpenInteractionStoreOptions {
  /** DATABASE_URL: a PostgreSQL shared by every instance. Without it, SQLite at `path`. */
  databaseUrl?: string | undefined;
  /** The SQLite file (`interactionStorePath(DATA_DIR)`) or `:memory:`. */
  path: string;
  /** INTERACTIONS_SALT; without it the salt kept in the database's meta table. */
  salt?: string | undefined;
  logger?: Logger;
}

/** PostgreSQL when a database URL is given, embedded SQLite otherwise. The driver is loaded only when used. */
export async function openInteractionStore(options: OpenInteractionStoreOptions): Promise<InteractionStore> {
  const common = { ...(options.salt ? { salt: options.salt } : {}), ...(options.logger ? { logger: options.logger } : {}) };
  if (options.databaseUrl) {
    const { PostgresInteractionStore } = await import('./postgres-interaction-store.ts');
    const store = new PostgresInteractionStore({ url: options.databaseUrl, ...common });
    store.start();
    return store;
  }
  return new SqliteInteractionStore({ path: options.path, ...common });
}

export interface InteractionCounts {
  answered: number;
  unanswered: number;
  lowConfidence: number;
  feedbackUp: number;
  feedbackDown: number;
}

export interface UnansweredQuestion {
  question: string;
  count: number;
  lastAsked: string;
  intents: string[];
}

export interface DislikedAnswer {
  answer: string;
  /** An example question that got this answer. */
  question: string;
  down: number;
  up: number;
  comments: string[];
}

/** A person asked for a person (「找真人」), for staff to follow up. Ids are hashed and the text redacted, as stored. */
export interface HandoffRequest {
  at: string;
  channel: string;
  /** The same person's requests share it (null where the channel has no user id). */
  user: string | null;
  conversation: string;
  question: string;
}

/** Where the interaction store puts its file under DATA_DIR. */
export function interactionStorePath(dataDir: string): string {
  return join(dataDir, INTERACTIONS_FILE);
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    channel TEXT NOT NULL,
    conversation TEXT NOT NULL,
    user TEXT,
    intent TEXT NOT NULL,
    question TEXT NOT NULL,
    question_key TEXT NOT NULL,
    answer_id TEXT,
    answer TEXT,
    latency_ms INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS turns_type_key ON turns (type, question_key);
  CREATE INDEX IF NOT EXISTS turns_answer_id ON turns (answer_id);
  CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    conversation TEXT NOT NULL,
    user TEXT,
    answer_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT
  );
  CREATE INDEX IF NOT EXISTS feedback_answer_id ON feedback (answer_id);
  CREATE INDEX IF NOT EXISTS turns_at ON turns (at);
  CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
`;

/** Questions that differ only in spacing, case or final punctuation are the same question to staff. */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(?<![?？!！。.,，~～])[?？!！。.,，~～]+$/u, '');
}

/** Hashes of recent ids: a conversation's turns repeat its id, and an HMAC per turn is measurable under load. */
const HASH_CACHE_SIZE = 2_000;

/** The salted hash of user and conversation ids, remembering the recent ones. */
export class IdHasher {
  private readonly hashes = new Map<string, string>();
  constructor(private readonly salt: string) {}

  hash(id: string): string {
    const known = this.hashes.get(id);
    if (known !== undefined) return known;
    const hashed = saltedHash(id, this.salt);
    if (this.hashes.size >= HASH_CACHE_SIZE) this.hashes.clear();
    this.hashes.set(id, hashed);
    return hashed;
  }
}

/** A turn as both stores write it: text redacted, ids hashed. */
export interface StoredTurn {
  at: string;
  type: string;
  channel: string;
  conversation: string;
  user: string | null;
  intent: string;
  question: string;
  questionKey: string;
  answerId: string | null;
  answer: string | null;
  latencyMs: number;
}

/** 👍/👎 as both stores write it: the comment redacted, ids hashed. */
export interface StoredFeedback {
  at: string;
  channel: string;
  conversation: string;
  user: string | null;
  answerId: string;
  rating: 'up' | 'down';
  comment: string | null;
}

/** What is written for an event: personal data redacted and ids hashed here, and nowhere else. */
export function storedRow(
  event: InteractionEvent,
  hasher: IdHasher,
): { table: 'turns'; values: StoredTurn } | { table: 'feedback'; values: StoredFeedback } {
  const common = {
    at: event.at.toISOString(),
    channel: event.channel,
    conversation: hasher.hash(event.conversationId),
    user: event.userId === undefined ? null : hasher.hash(event.userId),
  };
  if (event.type === 'feedback') {
    return {
      table: 'feedback',
      values: {
        ...common,
        answerId: event.answerId,
        rating: event.rating,
        comment: event.comment === undefined ? null : redactPersonalData(event.comment),
      },
    };
  }
  const question = redactPersonalData(event.text);
  return {
    table: 'turns',
    values: {
      ...common,
      type: event.type,
      intent: event.intent,
      question,
      questionKey: questionKey(question),
      answerId: event.answerId ?? null,
      answer: event.answer === undefined ? null : redactPersonalData(event.answer),
      latencyMs: Math.round(event.latencyMs),
    },
  };
}

/** Events written in one transaction at most; a full batch is written at once instead of waiting. */
const MAX_BATCH = 256;

/**
 * The interaction store in one embedded SQLite file (no DATABASE_URL): unanswered and low-confidence questions,
 * the answers given, and 👍/👎. SQLite in WAL mode survives restarts and crashes; personal data is redacted and ids hashed before
 * anything is written. Questions recorded during one turn of the event loop are written together in one
 * transaction right after it (one commit instead of one per event), so a crash can lose at most that turn.
 * 👍/👎 is written before record() returns: the user is told it was received right after.
 * Recording never throws into the bot: a failed write is logged and dropped.
 */
export class SqliteInteractionStore implements InteractionStore {
  private readonly db: Database.Database;
  private readonly hasher: IdHasher;
  private readonly logger: Logger | undefined;
  private readonly insertTurn: Database.Statement;
  private readonly insertFeedback: Database.Statement;
  private readonly selectAnswer: Database.Statement;
  private readonly deleteBefore: (before: string) => { turns: number; feedback: number };
  private readonly writeBatch: (events: InteractionEvent[]) => void;
  private pending: InteractionEvent[] = [];
  private flushScheduled = false;

  constructor(options: InteractionStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL with WAL: a crash of the process loses nothing; a power cut may lose the last moments.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec(SCHEMA);
    this.hasher = new IdHasher(options.salt ?? this.storedSalt());
    this.logger = options.logger;
    this.insertTurn = this.db.prepare(
      `INSERT INTO turns (at, type, channel, conversation, user, intent, question, question_key, answer_id, answer, latency_ms)
       VALUES (@at, @type, @channel, @conversation, @user, @intent, @question, @questionKey, @answerId, @answer, @latencyMs)`,
    );
    this.insertFeedback = this.db.prepare(
      `INSERT INTO feedback (at, channel, conversation, user, answer_id, rating, comment)
       VALUES (@at, @channel, @conversation, @user, @answerId, @rating, @comment)`,
    );
    this.selectAnswer = this.db.prepare('SELECT 1 FROM turns WHERE answer_id = ? LIMIT 1');
    const deleteTurns = this.db.prepare('DELETE FROM turns WHERE at < ?');
    const deleteFeedback = this.db.prepare('DELETE FROM feedback WHERE at < ?');
    this.deleteBefore = this.db.transaction((before: string) => ({
      turns: deleteTurns.run(before).changes,
      feedback: deleteFeedback.run(before).changes,
    }));
    this.writeBatch = this.db.transaction((events: InteractionEvent[]) => {
      for (const event of events) this.write(event);
    });
  }

  record(event: InteractionEvent): void {
    if (!this.db.open) {
      this.logger?.warn({ type: event.type }, 'interaction store is closed; event dropped');
      return;
    }
    this.pending.push(event);
    if (event.type === 'feedback' || this.pending.length >= MAX_BATCH) {
      this.writePending();
    } else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.writePending());
    }
  }

  async flush(): Promise<void> {
    this.writePending();
  }

  /** Writes every event recorded so far. Reads and close() call it, so they see everything recorded. */
  private writePending(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || !this.db.open) return;
    const events = this.pending;
    this.pending = [];
    try {
      this.writeBatch(events);
    } catch (error) {
      this.logger?.error({ err: error, events: events.length }, 'could not record interactions');
    }
  }

  async hasAnswer(answerId: string): Promise<boolean> {
    this.writePending();
    if (!this.db.open) return false;
    return this.selectAnswer.get(answerId) !== undefined;
  }

  async counts(): Promise<InteractionCounts> {
    this.writePending();
    const turns = this.db.prepare('SELECT type, COUNT(*) AS n FROM turns GROUP BY type').all() as Array<{ type: string; n: number }>;
    const ratings = this.db.prepare('SELECT rating, COUNT(*) AS n FROM feedback GROUP BY rating').all() as Array<{
      rating: string;
      n: number;
    }>;
    const turnCount = (type: string) => turns.find((row) => row.type === type)?.n ?? 0;
    const ratingCount = (rating: string) => ratings.find((row) => row.rating === rating)?.n ?? 0;
    return {
      answered: turnCount('answered'),
      unanswered: turnCount('unanswered'),
      lowConfidence: turnCount('low_confidence'),
      feedbackUp: ratingCount('up'),
      feedbackDown: ratingCount('down'),
    };
  }

  async unansweredQuestions(limit = 20): Promise<UnansweredQuestion[]> {
    this.writePending();
    const rows = this.db
      .prepare(
        `SELECT question_key, COUNT(*) AS count, MAX(at) AS lastAsked, GROUP_CONCAT(DISTINCT intent) AS intents,
                (SELECT question FROM turns AS latest WHERE latest.question_key = turns.question_key
                   AND latest.type IN ('unanswered', 'low_confidence') ORDER BY latest.id DESC LIMIT 1) AS question
           FROM turns WHERE type IN ('unanswered', 'low_confidence')
          GROUP BY question_key ORDER BY count DESC, lastAsked DESC LIMIT ?`,
      )
      .all(limit) as Array<{ question: string; count: number; lastAsked: string; intents: string }>;
    return rows.map((row) => ({
      question: row.question,
      count: row.count,
      lastAsked: row.lastAsked,
      intents: row.intents.split(','),
    }));
  }

  async dislikedAnswers(limit = 20): Promise<DislikedAnswer[]> {
    this.writePending();
    const rows = this.db
      .prepare(
        `SELECT turns.answer AS answer, MIN(turns.question) AS question,
                SUM(feedback.rating = 'down') AS down, SUM(feedback.rating = 'up') AS up,
                GROUP_CONCAT(CASE WHEN feedback.rating = 'down' THEN feedback.comment END, char(31)) AS comments
           FROM feedback JOIN turns ON turns.answer_id = feedback.answer_id
          WHERE turns.answer IS NOT NULL
          GROUP BY turns.answer HAVING down > 0 ORDER BY down DESC, up ASC LIMIT ?`,
      )
      .all(limit) as Array<{ answer: string; question: string; down: number; up: number; comments: string | null }>;
    return rows.map((row) => ({
      answer: row.answer,
      question: row.question,
      down: row.down,
      up: row.up,
      comments: row.comments ? row.comments.split('\u001f') : [],
    }));
  }

  async inbox(limit = 200): Promise<InboxRow[]> {
    this.writePending();
    return this.db.open ? inboxRows(this.db, limit) : [];
  }

  async dailyCounts(today: string, days = 30): Promise<DailyCount[]> {
    this.writePending();
    return this.db.open ? dailyCounts(this.db, today, days) : [];
  }

  /** Requests for a person, the newest first: the bot recorded each one as a `handoff` turn. */
  async handoffs(limit = 50): Promise<HandoffRequest[]> {
    this.writePending();
    if (!this.db.open) return [];
    return this.db
      .prepare(`SELECT at, channel, user, conversation, question FROM turns WHERE type = 'handoff' ORDER BY id DESC LIMIT ?`)
      .all(limit) as HandoffRequest[];
  }

  async deleteOlderThan(cutoff: Date): Promise<{ turns: number; feedback: number }> {
    this.writePending();
    if (!this.db.open) return { turns: 0, feedback: 0 };
    // `at` is written by Date.toISOString(), whose fixed format sorts as text in time order.
    const before = cutoff.toISOString();
    return this.deleteBefore(before);
  }

  /** Writes the WAL back into the database file and closes it; safe to call twice. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.writePending();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private write(event: InteractionEvent): void {
    const row = storedRow(event, this.hasher);
    if (row.table === 'feedback') this.insertFeedback.run(row.values);
    else this.insertTurn.run(row.values);
  }

  private storedSalt(): string {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string } | undefined;
    if (row) return row.value;
    const salt = randomBytes(32).toString('hex');
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('salt', ?)").run(salt);
    return salt;
  }
}
