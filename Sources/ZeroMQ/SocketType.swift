import CZeroMQ

public enum SocketType: Sendable {
    case pub, sub, push, pull, req, rep, dealer, router

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
        }
    }
}
