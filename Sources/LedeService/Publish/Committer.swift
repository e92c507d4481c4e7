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
final class Committer: Sendable {
    let parts: ServiceParts

    /// How often the committer, between batches, hands freed memory back to the system.
    static let trimInterval: TimeInterval = 30

    init(_ parts: ServiceParts) { self.parts = parts }

    /// Binds PUB, re-publishes the outbox, then commits until the queue is closed and drained.
    func run(context: Context, ready: StartupLatch<String>) {
        let publisher: Socket
        let acks: Socket
        var lastSeq: Int64
        var publishedThrough: Int64
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
            lastSeq = try parts.store.lastSeq()
            publishedThrough = try republishOutbox(on: publisher)
            ready.succeed(try publisher.lastEndpoint)
        } catch {
            ready.fail(error)
            return
        }

        var nextHeartbeat = Date()
        var nextTrim = Date(timeIntervalSinceNow: Self.trimInterval)
        while true {
            let wait = max(0, nextHeartbeat.timeIntervalSinceNow)
            guard let batch = parts.commits.take(max: parts.configuration.batchSize, timeout: wait) else { break }
            if !batch.isEmpty {
                commit(batch, publisher: publisher, acks: acks, lastSeq: &lastSeq, publishedThrough: &publishedThrough)
            }
            if Date() >= nextHeartbeat {
                publish(publisher, Topics.heartbeat, ResultEncoding.heartbeat(lastSeq: lastSeq, timeMillis: WallClock.millis()))
                nextHeartbeat = Date(timeIntervalSinceNow: parts.configuration.heartbeatInterval)
            }
            if Date() >= nextTrim {
                let started = Date()
                MallocTuning.releaseFreeMemory()
                parts.logger.debug("released free memory", metadata: ["seconds": "\(Date().timeIntervalSince(started))"])
                nextTrim = Date(timeIntervalSinceNow: Self.trimInterval)
            }
        }
        // Drained: everything committed is published; record it so a restart does not re-publish.
        do { try parts.store.markPublished(through: publishedThrough) } catch { parts.logger.error("outbox mark failed", metadata: ["error": "\(error)"]) }
        publish(publisher, Topics.heartbeat, ResultEncoding.heartbeat(lastSeq: lastSeq, timeMillis: WallClock.millis()))
        publisher.close()
        acks.close()
    }

    private func commit(_ batch: [CommitRequest], publisher: Socket, acks: Socket, lastSeq: inout Int64, publishedThrough: inout Int64) {
        let outcomes: [CommitOutcome]
        do {
            outcomes = try parts.store.commit(batch.map(\.item), nowMillis: WallClock.millis(), publishedThrough: publishedThrough, render: Self.render)
        } catch {
            // Nothing of this batch is stored: submitters get an error and retry; PULL/SUB inputs
            // were never acknowledged. The service keeps running.
            parts.logger.error("commit failed", metadata: ["error": "\(error)", "batch.size": "\(batch.count)"])
            for request in batch {
                if let envelope = request.envelope {
                    send(acks, envelope, APIReplyEncoding.error(InputError(code: .internal, message: "the store could not commit: \(error)")))
                }
            }
            return
        }
        for (request, outcome) in zip(batch, outcomes) {
            switch (outcome, request.item) {
            case (.stored(let seq, let rendered), .result(_, let result)):
                lastSeq = seq
                parts.counters.add(.stored)
                publish(publisher, Topics.article(lang: result.lang), rendered.result)
                for (event, json) in zip(result.events, rendered.events) {
                    publish(publisher, Topics.event(type: event.type, lang: result.lang), json)
                }
                if let envelope = request.envelope {
                    send(acks, envelope, APIReplyEncoding.submitted(articleID: stored(request)?.id ?? "", seq: seq, duplicate: false))
                }
            case (.duplicate(let seq), _):
                parts.counters.add(.duplicates)
                if let envelope = request.envelope {
                    send(acks, envelope, APIReplyEncoding.submitted(articleID: stored(request)?.id ?? "", seq: seq, duplicate: true))
                }
            case (.rejected(let id), .reject(let record)):
                parts.counters.add(.rejected)
                publish(publisher, Topics.reject, ResultEncoding.reject(
                    id: id, code: record.code, message: record.message, source: record.source, size: record.size,
                    sha256: record.sha256, articleID: record.articleID, receivedAtMillis: record.receivedAtMillis))
                parts.logger.info("rejected input", metadata: ["reject.code": "\(record.code)", "reject.source": "\(record.source)", "reject.id": "\(id)"])
                if let envelope = request.envelope, let error = request.error {
                    send(acks, envelope, APIReplyEncoding.error(error))
                }
            default:
                preconditionFailure("commit outcome does not match its item")
            }
        }
        publishedThrough = lastSeq
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
            parts.counters.add(.published)
        } catch {
            parts.logger.error("publish failed", metadata: ["error": "\(error)"])
        }
    }

    private func send(_ socket: Socket, _ envelope: [[UInt8]], _ reply: [UInt8]) {
        do { try socket.send(envelope + [reply]) } catch { parts.logger.error("acknowledgement failed", metadata: ["error": "\(error)"]) }
    }

    /// The wire form of a result and its event messages.
    static func render(_ stored: StoredArticle, _ result: ExtractionResult, _ seq: Int64, _ committedAt: Int64) -> RenderedResult {
        RenderedResult(
            result: ResultEncoding.result(result, seq: seq, article: stored.article, committedAtMillis: committedAt),
            events: result.events.enumerated().map { i, event in
                ResultEncoding.event(event, index: i, seq: seq, article: stored.article, lang: result.lang, entities: result.entities)
            })
    }
}
