-- The interaction store (adapters/http/interaction-store.ts): the tables of the SQLite store, in PostgreSQL.
-- Text is stored redacted and ids salted-hashed; `at` is when the event happened. Applied once, in order of file
-- name, by adapters/http/postgres-migrations.ts, which records it in schema_migrations.

CREATE TABLE meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE turns (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  type text NOT NULL,
  channel text NOT NULL,
  conversation text NOT NULL,
  "user" text,
  intent text NOT NULL,
  question text NOT NULL,
  question_key text NOT NULL,
  answer_id text,
  answer text,
  latency_ms integer NOT NULL
);
CREATE INDEX turns_type_key ON turns (type, question_key);
CREATE INDEX turns_answer_id ON turns (answer_id);
CREATE INDEX turns_at ON turns (at);

CREATE TABLE feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  channel text NOT NULL,
  conversation text NOT NULL,
  "user" text,
  answer_id text NOT NULL,
  rating text NOT NULL CHECK (rating IN ('up', 'down')),
  comment text
);
CREATE INDEX feedback_answer_id ON feedback (answer_id);
CREATE INDEX feedback_at ON feedback (at);
