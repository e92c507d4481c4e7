import Foundation
import Logging
import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import Synchronization
import ZeroMQ

/// The request/reply API on a ROUTER socket (REQ and DEALER clients): `submit` goes through the
/// workers and is answered by the committer once committed; `replay`, `get`, `stats` and `health`
/// are answered here from SQLite's readers. Owns the ROUTER socket and the acknowledgement PULL.
final class APILoop: @unchecked Sendable {
    let parts: ServiceParts
    let startedAt = Date()
    /// Set when shutdown begins: new submits are refused, acknowledgements still flow.
    let intakeClosed = Atomic<Bool>(false)
    /// Set when the committer has finished: nothing more will be acknowledged.
    let finished = Atomic<Bool>(false)
    /// The storage of the last large reply, once sent, for the next replay page to write into: pages
    /// of megabytes then cost no fresh allocation. Touched only by the API thread.
    private var spareReply: [UInt8] = []
    /// How long the loop goes on answering queued requests once the committer has finished.
    static let finalDrain: TimeInterval = 1

    /// Replies larger than this are not kept for reuse.
    static let spareReplyLimit = 32 << 20

    /// Refused requests waiting for room in the commit queue, which stays full while the store refuses
    /// writes: the API goes on answering meanwhile (`health` above all). Touched only by the API thread.
    private var pendingRejects: [CommitRequest] = []
    private var pendingRawBytes = 0
    /// Past this many bytes of held raw requests, further ones are kept as their hash and size only,
    /// as an oversized message is.
    static let pendingRawLimit = 64 << 20

    init(_ parts: ServiceParts) { self.parts = parts }

    func run(context: Context, ready: StartupLatch<String>) {
        let router: Socket
        let acks: Socket
        do {
            acks = try Socket(context, .pull)
            try acks.setReceiveHighWaterMark(0)
            try acks.bind(parts.acknowledgements)
            router = try Socket(context, .router)
            // A full or vanished peer fails loudly instead of losing the reply silently.
            try router.setRouterMandatory(true)
            try router.setSendTimeout(milliseconds: 5000)
            try router.setMaxMessageSize(Int64(parts.configuration.limits.maxMessageBytes) * 16)
            router.maxFrames = 8
            if let security = parts.configuration.security {
                try router.makeCurveServer(secretKey: security.serverSecretKey)
                try router.setZAPDomain("lede")
            }
            try router.bind(parts.configuration.api)
            ready.succeed(try router.lastEndpoint)
        } catch {
            ready.fail(error)
            return
        }
        var poller = Poller()
        poller.add(router)
        poller.add(acks)
        while true {
            let readable: [Bool]
            do { readable = try poller.poll(timeout: 100) } catch { parts.logger.error("api poll failed", metadata: ["error": "\(error)"]); break }
            if readable[1] { drainAcknowledgements(acks, to: router) }
            flushPendingRejects()
            if readable[0] {
                // Bounded, so acknowledgements are never starved by a flood of requests.
                let open = ReceiveBurst.take(from: router, limit: 64, logger: parts.logger, loop: "api") {
                    handle($0, on: router)
                }
                if !open { break }
            }
            if finished.load(ordering: .acquiring) {
                drainAcknowledgements(acks, to: router)
                for request in pendingRejects { if case .reject(let record) = request.item { recordAfterCommitterStopped(record) } }
                pendingRejects = []
                // Requests still queued in the socket are answered too (submits with
                // `shutting_down`), so no client is left waiting on a service that is gone; for a
                // bounded time, so that a client that keeps sending cannot hold the service up.
                var quiet = 0
                let deadline = Date(timeIntervalSinceNow: Self.finalDrain)
                while quiet < 5, Date() < deadline {
                    let readable: [Bool]
                    do { readable = try poller.poll(timeout: 20) } catch { parts.logger.error("api poll failed", metadata: ["error": "\(error)"]); break }
                    guard readable[0] else { quiet += 1; continue }
                    let open = ReceiveBurst.take(from: router, limit: 64, logger: parts.logger, loop: "api") {
                        handle($0, on: router)
                    }
                    if !open { break }
                }
                break
            }
        }
        router.close()
        acks.close()
    }

