import OTLintCore
import XCTest

final class FixerTests: XCTestCase {
    private func diagnostic(_ edits: [TextEdit], _ applicability: FixApplicability = .safe) -> Diagnostic {
        let position = LineColumn(line: 1, column: 1)
        return Diagnostic(ruleID: "OTL204", severity: .warning, message: "m",
                          location: SourceLocation(path: "a", range: ByteRange(0, 0), start: position, end: position),
                          fix: Fix(title: "t", edits: edits, applicability: applicability))
    }

    func testOverlappingFixIsDeferredAndUnsafeNeedsOptIn() {
        let first = diagnostic([TextEdit(path: "a", range: ByteRange(2, 6), replacement: "x")])
        let overlapping = diagnostic([TextEdit(path: "a", range: ByteRange(5, 8), replacement: "y")])
        let unsafe = diagnostic([TextEdit(path: "a", range: ByteRange(10, 11), replacement: "z")], .unsafe)
        let plan = Fixer.plan([first, overlapping, unsafe], includeUnsafe: false)
        XCTAssertEqual(plan.fixed.count, 1)
        XCTAssertEqual(plan.deferred.count, 1)
        XCTAssertEqual(Fixer.plan([first, unsafe], includeUnsafe: true).fixed.count, 2)
    }

    func testIdenticalEditsFromTwoFindingsApplyOnce() {
        let edit = TextEdit(path: "a", range: ByteRange(0, 1), replacement: "B")
        let plan = Fixer.plan([diagnostic([edit]), diagnostic([edit])], includeUnsafe: false)
        XCTAssertEqual(plan.editsByPath["a"]?.count, 1)
        XCTAssertEqual(plan.fixed.count, 2)
    }

    func testApplyKeepsEverythingOutsideTheEdits() {
        let bytes = Array("KEY=http://c:4318/v1/traces # keep\n".utf8)
        let result = Fixer.apply([TextEdit(path: "a", range: ByteRange(17, 27), replacement: "")], to: bytes)
        XCTAssertEqual(String(decoding: result, as: UTF8.self), "KEY=http://c:4318 # keep\n")
    }

    func testAtomicWriteKeepsPermissionsAndSymlinks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("otlint-write-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/real.env"
        try "A=1\n".write(toFile: target, atomically: true, encoding: .utf8)
        chmod(target, 0o600)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.env", withDestinationPath: "real.env")
        try AtomicWriter.write(Array("A=2\n".utf8), to: directory + "/link.env")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "A=2\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.env"), "real.env")
        var status = stat()
        stat(target, &status)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testUnifiedDiff() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let new = "a\nb\nc\nD\ne\nf\ng\nh\n"
        XCTAssertEqual(UnifiedDiff.make(path: "x.env", old: old, new: new).text, """
        --- a/x.env
        +++ b/x.env
        @@ -1,7 +1,7 @@
         a
         b
         c
        -d
        +D
         e
         f
         g

        """)
        XCTAssertEqual(UnifiedDiff.make(path: "x", old: old, new: old).text, "")
    }
}

/// `--diff` is a patch: it never prints a line that holds a secret, and what it prints still applies.
final class SecretSafeDiffTests: XCTestCase {
    let old = (1...12).map { "line \($0)\n" }.joined()

    private func changing(_ lines: [Int: String]) -> String {
        (1...12).map { lines[$0].map { "\($0)\n" } ?? "line \($0)\n" }.joined()
    }

    func testAChangeWhoseOnlyTrailingContextHoldsASecretIsWithheld() {
        let new = changing([6: "six"])
        let diff = UnifiedDiff.make(path: "x", old: old, new: new, oldSecretLines: [3, 6], newSecretLines: [3, 6])
        XCTAssertEqual(diff.text, "")
        XCTAssertEqual(diff.withheldLines, [6], "line 7 holds a secret and would be line 6's only trailing context")
    }

    func testTrailingContextShrinksToTheLineBeforeASecret() {
        let new = changing([6: "six"])
        let diff = UnifiedDiff.make(path: "x", old: old, new: new, oldSecretLines: [4, 7], newSecretLines: [4, 7])
        XCTAssertEqual(diff.text, """
        --- a/x
        +++ b/x
        @@ -6,2 +6,2 @@
        -line 6
        +six
         line 7

        """)
        XCTAssertEqual(diff.withheldLines, [])
    }

    func testWithheldHunkShiftsNoLaterLineNumbers() {
        // Line 2 is replaced by two lines (a secret); line 10 changes: its new-side start is its old one, since
        // the withheld hunk is not in the patch.
        var lines = old.components(separatedBy: "\n").dropLast().map { $0 + "\n" }
        lines[1] = "two a\ntwo b\n"
        lines[9] = "ten\n"
        let diff = UnifiedDiff.make(path: "x", old: old, new: lines.joined(), oldSecretLines: [1], newSecretLines: [1, 2])
        XCTAssertEqual(diff.withheldLines, [2])
        XCTAssertTrue(diff.text.contains("@@ -7,6 +7,6 @@\n line 7\n line 8\n line 9\n-line 10\n+ten\n line 11\n line 12\n"), diff.text)
        XCTAssertFalse(diff.text.contains("two"), diff.text)
    }
}
