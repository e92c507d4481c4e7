/// The PostgreSQL schema, as a sequence of migrations, the SQLite schema's in spirit (`Schema` in
/// `LedeStore`): the same tables, and what several nodes on one database add: the global seq row,
/// which node committed each result, an outbox mark per node. Never edit a shipped migration: add one.
enum PostgresSchema {
    /// Taken (transaction-scoped) while migrating, so nodes that start together migrate one at a time.
    static let migrationLock: Int64 = 0x6C65_6465  // "lede"

    static let migrations: [(id: String, sql: String)] = [
        ("v1: articles, results, entity names, events, rejects, the global seq, outboxes, reprocess jobs", """
            CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                url TEXT, title TEXT, body TEXT NOT NULL, lang TEXT, published_at TEXT, source TEXT,
                received_at BIGINT NOT NULL,
                ingest TEXT NOT NULL
            );
            -- seq is global: given by the transaction that holds seq_counter's row (see PostgresStore).
            -- (article_id, revision) is unique, so a re-sent article is one article whichever node it reaches.
            CREATE TABLE results (
                seq BIGINT PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles(id),
                revision INTEGER NOT NULL,
                supersedes BIGINT,
                superseded_by BIGINT,
                lang TEXT NOT NULL,
                extractor TEXT NOT NULL,
                committed_at BIGINT NOT NULL,
                node TEXT NOT NULL,
                json TEXT NOT NULL,
                UNIQUE (article_id, revision)
            );
            CREATE INDEX results_by_time ON results(committed_at);
            CREATE INDEX results_by_lang ON results(lang, seq);
            CREATE INDEX results_by_node ON results(node, seq);
            CREATE TABLE entity_names (
                name_key TEXT NOT NULL, seq BIGINT NOT NULL REFERENCES results(seq),
                PRIMARY KEY (name_key, seq)
            );
            CREATE INDEX entity_names_by_seq ON entity_names(seq);
            CREATE TABLE events (
                seq BIGINT NOT NULL REFERENCES results(seq), idx INTEGER NOT NULL,
                type TEXT NOT NULL, cameo TEXT NOT NULL, modality TEXT NOT NULL,
                trigger TEXT NOT NULL, date TEXT,
                json TEXT NOT NULL,
                PRIMARY KEY (seq, idx)
            );
            CREATE INDEX events_by_type ON events(type, seq);
            CREATE TABLE rejects (
                id BIGSERIAL PRIMARY KEY,
                received_at BIGINT NOT NULL,
                source TEXT NOT NULL,
                code TEXT NOT NULL,
                message TEXT NOT NULL,
                size BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                raw BYTEA,
                article_id TEXT,
                node TEXT NOT NULL
            );
            CREATE INDEX rejects_by_code ON rejects(code);
            -- One row: the last seq given. Every committing transaction locks it (SELECT … FOR UPDATE)
            -- and holds it to COMMIT, so transactions commit in seq order.
            CREATE TABLE seq_counter (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_seq BIGINT NOT NULL
            );
            INSERT INTO seq_counter (id, last_seq) VALUES (1, 0);
            -- Apart from seq_counter, so pruning never waits for, nor holds up, a commit.
            CREATE TABLE prune_mark (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                pruned_through BIGINT NOT NULL
            );
            INSERT INTO prune_mark (id, pruned_through) VALUES (1, 0);
            -- Per node: results it committed above this seq may not have been published.
            CREATE TABLE outbox (
                node TEXT PRIMARY KEY,
                published_through BIGINT NOT NULL
            );
            CREATE TABLE reprocess_jobs (
                id BIGSERIAL PRIMARY KEY,
                from_seq BIGINT NOT NULL, to_seq BIGINT, since BIGINT, until BIGINT,
                through_seq BIGINT NOT NULL,
                total BIGINT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT
            );
            CREATE VIEW mentions (seq, idx, type, text, field, start, "end", value, entity) AS
                SELECT r.seq, m.idx - 1, m.value ->> 'type', m.value ->> 'text', m.value ->> 'field',
                       (m.value ->> 'start')::int, (m.value ->> 'end')::int, m.value ->> 'value', (m.value ->> 'entity')::int
                FROM results r, jsonb_array_elements(r.json::jsonb -> 'mentions') WITH ORDINALITY AS m(value, idx);
            CREATE VIEW entities (seq, idx, type, name, country, geonames_id, cameo) AS
                SELECT r.seq, (e.value ->> 'id')::int, e.value ->> 'type', e.value ->> 'name',
                       e.value ->> 'country', (e.value ->> 'geonames_id')::bigint, e.value ->> 'cameo'
                FROM results r, jsonb_array_elements(r.json::jsonb -> 'entities') AS e(value);
            """),
    ]
}
