import OTLintCore
import XCTest

final class InputValidationTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("otlint-input-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testBinaryFileIsAnInputError() throws {
        let path = directory + "/docker-compose.yml"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])))
        guard case .failure(let error) = FileLoader().load(path) else { return XCTFail("binary accepted") }
        XCTAssertTrue(error.message.contains("binary"), error.message)
        XCTAssertEqual(error.position, LineColumn(line: 1, column: 5))
    }

    func testInvalidUTF8IsAnInputErrorWithPosition() throws {
        let path = directory + "/.env"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("A=1\nB=caf".utf8 + [0xE9] + Data("\n".utf8))))
        guard case .failure(let error) = FileLoader().load(path) else { return XCTFail("invalid UTF-8 accepted") }
        XCTAssertTrue(error.oneLine.hasPrefix("\(path):2:6: error: invalid UTF-8"), error.oneLine)
    }

    func testMissingDirectoryAndPipeAreInputErrors() throws {
        XCTAssertThrowsError(try FileLoader().load(directory + "/nope.env").get())
        XCTAssertThrowsError(try FileLoader().load(directory).get())
        let fifo = directory + "/pipe.env"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertThrowsError(try FileLoader().load(fifo).get()) { error in
            XCTAssertTrue((error as! InputError).message.contains("not a regular file"))
        }
    }

    func testHugeFileIsRejectedWithoutReading() throws {
        let path = directory + "/big.env"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(FileLoader.maximumFileSize + 1))
        try handle.close()
        guard case .failure(let error) = FileLoader().load(path) else { return XCTFail("huge file accepted") }
        XCTAssertTrue(error.message.contains("too large"))
    }

    func testDiscoverySkipsToolFoldersAndReportsSymlinkLoops() throws {
        let fm = FileManager.default
        for folder in ["/app", "/.git", "/node_modules/x", "/.build-release", "/app/nested"] {
            try fm.createDirectory(atPath: directory + folder, withIntermediateDirectories: true)
        }
        for file in ["/app/.env", "/.git/.env", "/node_modules/x/.env", "/.build-release/.env", "/app/nested/.env", "/app/readme.md"] {
            XCTAssertTrue(fm.createFile(atPath: directory + file, contents: Data()))
        }
        try fm.createSymbolicLink(atPath: directory + "/app/nested/loop", withDestinationPath: "..")
        let result = Discovery(exclude: [], rootDirectory: directory, respectGitIgnore: false)
            .discover([directory]) { $0.hasSuffix(".env") }
        XCTAssertEqual(result.files.map(\.path), [directory + "/app/.env", directory + "/app/nested/.env"])
        // A loop found while walking is no error of the run: it is skipped with a notice.
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.notices.map(\.path), [directory + "/app/nested/loop"])
        XCTAssertTrue(result.notices.first?.message.contains("symlink loop") == true, "\(result.notices)")
    }

    func testExplicitFilesAreAlwaysChecked() throws {
        let path = directory + "/.git/config.env"
        try FileManager.default.createDirectory(atPath: directory + "/.git", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        let result = Discovery(exclude: [GlobPattern("**")], rootDirectory: directory).discover([path]) { _ in false }
        XCTAssertEqual(result.files.map(\.path), [path])
        XCTAssertEqual(result.files.first?.explicit, true)
    }

    func testGitIgnoredPathsAreSkipped() throws {
        let run = { (arguments: [String]) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", self.directory] + arguments
            try process.run()
            process.waitUntilExit()
        }
        try run(["init", "-q"])
        try ".env.local\ngenerated/\n".write(toFile: directory + "/.gitignore", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/generated", withIntermediateDirectories: true)
        for file in ["/.env", "/.env.local", "/generated/.env"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: directory + file, contents: Data()))
        }
        let result = Discovery(exclude: [], rootDirectory: directory).discover([directory]) { $0.contains(".env") }
        XCTAssertEqual(result.files.map(\.path), [directory + "/.env"])
    }
}
