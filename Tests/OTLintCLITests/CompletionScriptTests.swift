import Foundation
import XCTest

/// Shell completions come from the command definitions: every subcommand and option is offered, and the bash script
/// is valid bash.
final class CompletionScriptTests: XCTestCase {
    func testEveryShellGetsTheSubcommandsAndOptions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try OTLintBinary.run(["--generate-completion-script", shell], in: NSTemporaryDirectory())
            XCTAssertEqual(run.status, 0, shell)
            // fish names an option without its dashes (`-l 'format'`).
            for word in ["check", "rules", "explain", "config", "format", "unsafe-fixes", "schema"] {
                XCTAssertTrue(run.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }

    func testTheBashScriptParses() throws {
        let script = try OTLintBinary.run(["--generate-completion-script", "bash"], in: NSTemporaryDirectory()).stdout
        let path = NSTemporaryDirectory() + "otlint-completion-\(UUID().uuidString).bash"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", path]
        let errors = Pipe()
        bash.standardError = errors
        try bash.run()
        bash.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(bash.terminationStatus, 0, message)
    }
}
