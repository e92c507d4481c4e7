import Foundation
import Logging
import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import ZeroMQ

/// The single writer: commits batches of results and rejects to SQLite, then publishes them on PUB,
/// then answers the `submit`s among them. Publishing strictly after commit means a subscriber never
/// sees a result that replay cannot return. Owns the PUB socket and the acknowledgement PUSH socket.
///
/// While the store refuses writes for a reason that can pass (a full disk, an I/O error, a read-only
/// file), it holds the batch and retries it, in order, with a bounded backoff: the queues fill, the
/// workers and ingest wait, and PUSH producers are held at their high-water mark, as under load. Nothing
/// accepted is dropped. A fault that cannot pass stops the service (`FaultSignal`).
final class Committer: Sendable {
    let parts: ServiceParts

    /// How often the committer, between batches, hands freed memory back to the system.
    static let trimInterval: TimeInterval = 30
    /// Retries of a held batch start this soon and back off to `longestRetryWait`.
    static let firstRetryWait: TimeInterval = 0.05
    static let longestRetryWait: TimeInterval = 1
    /// While the store refuses writes, the log says so when it starts, this often, and when it ends.
    static let faultReportInterval: TimeInterval = 30
    /// Each refused input is logged at debug; at info, a summary by code this often (a flood of bad
    /// input must not flood the log).
    static let rejectSummaryInterval: TimeInterval = 60

    init(_ parts: ServiceParts) { self.parts = parts }

    /// What the loop carries from one batch to the next.
    private struct Progress {
        var lastSeq: Int64
        var publishedThrough: Int64
        var nextHeartbeat = Date()
        /// Set by a fault that cannot pass: nothing more is stored.
        var stopped = false
        /// Refused inputs since the last summary, by code.
        var rejectedSinceSummary: [String: Int] = [:]
        var nextRejectSummary = Date(timeIntervalSinceNow: Committer.rejectSummaryInterval)
    }

    /// Binds PUB, re-publishes the outbox, then commits until the queue is closed and drained.
    func run(context: Context, ready: StartupLatch<String>) {
        let publisher: Socket
        let acks: Socket
        do {
            publisher = try Socket(context, .pub)
            try publisher.setSendHighWaterMark(parts.configuration.publishHighWaterMark)
            if let security = parts.configuration.security {
                try publisher.makeCurveServer(secretKey: security.serverSecretKey)
                try publisher.setZAPDomain("lede")
            }
            try publisher.bind(parts.configuration.publish)
            acks = try Socket(context, .push)
            try acks.setSendHighWaterMark(0)  // never block the writer on a slow API loop
            try acks.connect(parts.acknowledgements)
            ready.succeed(try publisher.lastEndpoint)
        } catch {
            ready.fail(error)
            return
        }
        var progress = openStore(publisher: publisher, acks: acks)
        var nextTrim = Date(timeIntervalSinceNow: Self.trimInterval)
        var dropped = 0
        while true {
            let wait = max(0, progress.nextHeartbeat.timeIntervalSinceNow)
            guard let batch = parts.commits.take(max: parts.configuration.batchSize, timeout: wait) else { break }
            if progress.stopped {
                dropped += discard(batch, acks: acks)
            } else if !batch.isEmpty {
                commit(batch, publisher: publisher, acks: acks, progress: &progress)
            } else {
                probeIfDue(progress)
            }
            heartbeatIfDue(publisher, &progress)
            summarizeRejectsIfDue(&progress)
            if Date() >= nextTrim {
                let started = Date()
                MallocTuning.releaseFreeMemory()
                parts.logger.debug("released free memory", metadata: ["seconds": "\(Date().timeIntervalSince(started))"])
                nextTrim = Date(timeIntervalSinceNow: Self.trimInterval)
            }
        }
        if progress.stopped {
            parts.logger.critical("stopped without storing what was still queued", metadata: ["inputs": "\(dropped)"])
        } else {
            // Drained: everything committed is published; record it so a restart does not re-publish.
            do { try parts.store.markPublished(through: progress.publishedThrough) } catch { parts.logger.error("outbox mark failed", metadata: ["error": "\(error)"]) }
        }
        publish(publisher, Topics.heartbeat, ResultEncoding.heartbeat(lastSeq: progress.lastSeq, timeMillis: WallClock.millis()))
        publisher.close()
        acks.close()
    }

