import XCTest
@testable import LedeExtraction
import LedeModel

final class PipelineTests: XCTestCase {
    func testShippedResourcesAreReadable() {
        XCTAssertNotNil(ResourceFiles.text("README.md"), "the Resources folder is bundled with the library")
    }

    func testOffsetsIndexTheFieldAsReceived() {
        let article = Article(id: "a", body: "Ông Putin đến Sochi.", lang: "vi")
        let result = Shipped.extractor.extract(article)
        let scalars = Array(article.body.unicodeScalars)
        for m in result.mentions where m.span.field == .body {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[m.span.start..<m.span.end])
            XCTAssertEqual(String(v), m.span.text)
        }
    }
}
