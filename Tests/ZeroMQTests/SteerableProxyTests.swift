import Foundation
import XCTest
import ZeroMQ

/// libzmq's proxy through `Proxy.run`: it forwards until another thread's `ProxyControl.terminate()`.
final class SteerableProxyTests: XCTestCase {
    func testTheProxyForwardsPushToPullUntilTerminatedFromAnotherThread() throws {
        let context = Context()
        let control = ProxyControl(context: context)
        let endpoints = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        // Written by the proxy thread before `endpoints` is signalled, read after it.
        nonisolated(unsafe) var frontendEndpoint = "", backendEndpoint = ""
        nonisolated(unsafe) var failure: Error?
        Thread {
            do {
                let frontend = try Socket(context, .pull), backend = try Socket(context, .push)
                try frontend.bind("tcp://127.0.0.1:*")
                try backend.bind("tcp://127.0.0.1:*")
                frontendEndpoint = try frontend.lastEndpoint
                backendEndpoint = try backend.lastEndpoint
                let commands = try control.makeSocket()
                endpoints.signal()
                try Proxy.run(frontend: frontend, backend: backend, control: commands)
            } catch {
                failure = error
                endpoints.signal()
            }
            finished.signal()
        }.start()
        XCTAssertEqual(endpoints.wait(timeout: .now() + 5), .success)
        XCTAssertNil(failure)

        let producer = try Socket(context, .push), consumer = try Socket(context, .pull)
        try producer.connect(frontendEndpoint)
        try consumer.connect(backendEndpoint)
        try consumer.setReceiveTimeout(milliseconds: 5000)
        try producer.send(["through", "the proxy"].map { Array($0.utf8) })
        let message = try XCTUnwrap(try consumer.receive())
        XCTAssertEqual(message.frames.map { String(decoding: $0, as: UTF8.self) }, ["through", "the proxy"])

        try control.terminate()
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success, "the proxy returned on TERMINATE")
        XCTAssertNil(failure, "a terminated proxy returns normally")
    }
}
