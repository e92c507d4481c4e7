import XCTest
import LedeModel
@testable import LedeWire

final class DigestTests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(Digest.sha256Hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Digest.sha256Hex("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            Digest.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            Digest.sha256Hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testBlockBoundariesAgreeWithIncrementalHashing() {
        // Pieces fed one by one, across block and padding edges, hash as the joined bytes do.
        for n in [55, 56, 63, 64, 65, 127, 128, 129] {
            let data = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var h = SHA256Hasher()
            for chunk in stride(from: 0, to: n, by: 7) { h.update(data[chunk..<min(n, chunk + 7)]) }
            XCTAssertEqual(h.finalizeHex(), Digest.sha256Hex(data), "n=\(n)")
            XCTAssertEqual(Digest.sha256Hex(AnySequence(data)), Digest.sha256Hex(data), "non-contiguous input, n=\(n)")
        }
        XCTAssertEqual(
            Digest.sha256Hex("The quick brown fox jumps over the lazy dog".utf8),
            "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
    }
}

final class TimestampTests: XCTestCase {
    func testISO8601FormatsUTCWithMilliseconds() {
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: 0), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: 1_795_608_000_123), "2026-11-25T12:00:00.123Z")
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: 951_782_400_000), "2000-02-29T00:00:00.000Z")
        XCTAssertEqual(Timestamps.iso8601(millisSince1970: -1), "1969-12-31T23:59:59.999Z")
    }

    func testParsingAndFormattingAgree() {
        for ms: Int64 in [0, 1, 86_399_999, 951_782_400_000, 1_512_635_400_250, 4_102_444_800_000] {
            XCTAssertEqual(Timestamps.millisSince1970(iso: Timestamps.iso8601(millisSince1970: ms)), ms)
        }
    }

    func testNowIsPlausible() {
        XCTAssertGreaterThan(Timestamps.nowMillis(), 1_700_000_000_000)
    }
}

final class ISODateTimeTests: XCTestCase {
    func testAcceptedForms() throws {
        let d = PublicationDate(year: 2017, month: 12, day: 7)
        for text in [
            "2017-12-07", "20171207", "2017-12-07T08:30:00+07:00", "2017-12-07T08:30:00Z", "20171207T083000Z",
            "2017-12-07T08:30", "2017-12-07 08:30:00", "2017-12-07T08:30:00.5-05:00", "20171207T0830+0700",
            "2017-12-07T23:59:60Z", "2017-12-07T08:30:00,123+07",
        ] {
            XCTAssertEqual(ISODateTime.parse(text)?.date, d, text)
        }
    }

    func testInstantsHonourTheOffset() {
        XCTAssertEqual(ISODateTime.parse("2017-12-07T08:30:00+07:00")?.millisSince1970, 1_512_610_200_000)
        XCTAssertEqual(ISODateTime.parse("2017-12-07T01:30:00Z")?.millisSince1970, 1_512_610_200_000)
        XCTAssertEqual(ISODateTime.parse("2017-12-07")?.millisSince1970, 1_512_604_800_000)
        XCTAssertEqual(ISODateTime.parse("2017-12-07T01:30:00.250Z")?.millisSince1970, 1_512_610_200_250)
    }

    func testRefusedForms() {
        for text in [
            "2017-02-30", "2017-02-29", "1900-02-29", "2017-13-01", "2017-00-10", "2017-12-00", "2017-12-32",
            "2017-12-7", "17-12-07", "2017/12/07", "2017-1207", "2017-12-07T", "2017-12-07T25:00",
            "2017-12-07T08:60", "2017-12-07T24:01", "2017-12-07T083000Z", "20171207T08:30:00Z",
            "2017-12-07T08:30:00+0700", "2017-12-07T08:30:00+24:00", "2017-12-07T08:30:00.Z", "2017-12-07Z",
            "2017-12-07T08:30:00Zjunk", "", "today", " 2017-12-07",
        ] {
            XCTAssertNil(ISODateTime.parse(text), text)
        }
        XCTAssertNotNil(ISODateTime.parse("2016-02-29"), "leap day")
        XCTAssertNotNil(ISODateTime.parse("2000-02-29"), "leap century")
    }
}

final class LanguageCodeTests: XCTestCase {
    func testShapes() {
        XCTAssertEqual(LanguageCode.normalized("vi"), "vi")
        XCTAssertEqual(LanguageCode.normalized("EN"), "en")
        XCTAssertEqual(LanguageCode.normalized("fil"), "fil")
        XCTAssertEqual(LanguageCode.normalized("pt-BR"), "pt-BR")
        XCTAssertEqual(LanguageCode.normalized("zh-Hant-TW"), "zh-Hant-TW")
        for bad in ["", "e", "engl", "en_US", "en-", "en--US", "vi-", "1a", "ti\u{1EBF}", "en-abcdefghi", "english"] {
            XCTAssertNil(LanguageCode.normalized(bad), bad)
        }
    }
}
