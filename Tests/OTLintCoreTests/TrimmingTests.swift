import Foundation
import OTLintCore
import XCTest

final class TrimmingTests: XCTestCase {
    private let samples = ["", " ", "a", "  a b  ", "\ta\t", "\u{00A0}prod\u{3000}", " x\n", "\r\n y \r\n", "\n\n", "é ", " 🚀 "]

    func testAgreesWithFoundation() {
        for sample in samples {
            XCTAssertEqual(sample.blankTrimmed, sample.trimmingCharacters(in: .whitespaces), sample.debugDescription)
            XCTAssertEqual(sample.blankAndNewlineTrimmed, sample.trimmingCharacters(in: .whitespacesAndNewlines), sample.debugDescription)
        }
    }

    func testPercentDecoding() {
        XCTAssertEqual("service.name".percentDecoded, "service.name")
        XCTAssertEqual("my%20shop".percentDecoded, "my shop")
        XCTAssertEqual("100%".percentDecoded, "100%")  // a broken escape keeps the text
    }
}
