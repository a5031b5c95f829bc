import OTLintCore
@testable import OTLintYAML
import XCTest

final class YAMLDuplicateKeyTests: XCTestCase {
    private func duplicates(_ text: String, skip: @escaping ([String]) -> Bool = { _ in false }) throws -> [String] {
        let file = SourceFile(path: "test.yml", text: text)
        let root = try XCTUnwrap(try YAMLParser.parse(file).first?.root)
        return root.duplicateKeys(skip: skip).map { duplicate in
            "\(duplicate.mappingName) \(duplicate.key.scalar ?? "") \(file.lineColumn(at: duplicate.key.range.start).line)<-\(file.lineColumn(at: duplicate.first.range.start).line)"
        }
    }

    func testEveryDuplicateOnceWithItsPathAndFirstKey() throws {
        XCTAssertEqual(try duplicates("""
        a: 1
        list:
          - {x: 1, x: 2}
        a: 2

        """), ["list[0] x 3<-3", "the top level a 4<-1"])
    }

    func testAnAliasedMappingIsReportedOnceAndMergeKeysAreNoDuplicates() throws {
        XCTAssertEqual(try duplicates("""
        base: &base
          k: 1
          k: 2
        one:
          <<: *base
          <<: *base
        two: *base

        """), ["base k 3<-2"])
    }

    func testSkippedMappingsAreLeftOut() throws {
        XCTAssertEqual(try duplicates("env:\n  A: 1\n  A: 2\nother:\n  A: 1\n  A: 2\n", skip: { $0 == ["env"] }), ["other A 6<-5"])
    }
}
