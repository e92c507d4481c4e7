import LedeExtraction
import LedeModel
import LedeStore
import LedeWire
import ZeroMQ

/// Turns a raw ingest message into an article or a reject record, enforcing the configured limits.
struct InputChecks: Sendable {
    var limits: IngestLimits

    /// SUB messages are `[topic, json]`; PULL messages are `[json]`.
    func article(from message: Socket.Message, source: IngestSource) -> Result<Article, InputError> {
        // The whole message counts against the size limit, and frames the socket drained past
        // `maxFrames` still count as frames: `FrameCheck` sees only the frames that were kept.
        if message.byteCount > limits.maxMessageBytes {
            return .failure(InputError(
                code: .tooLarge,
                message: "message of \(message.byteCount) bytes is over the limit of \(limits.maxMessageBytes)"))
        }
        if message.frameCount > message.frames.count {
            return .failure(InputError(code: .tooManyFrames, message: "\(message.frameCount) frames; \(source.rawValue) expects \(source == .sub ? 2 : 1)"))
        }
        return FrameCheck.article(frames: message.frames, topicFrames: source == .sub ? 1 : 0, limits: limits)
            .flatMap { ArticleDecoder.decode($0, limits: limits) }
    }

    /// The reject row for a refused message: its bytes when under the size limit, else only their hash.
    func reject(_ error: InputError, frames: [[UInt8]], byteCount: Int, source: IngestSource, at millis: Int64, articleID: String? = nil) -> RejectRecord {
        let joined = frames.count == 1 ? frames[0] : frames.flatMap { $0 }
        return RejectRecord(
            receivedAtMillis: millis, source: source.rawValue, code: error.code.rawValue, message: error.message,
            size: byteCount, sha256: Digest.sha256Hex(joined),
            raw: byteCount > limits.maxMessageBytes ? nil : joined, articleID: articleID)
    }
}
