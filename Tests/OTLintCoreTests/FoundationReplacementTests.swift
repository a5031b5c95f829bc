import Foundation
import OTLintCore
import XCTest

/// The small helpers that replace Foundation-only API in the shipped binary give Foundation's answers on the
/// inputs otlint meets (this test target still links Foundation, so it compares against it directly).
final class FoundationReplacementTests: XCTestCase {
    func testPathComponentsAgreeWithNSString() {
        for path in ["/srv/app/compose.yml", "/srv/app/", "/srv", "/", "compose.yml", "deploy/prod/.env", "a//b///c", "./x", "../up/file"] {
            XCTAssertEqual(PathComponents.last(of: path), (path as NSString).lastPathComponent, path)
            XCTAssertEqual(PathComponents.appending("Package.swift", to: path), (path as NSString).appendingPathComponent("Package.swift"), path)
        }
        // `deletingLastPathComponent` of a bare name crashes Foundation on Linux, so those are stated here.
        for path in ["/srv/app/compose.yml", "/srv/app/", "/srv", "deploy/prod/.env", "a//b///c", "../up/file"] {
            XCTAssertEqual(PathComponents.deletingLast(of: path), (path as NSString).deletingLastPathComponent, path)
        }
        XCTAssertEqual(PathComponents.deletingLast(of: "compose.yml"), "")
        XCTAssertEqual(PathComponents.deletingLast(of: "/"), "/")
        XCTAssertEqual(PathComponents.appending("x", to: ""), "x")
    }

    func testReplacingEveryFindsLineBreaksInsideWindowsLineEnds() {
        let text = "a\r\nb%c\nd"
        for (target, replacement) in [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), ("b", "")] {
            XCTAssertEqual(text.replacingEvery(target, with: replacement),
                           text.replacingOccurrences(of: target, with: replacement), target.debugDescription)
        }
        XCTAssertEqual(text.replacingEvery("\n", with: "%0A"), "a\r%0Ab%c%0Ad")
    }

    func testPaddingCutsOrFillsToTheColumn() {
        for (text, length) in [("OTL101", 8), ("full-sampling-in-production", 10), ("", 3), ("abc", 3)] {
            XCTAssertEqual(text.padded(toLength: length), text.padding(toLength: length, withPad: " ", startingAt: 0))
        }
    }

    func testLockExcludesConcurrentWriters() {
        let lock = Lock()
        final class Counter: @unchecked Sendable { var value = 0 }
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 {
                lock.lock()
                counter.value += 1
                lock.unlock()
            }
        }
        XCTAssertEqual(counter.value, 80_000)
    }
}
