import CZeroMQ

/// Named socket options, so callers need not import the C module.
extension Socket {
    public func setSendHighWaterMark(_ n: Int32) throws(ZMQError) { try set(ZMQ_SNDHWM, n) }
    public func setReceiveHighWaterMark(_ n: Int32) throws(ZMQError) { try set(ZMQ_RCVHWM, n) }
    public func setLinger(milliseconds: Int32) throws(ZMQError) { try set(ZMQ_LINGER, milliseconds) }
    public func setReceiveTimeout(milliseconds: Int32) throws(ZMQError) { try set(ZMQ_RCVTIMEO, milliseconds) }
    public func setSendTimeout(milliseconds: Int32) throws(ZMQError) { try set(ZMQ_SNDTIMEO, milliseconds) }
    /// Peers sending a larger message are disconnected by libzmq (a hard ceiling, not a polite refusal).
    public func setMaxMessageSize(_ bytes: Int64) throws(ZMQError) { try set(ZMQ_MAXMSGSIZE, int64: bytes) }
    /// A ROUTER reports an unroutable or full peer (EHOSTUNREACH, or blocks) instead of dropping silently.
    public func setRouterMandatory(_ on: Bool) throws(ZMQError) { try set(ZMQ_ROUTER_MANDATORY, on ? 1 : 0) }
    /// Queue messages only to completed connections.
    public func setImmediate(_ on: Bool) throws(ZMQError) { try set(ZMQ_IMMEDIATE, on ? 1 : 0) }
    public func subscribe(_ prefix: String) throws(ZMQError) { try set(ZMQ_SUBSCRIBE, string: prefix) }
    public func subscribe(_ prefix: [UInt8]) throws(ZMQError) { try set(ZMQ_SUBSCRIBE, bytes: prefix) }

    // CURVE security (libzmq must be built with it: `Context.has("curve")`).
    public func makeCurveServer(secretKey: String) throws(ZMQError) {
        try set(ZMQ_CURVE_SERVER, 1)
        try set(ZMQ_CURVE_SECRETKEY, string: secretKey)
    }

    public func makeCurveClient(serverKey: String, publicKey: String, secretKey: String) throws(ZMQError) {
        try set(ZMQ_CURVE_SERVERKEY, string: serverKey)
        try set(ZMQ_CURVE_PUBLICKEY, string: publicKey)
        try set(ZMQ_CURVE_SECRETKEY, string: secretKey)
    }

    public func setZAPDomain(_ domain: String) throws(ZMQError) { try set(ZMQ_ZAP_DOMAIN, string: domain) }

    /// Whether the last frame received has more frames after it.
    public var hasMore: Bool { get throws(ZMQError) { try int(ZMQ_RCVMORE) != 0 } }
}

/// CURVE key pairs in Z85 text (40 characters each).
public enum Curve {
    public static func keyPair() throws(ZMQError) -> (publicKey: String, secretKey: String) {
        var pub = [CChar](repeating: 0, count: 41)
        var sec = [CChar](repeating: 0, count: 41)
        _ = try zmqCall("zmq_curve_keypair") { zmq_curve_keypair(&pub, &sec) }
        return (z85(pub), z85(sec))
    }

    public static func publicKey(fromSecret secret: String) throws(ZMQError) -> String {
        var pub = [CChar](repeating: 0, count: 41)
        _ = try zmqCall("zmq_curve_public") { zmq_curve_public(&pub, secret) }
        return z85(pub)
    }
}

private func z85(_ chars: [CChar]) -> String {
    let bytes = chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}
