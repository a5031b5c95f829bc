import OTLintCore
import XCTest

final class GlobPatternTests: XCTestCase {
    func testPatternWithoutSlashMatchesNameAtAnyDepth() {
        let pattern = GlobPattern("*.prod.yml")
        XCTAssertTrue(pattern.matches("docker-compose.prod.yml"))
        XCTAssertTrue(pattern.matches("deploy/eu/docker-compose.prod.yml"))
        XCTAssertFalse(pattern.matches("docker-compose.yml"))
    }

    func testAnchoredPatternAndDoubleStar() {
        XCTAssertTrue(GlobPattern("deploy/prod/**").matches("deploy/prod/a/b.env"))
        XCTAssertFalse(GlobPattern("deploy/prod/**").matches("other/deploy/prod/a.env"))
        XCTAssertTrue(GlobPattern("**/prod/*.env").matches("x/y/prod/a.env"))
        XCTAssertTrue(GlobPattern("deploy/").matches("deploy/x.yml"))
    }

    func testFolderNameMatchesEverythingBelow() {
        XCTAssertTrue(GlobPattern("examples").matches("examples/bad/.env"))
        XCTAssertFalse(GlobPattern("examples").matches("my-examples/.env"))
    }

    func testCharacterClassesAndQuestionMark() {
        XCTAssertTrue(GlobPattern(".env.[ps]*").matches(".env.production"))
        XCTAssertFalse(GlobPattern(".env.[!ps]*").matches(".env.production"))
        XCTAssertTrue(GlobPattern("a?c").matches("abc"))
        XCTAssertFalse(GlobPattern("a?c").matches("a/c"))
    }
}