    private func drainAcknowledgements(_ acks: Socket, to router: Socket) {
        _ = ReceiveBurst.take(from: acks, limit: .max, logger: parts.logger, loop: "api acknowledgements") { ack in
            reply(router, Array(ack.frames.dropLast()), ack.frames.last ?? [])
        }
    }

    private func handle(_ message: Socket.Message, on router: Socket) {
        let received = WallClock.millis()
        // The envelope is everything up to the empty delimiter (REQ, or DEALER sending one); a DEALER
        // without a delimiter has only the identity frame.
        let frames = message.frames
        let delimiter = frames.firstIndex(where: \.isEmpty).map { $0 + 1 } ?? 1
        let envelope = Array(frames.prefix(delimiter))
        let body = Array(frames.dropFirst(delimiter))
        let bodyFrames = message.frameCount - delimiter

        let request: Result<APIRequest, InputError>
        if message.byteCount > parts.configuration.limits.maxMessageBytes {
            request = .failure(InputError(code: .tooLarge, message: "request of \(message.byteCount) bytes is over the limit of \(parts.configuration.limits.maxMessageBytes)"))
        } else if bodyFrames != 1 {
            request = .failure(InputError(code: bodyFrames > 1 ? .tooManyFrames : .missingFrame, message: "a request is one JSON frame after the envelope; got \(bodyFrames)"))
        } else if body[0].isEmpty {
            request = .failure(InputError(code: .emptyFrame, message: "the request frame is empty"))
        } else {
            request = APIRequestDecoder.decode(body[0], limits: parts.configuration.limits)
        }

        switch request {
        case .failure(let error):
            parts.metrics.received(.api)
            reply(router, envelope, APIReplyEncoding.error(error))
            // Recorded and reported like any refused input; the reply has already gone.
            let checks = InputChecks(limits: parts.configuration.limits)
            var record = checks.reject(error, frames: body, byteCount: message.byteCount, source: .api, at: received)
            if pendingRejects.isEmpty, parts.commits.put(CommitRequest(item: .reject(record), envelope: nil, error: error), timeout: 0) {
                break
            }
            if finished.load(ordering: .acquiring) {
                recordAfterCommitterStopped(record)
            } else {
                if pendingRawBytes + (record.raw?.count ?? 0) > Self.pendingRawLimit { record.raw = nil }
                pendingRawBytes += record.raw?.count ?? 0
                pendingRejects.append(CommitRequest(item: .reject(record), envelope: nil, error: error))
            }
        case .success(.submit(let article)):
            parts.metrics.received(.api)
            if intakeClosed.load(ordering: .acquiring) {
                reply(router, envelope, APIReplyEncoding.error(InputError(code: .shuttingDown, message: "the service is shutting down; retry elsewhere or later")))
            } else if !parts.health.isWritable, let fault = parts.health.status.fault {
                parts.metrics.unavailable.increment()
                reply(router, envelope, APIReplyEncoding.error(InputError(
                    code: .unavailable, message: "the store cannot write (\(fault.code ?? "error")) since \(Timestamps.iso8601(millisSince1970: fault.sinceMillis)); retry after a pause")))
            } else if !parts.work.put(WorkItem(source: .api, payload: .article(article), receivedAtMillis: received, envelope: envelope), timeout: 0.25) {
                parts.metrics.refusedBusy()
                reply(router, envelope, APIReplyEncoding.error(InputError(code: .busy, message: "the work queue is full; retry after a pause")))
            }
        case .success(.replay(let filter)):
            respond(router, envelope) {
                // Each stored result goes from SQLite's buffer straight into the reply.
                var page = ReplayPageWriter(reusing: takeSpareReply())
                let bounds = try parts.store.replay(filter) { row in try row.withJSON { page.append(item: $0) } }
                return page.finish(nextSeq: bounds.nextSeq, lastSeq: bounds.lastSeq, prunedBefore: bounds.prunedBefore)
            }
        case .success(.get(let id)):
            respond(router, envelope) {
                guard let found = try parts.store.article(id: id) else {
                    return APIReplyEncoding.error(InputError(code: .notFound, message: "no article with id \"\(id)\""))
                }
                var article = found.article.article
                article.publishedAt = found.article.publishedAtText.flatMap { ISODateTime.parse($0)?.date }
                return APIReplyEncoding.article(article, result: found.result?.json)
            }
        case .success(.reprocess(let range)):
            if intakeClosed.load(ordering: .acquiring) {
                reply(router, envelope, APIReplyEncoding.error(InputError(code: .shuttingDown, message: "the service is shutting down")))
                break
            }
            respond(router, envelope) {
                let (selection, started) = try parts.store.startReprocessJob(range, nowMillis: WallClock.millis())
                // A job a stopped node left unfinished (on a shared database) is taken up here.
                if !started, try parts.store.claimReprocessJob(selection.job), case .success = parts.reprocess.start(selection, atMillis: WallClock.millis()) {
                    return APIReplyEncoding.error(InputError(
                        code: .busy, message: "reprocess job \(selection.job), left unfinished, is taken up again here (\(selection.count) articles left); retry when it ends"))
                }
                guard started, try parts.store.claimReprocessJob(selection.job) else {
                    return APIReplyEncoding.error(InputError(
                        code: .busy, message: "reprocess job \(selection.job) is unfinished (\(selection.count) articles left); retry when it ends"))
                }
                switch parts.reprocess.start(selection, atMillis: WallClock.millis()) {
                case .success(let job):
                    return APIReplyEncoding.reprocessStarted(job: job.job, articles: selection.count, throughSeq: selection.throughSeq)
                case .failure(let running):
                    let p = running.progress
                    return APIReplyEncoding.error(InputError(
                        code: .busy, message: "reprocess job \(p.job) is running (\(p.done) of \(p.selection.count) articles); retry when it ends"))
                }
            }
        case .success(.stats):
            respond(router, envelope) { APIReplyEncoding.stats(try parts.statistics()) }
        case .success(.health):
            respond(router, envelope) {
                let store = parts.health.status
                // A store that cannot be read (not opened yet) leaves `last_seq` at 0: health still answers.
                return APIReplyEncoding.health(
                    status: store.label(stopping: intakeClosed.load(ordering: .relaxed)), lastSeq: (try? parts.store.lastSeq()) ?? 0, uptimeSeconds: Date().timeIntervalSince(startedAt), store: store)
            }
        }
    }

