import XCTest

final class LedeServiceTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