    /// Reads where the store stands and re-publishes its outbox, waiting while the store cannot be
    /// opened or read for a reason that can pass (the service has started meanwhile: `health` says
    /// why, submitters are answered `unavailable`, input waits in the queues).
    private func openStore(publisher: Socket, acks: Socket) -> Progress {
        var attempts = 0
        var nextReport = Date.distantFuture
        while true {
            do {
                if !parts.store.isOpen { try parts.store.reopen() }
                let lastSeq = try parts.store.lastSeq()
                let progress = Progress(lastSeq: lastSeq, publishedThrough: try republishOutbox(on: publisher))
                if let ended = parts.health.recovered() {
                    parts.logger.notice("the store opened; held input is being committed", metadata: [
                        "seconds": "\(Double(WallClock.millis() - ended.sinceMillis) / 1000)", "attempts": "\(attempts)",
                    ])
                }
                return progress
            } catch {
                let error = error as? StoreError ?? StoreError(operation: "open", underlying: "\(error)")
                var stopped = Progress(lastSeq: 0, publishedThrough: 0, stopped: true)
                guard error.fault.isTransient else {
                    stop(on: error, pending: [], acks: acks)
                    return stopped
                }
                if parts.commits.isClosed {
                    parts.logger.critical("stopping before the store could be opened", metadata: ["error": "\(error)"])
                    stopped.nextHeartbeat = .distantFuture
                    return stopped
                }
                attempts += 1
                report(error, attempts: attempts, held: parts.commits.count + parts.work.count, nextReport: &nextReport)
                var none: [CommitRequest] = []
                answerSubmitters(pending: &none, acks: acks, because: error)
                _ = DispatchSemaphore(value: 0).wait(timeout: .now() + Self.retryWait(attempt: attempts))
            }
        }
    }

    /// Records a failed attempt; logs it when the fault starts and every `faultReportInterval`.
    private func report(_ error: StoreError, attempts: Int, held: Int, nextReport: inout Date) {
        if parts.health.failed(error, held: held, atMillis: WallClock.millis()) {
            parts.logger.error("the store cannot write; holding input and retrying until it can", metadata: [
                "error": "\(error)", "held": "\(held)",
            ])
            nextReport = Date(timeIntervalSinceNow: Self.faultReportInterval)
        } else if Date() >= nextReport {
            parts.logger.warning("the store still cannot write", metadata: [
                "error": "\(error)", "held": "\(held)", "attempts": "\(attempts)",
            ])
            nextReport = Date(timeIntervalSinceNow: Self.faultReportInterval)
        }
    }

    private func summarizeRejectsIfDue(_ progress: inout Progress) {
        guard Date() >= progress.nextRejectSummary else { return }
        progress.nextRejectSummary = Date(timeIntervalSinceNow: Self.rejectSummaryInterval)
        guard !progress.rejectedSinceSummary.isEmpty else { return }
        let byCode = progress.rejectedSinceSummary.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        parts.logger.info("refused inputs", metadata: [
            "count": "\(progress.rejectedSinceSummary.values.reduce(0, +))", "by_code": "\(byCode)",
            "seconds": "\(Int(Self.rejectSummaryInterval))",
        ])
        progress.rejectedSinceSummary = [:]
    }

    /// With nothing to commit, asks the store at each heartbeat whether it answers (a database server
    /// can go away between commits), so that `health` and readiness say so and `submit` is refused at
    /// once, and say so no more when it answers again.
    private func probeIfDue(_ progress: Progress) {
        guard Date() >= progress.nextHeartbeat else { return }
        do {
            try parts.store.probe()
            if let ended = parts.health.recovered() {
                parts.metrics.storeWritable.record(1)
                parts.logger.notice("the store answers again", metadata: ["seconds": "\(Double(WallClock.millis() - ended.sinceMillis) / 1000)"])
            }
        } catch {
            let error = error as? StoreError ?? StoreError(operation: "probe", underlying: "\(error)")
            parts.metrics.storeWritable.record(0)
            if parts.health.failed(error, held: parts.commits.count + parts.work.count, atMillis: WallClock.millis()) {
                parts.logger.error("the store does not answer; refusing submit until it does", metadata: ["error": "\(error)"])
            }
        }
    }

    private func heartbeatIfDue(_ publisher: Socket, _ progress: inout Progress) {
        guard Date() >= progress.nextHeartbeat else { return }
        publish(publisher, Topics.heartbeat, ResultEncoding.heartbeat(lastSeq: progress.lastSeq, timeMillis: WallClock.millis()))
        progress.nextHeartbeat = Date(timeIntervalSinceNow: parts.configuration.heartbeatInterval)
    }

