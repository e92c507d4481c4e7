/// Checks the frames of one multipart ZeroMQ message before its JSON is decoded.
public enum FrameCheck {
    /// The JSON frame of an ingest message.
    ///
    /// - Parameters:
    ///   - frames: the message's frames, in order.
    ///   - topicFrames: frames before the JSON: 1 on the SUB socket (`[topic, json]`), 0 on PULL (`[json]`).
    /// - Returns: the JSON frame, or `missing_frame` (too few frames), `too_many_frames` (more than
    ///   `topicFrames + 1` or than `limits.maxFrames`), `empty_frame` (the JSON frame is empty),
    ///   `too_large` (the JSON frame is over `limits.maxMessageBytes`).
    public static func article(frames: [[UInt8]], topicFrames: Int, limits: IngestLimits = .init())
        -> Result<[UInt8], InputError>
    {
        let expected = topicFrames + 1
        if frames.count < expected {
            return .failure(InputError(
                code: ErrorCode.missingFrame,
                message: "expected \(expected) frame\(expected == 1 ? "" : "s") (\(topicFrames == 0 ? "json" : "topic, json")), got \(frames.count)"))
        }
        if frames.count > expected || frames.count > limits.maxFrames {
            return .failure(InputError(
                code: ErrorCode.tooManyFrames,
                message: "expected \(expected) frame\(expected == 1 ? "" : "s"), got \(frames.count)"))
        }
        let json = frames[topicFrames]
        if json.isEmpty {
            return .failure(InputError(code: ErrorCode.emptyFrame, message: "the JSON frame is empty"))
        }
        if json.count > limits.maxMessageBytes {
            return .failure(ArticleDecoder.tooLarge(json.count, limits))
        }
        return .success(json)
    }
}