    private func respond(_ router: Socket, _ envelope: [[UInt8]], _ body: () throws -> [UInt8]) {
        do {
            reply(router, envelope, try body())
        } catch let error as StoreError where error.fault.isTransient {
            reply(router, envelope, APIReplyEncoding.error(InputError(code: .unavailable, message: "the store cannot be read now: \(error); retry after a pause")))
        } catch {
            parts.logger.error("api request failed", metadata: ["error": "\(error)"])
            reply(router, envelope, APIReplyEncoding.error(InputError(code: .internal, message: "\(error)")))
        }
    }

    private func reply(_ router: Socket, _ envelope: [[UInt8]], _ body: [UInt8]) {
        do {
            try router.send(envelope + [body])
        } catch {
            // The client went away (EHOSTUNREACH) or stopped reading: its reply cannot be delivered.
            parts.logger.warning("api reply not delivered", metadata: ["error": "\(error)"])
        }
        // libzmq has copied the body: its storage can be written over by the next page.
        if body.capacity > spareReply.capacity && body.capacity <= Self.spareReplyLimit { spareReply = body }
    }

    /// A refused request that arrives while the service stops, after the committer has gone: it is
    /// written to the rejects table here (PUB is closed, so it is not published), so none goes unrecorded.
    private func recordAfterCommitterStopped(_ record: RejectRecord) {
        do {
            _ = try parts.store.commit([.reject(record)], nowMillis: WallClock.millis(), render: Committer.render)
            parts.metrics.rejected(code: record.code)
        } catch {
            parts.logger.error("reject not recorded", metadata: ["error": "\(error)", "reject.code": "\(record.code)"])
        }
    }

    /// Hands held refused requests to the committer as the commit queue makes room, in order.
    private func flushPendingRejects() {
        var sent = 0
        while sent < pendingRejects.count, parts.commits.put(pendingRejects[sent], timeout: 0) {
            if case .reject(let record) = pendingRejects[sent].item { pendingRawBytes -= record.raw?.count ?? 0 }
            sent += 1
        }
        if sent > 0 { pendingRejects.removeFirst(sent) }
    }

    private func takeSpareReply() -> [UInt8] {
        defer { spareReply = [] }
        return spareReply
    }
}
