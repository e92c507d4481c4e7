import XCTest

final class LedeStoreTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
