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
        XCTAssertEqual(UnifiedDiff.make(path: "x.env", old: old, new: new), """
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
        XCTAssertEqual(UnifiedDiff.make(path: "x", old: old, new: old), "")
    }
}
