import Logging
import LedeExtraction
import LedeModel
import LedeStore
import LedeWire

/// N threads that take inputs from the work queue, check and decode them, extract, and hand the
/// result (or the reject) to the committer. Extraction is pure, so workers share one `Extractor`.
struct ExtractionWorkers: Sendable {
    let work: BoundedQueue<WorkItem>
    let commits: BoundedQueue<CommitRequest>
    let extractor: Extractor
    let checks: InputChecks
    let metrics: ServiceMetrics
    let logger: Logger

    func run() {
        // One at a time: a worker holding several would make the last wait for the others while the
        // other worker may stand idle (each article costs milliseconds; the queue's lock, microseconds).
        while let batch = work.take(max: 1, timeout: 0.5) {
            for item in batch { commits.put(process(item)) }
        }
    }

    func process(_ item: WorkItem) -> CommitRequest {
        let article: Article
        switch item.payload {
        case .stored(let stored):
            // Checked and stored once already: only extracted again.
            let started = ContinuousClock.now
            let result = extractor.extract(stored.article)
            ServiceMetrics.record(metrics.extractDuration, since: started)
            return CommitRequest(item: .revision(stored, result), envelope: nil, error: nil)
        case .frames(let message):
            switch checks.article(from: message, source: item.source) {
            case .success(let a): article = a
            case .failure(let error):
                let record = checks.reject(error, frames: message.frames, byteCount: message.byteCount, source: item.source, at: item.receivedAtMillis)
                return CommitRequest(item: .reject(record), envelope: item.envelope, error: error)
            }
        case .article(let a):
            article = a
        }
        if let lang = article.lang, !Extractor.supportedLanguages.contains(lang) {
            let error = InputError(code: .unknownLang, message: "language \"\(lang)\" is not supported; Lede extracts vi and en (omit lang to identify it)")
            let raw = Array(article.body.utf8.prefix(checks.limits.maxMessageBytes))
            let record = checks.reject(error, frames: [raw], byteCount: raw.count, source: item.source, at: item.receivedAtMillis, articleID: article.id)
            return CommitRequest(item: .reject(record), envelope: item.envelope, error: error)
        }
        let started = ContinuousClock.now
        let result = extractor.extract(article)
        ServiceMetrics.record(metrics.extractDuration, since: started)
        let stored = StoredArticle(
            article: article, publishedAtText: article.publishedAt?.iso, receivedAtMillis: item.receivedAtMillis,
            ingest: item.source.rawValue)
        return CommitRequest(item: .result(stored, result), envelope: item.envelope, error: nil)
    }
}
