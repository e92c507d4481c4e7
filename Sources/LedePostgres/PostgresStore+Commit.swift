import Foundation
import LedeModel
import LedeStore
import PostgresNIO

extension PostgresStore {
    /// Commits a batch in one transaction that holds the global seq row from its first statement to
    /// its COMMIT (see the type's comment): its results take the seqs after the last one given, in
    /// item order, and no other node's batch can commit in between. Rows go in with one statement per
    /// table (arrays unnested), so the lock is held for a dozen round trips, whatever the batch size.
    public func commit(_ items: [CommitItem], nowMillis: Int64, publishedThrough: Int64?, render: ResultRenderer) throws -> [CommitOutcome] {
        try withLink("commit \(items.count) items") { link in
            try link.transaction {
                var seq = try link.query("SELECT last_seq FROM seq_counter WHERE id = 1 FOR UPDATE").first?.decode(Int64.self) ?? 0
                if let publishedThrough { try markPublished(through: publishedThrough, link) }
                var known = try storedArticles(of: items, link)
                var rows = BatchRows(node: node, committedAt: nowMillis)
                var outcomes: [CommitOutcome] = []
                outcomes.reserveCapacity(items.count)
                for item in items {
                    switch item {
                    case .reject(let r):
                        outcomes.append(.rejected(id: try insertReject(r, link)))
                    case .result(let stored, let result):
                        if let existing = known[stored.article.id] {
                            outcomes.append(.duplicate(seq: existing.first))
                            continue
                        }
                        seq += 1
                        let rendered = render(stored, result, seq, nowMillis, .first)
                        rows.article(stored)
                        rows.result(stored, result, seq: seq, revision: .first, rendered: rendered)
                        known[stored.article.id] = (first: seq, latest: seq, revision: 1)
                        outcomes.append(.stored(seq: seq, rendered))
                    case .revision(let stored, let result):
                        // A pruned article has no result left: nothing to supersede, nothing written.
                        guard let latest = known[stored.article.id] else {
                            outcomes.append(.gone)
                            continue
                        }
                        seq += 1
                        let revision = Revision(number: latest.revision + 1, supersedes: latest.latest)
                        let rendered = render(stored, result, seq, nowMillis, revision)
                        rows.result(stored, result, seq: seq, revision: revision, rendered: rendered)
                        rows.superseded.append((old: latest.latest, new: seq))
                        known[stored.article.id] = (first: latest.first, latest: seq, revision: revision.number)
                        outcomes.append(.stored(seq: seq, rendered))
                    }
                }
                try rows.insert(link)
                var last = Binds()
                last.add(seq)
                try link.query("UPDATE seq_counter SET last_seq = $1 WHERE id = 1", last.values)
                return outcomes
            }
        }
    }

    /// The stored results of the batch's articles, by id: the first seq (a re-sent article's answer),
    /// the newest seq and its revision (what a reprocessed one supersedes). Read under the seq lock, so
    /// whatever any node committed before is in it.
    private func storedArticles(of items: [CommitItem], _ link: PostgresLink) throws -> [String: (first: Int64, latest: Int64, revision: Int)] {
        var ids: [String] = []
        for item in items {
            switch item {
            case .result(let stored, _), .revision(let stored, _): ids.append(stored.article.id)
            case .reject: break
            }
        }
        guard !ids.isEmpty else { return [:] }
        var binds = Binds()
        binds.add(ids)
        var known: [String: (first: Int64, latest: Int64, revision: Int)] = [:]
        for row in try link.query("""
            SELECT article_id, min(seq), max(seq), max(revision) FROM results WHERE article_id = ANY($1) GROUP BY article_id
            """, binds.values)
        {
            let (id, first, latest, revision) = try row.decode((String, Int64, Int64, Int32).self)
            known[id] = (first, latest, Int(revision))
        }
        return known
    }

    private func insertReject(_ r: RejectRecord, _ link: PostgresLink) throws -> Int64 {
        var binds = Binds()
        binds.add(r.receivedAtMillis)
        binds.add(r.source)
        binds.add(r.code)
        binds.add(r.message)
        binds.add(Int64(r.size))
        binds.add(r.sha256)
        binds.add(r.raw.map { ByteBuffer(bytes: $0) })
        binds.add(r.articleID)
        binds.add(node)
        return try link.query("""
            INSERT INTO rejects (received_at, source, code, message, size, sha256, raw, article_id, node)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """, binds.values).first?.decode(Int64.self) ?? 0
    }
}

/// A batch's rows, column by column, for one `INSERT … SELECT FROM unnest(…)` per table. Arrays cannot
/// hold NULL here, so a nullable column travels as its values and a mask of which are NULL.
struct BatchRows {
    let node: String
    let committedAt: Int64

    var articleID: [String] = [], url = NullableText(), title = NullableText(), body: [String] = [], articleLang = NullableText()
    var publishedAt = NullableText(), source = NullableText(), receivedAt: [Int64] = [], ingest: [String] = []

    var seq: [Int64] = [], resultArticle: [String] = [], revision: [Int64] = [], supersedes: [Int64] = [], supersedesNull: [Bool] = []
    var lang: [String] = [], extractor: [String] = [], json: [String] = []

    var nameKey: [String] = [], nameSeq: [Int64] = []

    var eventSeq: [Int64] = [], eventIndex: [Int64] = [], eventType: [String] = [], cameo: [String] = [], modality: [String] = []
    var trigger: [String] = [], date = NullableText(), eventJSON: [String] = []

