import XCTest

final class ZeroMQTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
