import Foundation
import LedeClient
import LedeService
import LedeWire
import XCTest
import ZeroMQ

/// With CURVE keys configured, only allow-listed clients reach the service.
final class SecurityTests: XCTestCase {
    func testAKnownClientKeyIsAcceptedAndAnUnknownOneRefused() throws {
        try XCTSkipUnless(Context.has("curve"), "libzmq without CURVE")
        let server = try Curve.keyPair()
        let known = try Curve.keyPair()
        let stranger = try Curve.keyPair()
        let service = try RunningService {
            $0.security = SecurityConfiguration(serverSecretKey: server.secretKey, allowedClientKeys: [known.publicKey])
        }
        defer { service.stop() }

        let allowed = RequestClient(context: service.context, endpoint: service.endpoints.api, timeout: 5, retries: 0,
                                    curve: ClientCurve(serverKey: server.publicKey, publicKey: known.publicKey, secretKey: known.secretKey))
        let reply = try allowed.request(Requests.submit(article: Array(articleJSON(id: "secure-1", body: "Hà Nội.").utf8)))
        XCTAssertEqual(reply["ok"]?.boolValue, true)

        let refused = RequestClient(context: service.context, endpoint: service.endpoints.api, timeout: 1, retries: 0,
                                    curve: ClientCurve(serverKey: server.publicKey, publicKey: stranger.publicKey, secretKey: stranger.secretKey))
        XCTAssertThrowsError(try refused.request(Requests.simple("health")), "an unknown key gets no answer")

        let plain = RequestClient(context: service.context, endpoint: service.endpoints.api, timeout: 1, retries: 0)
        XCTAssertThrowsError(try plain.request(Requests.simple("health")), "plain TCP is refused")

        XCTAssertEqual(try service.store().lastSeq(), 1, "only the allowed client's article was stored")
    }

    func testTheReplayAPIIsReadOnly() throws {
        let service = try RunningService()
        defer { service.stop() }
        _ = try service.submit(articleJSON(id: "ro-1", body: "Hà Nội."))
        // A filter is a bound parameter: SQL in it is just a name that matches nothing.
        let reply = try service.replay(Requests.replay(fromSeq: 1, entity: "x'); DELETE FROM results; --"))
        XCTAssertEqual(reply["items"]?.arrayValue?.count, 0)
        XCTAssertEqual(try service.store().lastSeq(), 1)
    }
}