    /// Commits a batch and delivers it, holding it and retrying while the store's fault can pass.
    private func commit(_ batch: [CommitRequest], publisher: Socket, acks: Socket, progress: inout Progress) {
        var pending = batch
        var attempts = 0
        var nextReport = Date.distantFuture
        while true {
            let outcomes: [CommitOutcome]
            let started = ContinuousClock.now
            do {
                outcomes = try parts.store.commit(
                    pending.map(\.item), nowMillis: WallClock.millis(), publishedThrough: progress.publishedThrough, render: Self.render)
            } catch {
                let error = error as? StoreError ?? StoreError(operation: "commit", underlying: "\(error)")
                guard error.fault.isTransient else {
                    stop(on: error, pending: pending, acks: acks)
                    progress.stopped = true
                    return
                }
                attempts += 1
                parts.metrics.storeFailures.increment()
                parts.metrics.storeWritable.record(0)
                report(error, attempts: attempts, held: pending.count + parts.commits.count + parts.work.count, nextReport: &nextReport)
                answerSubmitters(pending: &pending, acks: acks, because: error)
                if case .transient(reopen: true) = error.fault {
                    do { try parts.store.reopen() } catch { parts.logger.debug("reopening the store failed", metadata: ["error": "\(error)"]) }
                }
                pause(Self.retryWait(attempt: attempts), publisher: publisher, progress: &progress)
                continue
            }
            ServiceMetrics.record(parts.metrics.commitDuration, since: started)
            if let ended = parts.health.recovered() {
                parts.metrics.storeWritable.record(1)
                parts.logger.notice("the store writes again; held input is being committed", metadata: [
                    "seconds": "\(Double(WallClock.millis() - ended.sinceMillis) / 1000)", "attempts": "\(attempts)",
                ])
            }
            deliver(pending, outcomes, publisher: publisher, acks: acks, progress: &progress)
            return
        }
    }

    /// 50 ms, doubling to 1 s.
    static func retryWait(attempt: Int) -> TimeInterval {
        min(longestRetryWait, firstRetryWait * Double(1 << min(attempt - 1, 16)))
    }

    /// Waits before a retry, keeping the heartbeat going: subscribers see the service alive and
    /// `last_seq` unchanged.
    private func pause(_ seconds: TimeInterval, publisher: Socket, progress: inout Progress) {
        let until = Date(timeIntervalSinceNow: seconds)
        while Date() < until {
            heartbeatIfDue(publisher, &progress)
            let slice = min(until.timeIntervalSinceNow, max(0.001, progress.nextHeartbeat.timeIntervalSinceNow))
            if slice > 0 { Thread.sleep(forTimeInterval: slice) }
        }
    }

    /// While the store refuses writes, no submitter is kept waiting: every `submit` in the held batch
    /// and in both queues is answered now (`unavailable`, or its own error for a refused article), and
    /// its input stays queued without an envelope. It is stored once the store writes, so a re-sent
    /// article is then answered as a duplicate with its seq.
    private func answerSubmitters(pending: inout [CommitRequest], acks: Socket, because error: StoreError) {
        let unavailable = APIReplyEncoding.error(InputError(
            code: .unavailable, message: "the store cannot write (\(error.code ?? "error")): \(error.underlying); retry after a pause"))
        func answer(_ request: inout CommitRequest) {
            guard let envelope = request.envelope else { return }
            send(acks, envelope, request.error.map(APIReplyEncoding.error) ?? unavailable)
            request.envelope = nil
        }
        for i in pending.indices { answer(&pending[i]) }
        parts.commits.update(answer)
        parts.work.update { item in
            guard let envelope = item.envelope else { return }
            send(acks, envelope, unavailable)
            item.envelope = nil
        }
    }

    /// A fault that cannot pass: the submitters of the batch are answered, and the service is told to
    /// stop (it exits non-zero with the fault as its last line).
    private func stop(on error: StoreError, pending: [CommitRequest], acks: Socket) {
        parts.logger.critical("the store has a fault that will not pass; stopping", metadata: ["error": "\(error)"])
        parts.health.failed(error, held: pending.count + parts.commits.count + parts.work.count, atMillis: WallClock.millis())
        _ = discard(pending, acks: acks)
        parts.fault.raise(error)
    }

    /// Answers the submitters of requests that will not be stored; returns how many there were.
    private func discard(_ batch: [CommitRequest], acks: Socket) -> Int {
        let reply = APIReplyEncoding.error(InputError(code: .shuttingDown, message: "the service is stopping on a store fault; retry elsewhere or later"))
        for request in batch { if let envelope = request.envelope { send(acks, envelope, reply) } }
        return batch.count
    }

