import Foundation
import OTLintCore
import XCTest

final class StandardPathTests: XCTestCase {
    func testSpellingsOfOnePathAgree() {
        XCTAssertEqual(StandardPath.of("/a/b/c.yml"), "/a/b/c.yml")
        XCTAssertEqual(StandardPath.of("/a/./b//c.yml"), "/a/b/c.yml")
        XCTAssertEqual(StandardPath.of("/a/x/../b/c.yml"), "/a/b/c.yml")
        XCTAssertEqual(StandardPath.of("/a/b/"), "/a/b")
        XCTAssertEqual(StandardPath.of("/../a"), "/a")
        XCTAssertEqual(StandardPath.of("/"), "/")
        XCTAssertEqual(StandardPath.of("/a/.env"), "/a/.env")
        XCTAssertEqual(StandardPath.of("/a/b.c/compose.prod.yml"), "/a/b.c/compose.prod.yml")
    }

    func testRelativePathsStartAtTheCurrentDirectory() {
        let current = StandardPath.of(FileManager.default.currentDirectoryPath)
        XCTAssertEqual(StandardPath.of("compose.yml"), current + "/compose.yml")
        XCTAssertEqual(StandardPath.of("./deploy/../compose.yml"), current + "/compose.yml")
    }

    func testMatchesFoundationsStandardisation() {
        for path in ["/srv/app/./deploy/../compose.yml", "/srv//app/.env", "/srv/app/", "/srv/a.b/../c"] {
            XCTAssertEqual(StandardPath.of(path), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
    }
}
