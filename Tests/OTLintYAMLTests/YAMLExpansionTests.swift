import OTLintCore
@testable import OTLintYAML
import XCTest

/// Aliases and merge keys are resolved by reference, and a document whose aliases would expand past the budget
/// is refused with the position of the alias that crossed it.
final class YAMLExpansionTests: XCTestCase {
    /// `a0: &m0 {k: v}`, then each level merges the previous one twice: about 1 KB standing for 2^24 mappings.
    static func mergeKeyBomb(depth: Int) -> String {
        var text = "a0: &m0 {k: v}\n"
        for level in 1...depth { text += "a\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)]}\n" }
        return text + "services:\n  api:\n    <<: *m\(depth)\n    image: x\n"
    }

    func testMergeKeyBombIsRefusedAtTheAliasThatCrossesTheBudget() throws {
        let file = SourceFile(path: "bomb.yml", text: Self.mergeKeyBomb(depth: 24))
        XCTAssertLessThan(file.bytes.count, 1024)
        XCTAssertThrowsError(try YAMLParser.parse(file)) { error in
            guard let error = error as? YAMLError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.message.contains("alias or merge-key bomb"), error.message)
            // The alias named in the message is the one at the reported position.
            let anchor = try? XCTUnwrap(error.message.split(separator: "`").dropFirst().first)
            let lineText = file.lineText(error.position.line)
            let column = lineText.index(lineText.startIndex, offsetBy: error.position.column - 1)
            XCTAssertTrue(lineText[column...].hasPrefix(String(anchor ?? "")), "\(error.position) \(lineText)")
        }
    }

    func testSequenceAliasBombIsRefused() {
        var text = "a0: &m0 [v]\n"
        for level in 1...30 { text += "a\(level): &m\(level) [*m\(level - 1), *m\(level - 1)]\n" }
        XCTAssertThrowsError(try YAMLParser.parse(SourceFile(path: "bomb.yml", text: text)))
    }

    func testSharedBlocksOfARealComposeFileStayWithinTheBudget() throws {
        // One anchored block of 40 variables merged into 200 services: 16,000 merged nodes from 30 KB.
        var text = "x-env: &env\n" + (0..<40).map { "  VAR_\($0): value\($0)\n" }.joined() + "services:\n"
        for index in 0..<200 { text += "  svc\(index):\n    environment:\n      <<: *env\n      OWN: \(index)\n" }
        let documents = try YAMLParser.parse(SourceFile(path: "compose.yml", text: text))
        let environment = try XCTUnwrap(documents.first?.root?["services"]?["svc199"]?["environment"]?.mergedPairs)
        XCTAssertEqual(environment.count, 41)
        XCTAssertEqual(environment.first?.key.scalar, "OWN")
        XCTAssertEqual(environment.filter(\.isMerged).count, 40)
    }

    func testASourceMergedTwiceOrThroughTwoPathsKeepsEarlierSourcesWinning() throws {
        let yaml = """
        x-base: &base {A: base, B: base}
        x-left: &left {<<: *base, B: left}
        x-right: &right {<<: *base, A: right, C: right}
        svc:
          <<: [*left, *right, *base]
          C: own
        """
        let root = try XCTUnwrap(YAMLParser.parse(SourceFile(path: "t.yml", text: yaml)).first?.root)
        let svc = try XCTUnwrap(root["svc"])
        XCTAssertEqual(svc["A"]?.scalar, "base")
        XCTAssertEqual(svc["B"]?.scalar, "left")
        XCTAssertEqual(svc["C"]?.scalar, "own")
        XCTAssertEqual(svc.mergedPairs?.map { $0.key.scalar ?? "" }, ["C", "B", "A"])
    }
}
