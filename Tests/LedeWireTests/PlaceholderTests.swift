import XCTest

final class LedeWireTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
