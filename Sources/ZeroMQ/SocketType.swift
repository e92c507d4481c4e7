import CZeroMQ

public enum SocketType: Sendable {
    case pub, sub, push, pull, req, rep, dealer, router
    /// The raw publish/subscribe pair a proxy joins: XSUB passes subscriptions upstream as messages,
    /// XPUB hands them to its owner, so a proxy forwards them both ways.
    case xpub, xsub

    var raw: Int32 {
        switch self {
        case .pub: return ZMQ_PUB
        case .sub: return ZMQ_SUB
        case .push: return ZMQ_PUSH
        case .pull: return ZMQ_PULL
        case .req: return ZMQ_REQ
        case .rep: return ZMQ_REP
        case .dealer: return ZMQ_DEALER
        case .router: return ZMQ_ROUTER
        case .xpub: return ZMQ_XPUB
        case .xsub: return ZMQ_XSUB
        }
    }
}