    private func deliver(_ batch: [CommitRequest], _ outcomes: [CommitOutcome], publisher: Socket, acks: Socket, progress: inout Progress) {
        for (request, outcome) in zip(batch, outcomes) {
            switch (outcome, request.item) {
            case (.stored(let seq, let rendered), .result(_, let result)):
                progress.lastSeq = seq
                parts.metrics.storedOne()
                publishResult(publisher, result, rendered)
                if let envelope = request.envelope {
                    send(acks, envelope, APIReplyEncoding.submitted(articleID: stored(request)?.id ?? "", seq: seq, duplicate: false))
                }
            case (.stored(let seq, let rendered), .revision(_, let result)):
                progress.lastSeq = seq
                parts.metrics.reprocessedOne()
                publishResult(publisher, result, rendered)
                parts.reprocess.committedOne(atMillis: WallClock.millis())
            case (.gone, .revision):
                parts.reprocess.committedOne(atMillis: WallClock.millis())
            case (.duplicate(let seq), _):
                parts.metrics.duplicate()
                if let envelope = request.envelope {
                    send(acks, envelope, APIReplyEncoding.submitted(articleID: stored(request)?.id ?? "", seq: seq, duplicate: true))
                }
            case (.rejected(let id), .reject(let record)):
                parts.metrics.rejected(code: record.code)
                publish(publisher, Topics.reject, ResultEncoding.reject(
                    id: id, code: record.code, message: record.message, source: record.source, size: record.size,
                    sha256: record.sha256, articleID: record.articleID, receivedAtMillis: record.receivedAtMillis))
                progress.rejectedSinceSummary[record.code, default: 0] += 1
                parts.logger.debug("rejected input", metadata: ["reject.code": "\(record.code)", "reject.source": "\(record.source)", "reject.id": "\(id)"])
                if let envelope = request.envelope, let error = request.error {
                    send(acks, envelope, APIReplyEncoding.error(error))
                }
            default:
                preconditionFailure("commit outcome does not match its item")
            }
        }
        progress.publishedThrough = progress.lastSeq
        parts.metrics.lastSeq.record(progress.lastSeq)
    }

    /// A stored result on `article.<lang>`, then each of its events on `event.<TYPE>.<lang>`.
    private func publishResult(_ publisher: Socket, _ result: ExtractionResult, _ rendered: RenderedResult) {
        publish(publisher, Topics.article(lang: result.lang), rendered.result)
        for (event, json) in zip(result.events, rendered.events) {
            publish(publisher, Topics.event(type: event.type, lang: result.lang), json)
            parts.metrics.eventPublished(type: event.type, lang: result.lang)
        }
    }

    private func stored(_ request: CommitRequest) -> Article? {
        if case .result(let stored, _) = request.item { return stored.article }
        return nil
    }

    /// Publishes what was committed but maybe not published when the process last stopped, with its
    /// original seq. Returns the seq published through.
    private func republishOutbox(on publisher: Socket) throws -> Int64 {
        var through = try parts.store.publishedThrough()
        var count = 0
        while true {
            let page = try parts.store.unpublished(after: through, limit: 1000)
            if page.isEmpty { break }
            for (result, events) in page {
                publish(publisher, Topics.article(lang: result.lang), result.json)
                for event in events { publish(publisher, Topics.event(type: event.type, lang: result.lang), event.json) }
                through = result.seq
                count += 1
            }
        }
        if count > 0 {
            try parts.store.markPublished(through: through)
            parts.logger.notice("re-published the outbox", metadata: ["outbox.count": "\(count)", "outbox.through": "\(through)"])
        }
        return through
    }

    private func publish(_ socket: Socket, _ topic: [UInt8], _ json: [UInt8]) {
        do {
            try socket.send([topic, json])
            parts.metrics.published()
        } catch {
            parts.logger.error("publish failed", metadata: ["error": "\(error)"])
        }
    }

    private func send(_ socket: Socket, _ envelope: [[UInt8]], _ reply: [UInt8]) {
        do { try socket.send(envelope + [reply]) } catch { parts.logger.error("acknowledgement failed", metadata: ["error": "\(error)"]) }
    }

    /// The wire form of a result and its event messages.
    static func render(
        _ stored: StoredArticle, _ result: ExtractionResult, _ seq: Int64, _ committedAt: Int64, _ revision: Revision
    ) -> RenderedResult {
        RenderedResult(
            result: ResultEncoding.result(result, seq: seq, article: stored.article, committedAtMillis: committedAt, revision: revision),
            events: result.events.enumerated().map { i, event in
                ResultEncoding.event(
                    event, index: i, seq: seq, article: stored.article, lang: result.lang, entities: result.entities, revision: revision)
            })
    }
}