    var superseded: [(old: Int64, new: Int64)] = []

    init(node: String, committedAt: Int64) {
        self.node = node
        self.committedAt = committedAt
    }

    mutating func article(_ stored: StoredArticle) {
        let a = stored.article
        articleID.append(a.id)
        url.append(a.url)
        title.append(a.title)
        body.append(a.body)
        articleLang.append(a.lang)
        publishedAt.append(stored.publishedAtText)
        source.append(a.source)
        receivedAt.append(stored.receivedAtMillis)
        ingest.append(stored.ingest)
    }

    mutating func result(_ stored: StoredArticle, _ result: ExtractionResult, seq: Int64, revision: Revision, rendered: RenderedResult) {
        self.seq.append(seq)
        resultArticle.append(stored.article.id)
        self.revision.append(Int64(revision.number))
        supersedes.append(revision.supersedes ?? 0)
        supersedesNull.append(revision.supersedes == nil)
        lang.append(result.lang)
        extractor.append(result.extractorVersion)
        json.append(String(decoding: rendered.result, as: UTF8.self))
        for key in result.entityNameKeys {
            nameKey.append(key)
            nameSeq.append(seq)
        }
        for (i, e) in result.events.enumerated() {
            eventSeq.append(seq)
            eventIndex.append(Int64(i))
            eventType.append(e.type)
            cameo.append(e.cameo)
            modality.append(e.modality.rawValue)
            trigger.append(e.trigger.text)
            date.append(e.date?.value)
            eventJSON.append(String(decoding: i < rendered.events.count ? rendered.events[i] : [], as: UTF8.self))
        }
    }

    func insert(_ link: PostgresLink) throws {
        if !articleID.isEmpty {
            var b = Binds()
            b.add(articleID); url.bind(&b); title.bind(&b); b.add(body); articleLang.bind(&b)
            publishedAt.bind(&b); source.bind(&b); b.add(receivedAt); b.add(ingest)
            // An article left without results by pruning may come again: it is written anew, as SQLite's
            // INSERT OR REPLACE does.
            try link.query("""
                INSERT INTO articles (id, url, title, body, lang, published_at, source, received_at, ingest)
                SELECT id, CASE WHEN url_null THEN NULL ELSE url END, CASE WHEN title_null THEN NULL ELSE title END, body,
                       CASE WHEN lang_null THEN NULL ELSE lang END, CASE WHEN published_null THEN NULL ELSE published_at END,
                       CASE WHEN source_null THEN NULL ELSE source END, received_at, ingest
                FROM unnest($1::text[], $2::text[], $3::bool[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::bool[],
                            $9::text[], $10::bool[], $11::text[], $12::bool[], $13::bigint[], $14::text[])
                     AS a(id, url, url_null, title, title_null, body, lang, lang_null, published_at, published_null, source, source_null, received_at, ingest)
                ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, body = excluded.body, lang = excluded.lang,
                    published_at = excluded.published_at, source = excluded.source, received_at = excluded.received_at, ingest = excluded.ingest
                """, b.values)
        }
        if !seq.isEmpty {
            var b = Binds()
            b.add(seq); b.add(resultArticle); b.add(revision); b.add(supersedes); b.add(supersedesNull)
            b.add(lang); b.add(extractor); b.add(committedAt); b.add(node); b.add(json)
            try link.query("""
                INSERT INTO results (seq, article_id, revision, supersedes, lang, extractor, committed_at, node, json)
                SELECT seq, article_id, revision, CASE WHEN supersedes_null THEN NULL ELSE supersedes END, lang, extractor, $8, $9, json
                FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bool[], $6::text[], $7::text[], $10::text[])
                     AS r(seq, article_id, revision, supersedes, supersedes_null, lang, extractor, json)
                """, b.values)
        }
        if !superseded.isEmpty {
            var b = Binds()
            b.add(superseded.map(\.old)); b.add(superseded.map(\.new))
            try link.query("""
                UPDATE results SET superseded_by = s.new FROM unnest($1::bigint[], $2::bigint[]) AS s(old, new) WHERE results.seq = s.old
                """, b.values)
        }
        if !nameKey.isEmpty {
            var b = Binds()
            b.add(nameKey); b.add(nameSeq)
            try link.query("INSERT INTO entity_names (name_key, seq) SELECT * FROM unnest($1::text[], $2::bigint[])", b.values)
        }
        if !eventSeq.isEmpty {
            var b = Binds()
            b.add(eventSeq); b.add(eventIndex); b.add(eventType); b.add(cameo); b.add(modality); b.add(trigger); date.bind(&b); b.add(eventJSON)
            try link.query("""
                INSERT INTO events (seq, idx, type, cameo, modality, trigger, date, json)
                SELECT seq, idx, type, cameo, modality, trigger, CASE WHEN date_null THEN NULL ELSE date END, json
                FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[])
                     AS e(seq, idx, type, cameo, modality, trigger, date, date_null, json)
                """, b.values)
        }
    }
}

/// A nullable text column as two arrays: the values ("" where NULL) and which are NULL.
struct NullableText {
    var values: [String] = []
    var isNull: [Bool] = []

    mutating func append(_ value: String?) {
        values.append(value ?? "")
        isNull.append(value == nil)
    }

    func bind(_ binds: inout Binds) {
        binds.add(values)
        binds.add(isNull)
    }
}
