import XCTest
import ZeroMQ

final class SocketTests: XCTestCase {
    let context = Context()

    func testPushPullOverLoopbackWithThePortReadBack() throws {
        let pull = try Socket(context, .pull)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint
        XCTAssertTrue(endpoint.hasPrefix("tcp://127.0.0.1:"))
        XCTAssertNotEqual(endpoint, "tcp://127.0.0.1:*", "the real port is read back")

        let push = try Socket(context, .push)
        try push.connect(endpoint)
        try push.send(["first", "second"].map { Array($0.utf8) })
        try pull.setReceiveTimeout(milliseconds: 2000)
        let message = try XCTUnwrap(try pull.receive())
        XCTAssertEqual(message.frames.map { String(decoding: $0, as: UTF8.self) }, ["first", "second"])
        XCTAssertEqual(message.frameCount, 2)
        XCTAssertEqual(message.byteCount, 11)
    }

    func testAnEmptyNonBlockingReceiveIsAValueNotAnError() throws {
        let pull = try Socket(context, .pull)
        try pull.bind("tcp://127.0.0.1:*")
        XCTAssertNil(try pull.receive(dontWait: true))
    }

    func testFramesBeyondTheLimitAreDrainedAndCounted() throws {
        let pull = try Socket(context, .pull)
        try pull.bind("inproc://frames")
        pull.maxFrames = 2
        let push = try Socket(context, .push)
        try push.connect("inproc://frames")
        try push.send((0..<5).map { [UInt8($0)] })
        try push.send("next")
        let long = try XCTUnwrap(try pull.receive())
        XCTAssertEqual(long.frames.count, 2)
        XCTAssertEqual(long.frameCount, 5)
        let next = try XCTUnwrap(try pull.receive())
        XCTAssertEqual(next.frames, [Array("next".utf8)], "the next message starts cleanly after the drained one")
    }

    func testRouterAnswersAReqClientThroughItsEnvelope() throws {
        let router = try Socket(context, .router)
        try router.setRouterMandatory(true)
        try router.bind("tcp://127.0.0.1:*")
        let req = try Socket(context, .req)
        try req.connect(try router.lastEndpoint)
        try req.send("ping")
        try router.setReceiveTimeout(milliseconds: 2000)
        let request = try XCTUnwrap(try router.receive())
        XCTAssertEqual(request.frames.count, 3, "identity, empty delimiter, body")
        XCTAssertEqual(request.frames[1], [])
        try router.send([request.frames[0], [], Array("pong".utf8)])
        try req.setReceiveTimeout(milliseconds: 2000)
        let reply = try XCTUnwrap(try req.receive())
        XCTAssertEqual(reply.frames, [Array("pong".utf8)])
    }

    func testPollerReportsOnlyTheReadableSocket() throws {
        let a = try Socket(context, .pull), b = try Socket(context, .pull)
        try a.bind("inproc://poll-a")
        try b.bind("inproc://poll-b")
        let push = try Socket(context, .push)
        try push.connect("inproc://poll-b")
        try push.send("x")
        var poller = Poller()
        poller.add(a)
        poller.add(b)
        XCTAssertEqual(try poller.poll(timeout: 1000), [false, true])
    }

    func testErrorsNameTheOperationAndTheErrno() throws {
        let socket = try Socket(context, .pull)
        XCTAssertThrowsError(try socket.bind("nonsense://x")) { error in
            let e = error as? ZMQError
            XCTAssertEqual(e?.operation, "zmq_bind nonsense://x")
            XCTAssertNotEqual(e?.code, 0)
        }
    }

    func testCurveKeyPairsAreZ85AndConsistent() throws {
        try XCTSkipUnless(Context.has("curve"), "libzmq without CURVE")
        let pair = try Curve.keyPair()
        XCTAssertEqual(pair.publicKey.count, 40)
        XCTAssertEqual(pair.secretKey.count, 40)
        XCTAssertEqual(try Curve.publicKey(fromSecret: pair.secretKey), pair.publicKey)
    }
}
