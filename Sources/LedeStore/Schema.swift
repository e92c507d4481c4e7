import GRDB

/// The database schema, as a sequence of migrations. Never edit a shipped migration: add one.
enum Schema {
    /// The `mentions` and `entities` views over each result's JSON (v2 made them; v3 makes them again
    /// over the rebuilt `results`).
    static let resultViews = """
        CREATE VIEW mentions (seq, idx, type, text, field, start, "end", value, entity) AS
            SELECT r.seq, m.key, m.value ->> '$.type', m.value ->> '$.text', m.value ->> '$.field',
                   m.value ->> '$.start', m.value ->> '$.end', m.value ->> '$.value', m.value ->> '$.entity'
            FROM results r, json_each(CAST(r.json AS TEXT), '$.mentions') m;
        CREATE VIEW entities (seq, idx, type, name, country, geonames_id, cameo) AS
            SELECT r.seq, e.value ->> '$.id', e.value ->> '$.type', e.value ->> '$.name',
                   e.value ->> '$.country', e.value ->> '$.geonames_id', e.value ->> '$.cameo'
            FROM results r, json_each(CAST(r.json AS TEXT), '$.entities') e;
        """

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, results, mentions, entities, events, rejects, outbox") { db in
            try db.execute(sql: """
                CREATE TABLE articles (
                    id TEXT PRIMARY KEY,
                    url TEXT, title TEXT, body TEXT NOT NULL, lang TEXT, published_at TEXT, source TEXT,
                    received_at INTEGER NOT NULL,
                    ingest TEXT NOT NULL
                );
                -- seq is the commit order of results: assigned by the single writer, never reused.
                CREATE TABLE results (
                    seq INTEGER PRIMARY KEY,
                    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id),
                    lang TEXT NOT NULL,
                    extractor TEXT NOT NULL,
                    committed_at INTEGER NOT NULL,
                    json BLOB NOT NULL
                );
                CREATE INDEX results_by_time ON results(committed_at);
                CREATE INDEX results_by_lang ON results(lang, seq);
                CREATE TABLE mentions (
                    seq INTEGER NOT NULL REFERENCES results(seq), idx INTEGER NOT NULL,
                    type TEXT NOT NULL, text TEXT NOT NULL, field TEXT NOT NULL,
                    start INTEGER NOT NULL, "end" INTEGER NOT NULL, value TEXT, entity INTEGER,
                    PRIMARY KEY (seq, idx)
                ) WITHOUT ROWID;
                CREATE TABLE entities (
                    seq INTEGER NOT NULL REFERENCES results(seq), idx INTEGER NOT NULL,
                    type TEXT NOT NULL, name TEXT NOT NULL, country TEXT, geonames_id INTEGER, cameo TEXT,
                    PRIMARY KEY (seq, idx)
                ) WITHOUT ROWID;
                -- Every lower-cased entity name and mention text of a result, for replay's entity filter.
                CREATE TABLE entity_names (
                    name_key TEXT NOT NULL, seq INTEGER NOT NULL REFERENCES results(seq),
                    PRIMARY KEY (name_key, seq)
                ) WITHOUT ROWID;
                CREATE TABLE events (
                    seq INTEGER NOT NULL REFERENCES results(seq), idx INTEGER NOT NULL,
                    type TEXT NOT NULL, cameo TEXT NOT NULL, modality TEXT NOT NULL,
                    trigger TEXT NOT NULL, date TEXT,
                    json BLOB NOT NULL,
                    PRIMARY KEY (seq, idx)
                ) WITHOUT ROWID;
                CREATE INDEX events_by_type ON events(type, seq);
                CREATE TABLE rejects (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    received_at INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    raw BLOB,
                    article_id TEXT
                );
                CREATE INDEX rejects_by_code ON rejects(code);
                -- The outbox: results with seq above this were committed but maybe not yet published.
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    published_through INTEGER NOT NULL
                );
                INSERT INTO outbox (id, published_through) VALUES (1, 0);
                """)
        }
        // Mention and entity rows repeated what each result's JSON holds, and nothing read them: they
        // were ~80 % of the rows a commit wrote (50 mentions and 14 entities for a 4 kB article). The
        // views keep the same columns for anyone who queries the file; they read `results.json`.
        migrator.registerMigration("v2: mentions and entities are views over results.json") { db in
            try db.execute(sql: """
                DROP TABLE mentions;
                DROP TABLE entities;
                \(resultViews)
                """)
        }
        // Revisions: an article may have several results (one per extraction), so `article_id` is no
        // longer unique in `results` (SQLite cannot drop a constraint: the table is rebuilt). Stored
        // results become revision 1, and their JSON says so, as new ones do. `superseded_by` marks the
        // results a newer revision replaced, so replay's `latest` is a column test. Pruning keeps the
        // highest removed seq, so a seq is never given twice.
        migrator.registerMigration("v3: revisions and pruning") { db in
            try db.execute(sql: """
                CREATE TABLE results_v3 (
                    seq INTEGER PRIMARY KEY,
                    article_id TEXT NOT NULL REFERENCES articles(id),
                    revision INTEGER NOT NULL,
                    supersedes INTEGER,
                    superseded_by INTEGER,
                    lang TEXT NOT NULL,
                    extractor TEXT NOT NULL,
                    committed_at INTEGER NOT NULL,
                    json BLOB NOT NULL
                );
                INSERT INTO results_v3 (seq, article_id, revision, lang, extractor, committed_at, json)
                    SELECT seq, article_id, 1, lang, extractor, committed_at,
                           CAST(json_insert(CAST(json AS TEXT), '$.revision', 1) AS BLOB)
                    FROM results ORDER BY seq;
                UPDATE events SET json = CAST(json_insert(CAST(json AS TEXT), '$.revision', 1) AS BLOB);
                DROP VIEW mentions;
                DROP VIEW entities;
                DROP TABLE results;
                ALTER TABLE results_v3 RENAME TO results;
                CREATE UNIQUE INDEX results_by_article ON results(article_id, revision);
                CREATE INDEX results_by_time ON results(committed_at);
                CREATE INDEX results_by_lang ON results(lang, seq);
                \(resultViews)
                ALTER TABLE outbox ADD COLUMN pruned_through INTEGER NOT NULL DEFAULT 0;
                """)
        }
        // A reprocess job outlives a restart: its range and the last seq when it started are kept, and
        // a service that starts with one unfinished takes it up again. What it already did is not done
        // twice, because a reprocessed article's newest result lies after the job's last seq.
        migrator.registerMigration("v4: reprocess jobs") { db in
            try db.execute(sql: """
                CREATE TABLE reprocess_jobs (
                    id INTEGER PRIMARY KEY,
                    from_seq INTEGER NOT NULL, to_seq INTEGER, since INTEGER, until INTEGER,
                    through_seq INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER
                );
                """)
        }
        return migrator
    }
}
