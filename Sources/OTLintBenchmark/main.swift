// Measures one phase over a set of files, so Scripts/benchmark can compare otlint with bare parses of the
// same files in the same run:
//   OTLintBenchmark lint PATH...           the whole check (discovery, parse, rules), as `otlint check`
//   OTLintBenchmark swift-parse PATH...    bare swift-syntax parse and full tree walk of every .swift file
//   OTLintBenchmark swift-parse-needed PATH...  the same, of the files the pre-filter lets through
//   OTLintBenchmark swift-read-skipped PATH...  read the files the pre-filter skips, and nothing else
//   OTLintBenchmark swift-filter-skipped PATH...  read them and run the pre-filter (what skipping costs)
//   OTLintBenchmark yaml-events PATH...    bare libyaml event loop over every YAML file (other files are read)
//   OTLintBenchmark lint-largest-swift PATH...  the whole check of the largest .swift file alone (its size is
//                                          printed as bytes=), for the peak memory one file costs
// Each prints one line: phase, files, seconds, files per second, peak resident memory in MiB. Peak memory is
// the process's, so each measurement of it runs in a process of its own.
import CLibYAML
import Foundation
import OTLintCLI
import OTLintCore
import OTLintSwiftRules
import SwiftParser
import SwiftSyntax

let arguments = Array(CommandLine.arguments.dropFirst())
guard let phase = arguments.first, arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: OTLintBenchmark PHASE PATH... (phases: see the top of main.swift)\n".utf8))
    exit(2)
}
let paths = Array(arguments.dropFirst())

/// Visits every node, as a rule pass over the whole tree would.
final class FullWalk: SyntaxVisitor {
    var tokens = 0
    override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
        tokens += 1
        return .visitChildren
    }
}

func files(matching predicate: @escaping (String) -> Bool) -> [String] {
    Discovery(exclude: [], rootDirectory: FileManager.default.currentDirectoryPath, respectGitIgnore: false)
        .discover(paths, wants: predicate).files.map(\.path)
}

/// Compose files and collector configurations: the YAML files the configuration check parses.
nonisolated func isYAML(_ path: String) -> Bool {
    let name = (path as NSString).lastPathComponent
    return name.hasSuffix(".yml") || name.hasSuffix(".yaml")
}

/// The bare libyaml event loop over one file: what parsing costs before any tree or rule. Not isolated to
/// the main actor (as top-level code is), because it runs on worker threads.
nonisolated func countYAMLEvents(_ path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { return 0 }
    var bytes = [UInt8](data)
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    var events = 0
    bytes.withUnsafeMutableBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
            if done { break }
        }
    }
    return events
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

nonisolated func contents(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}

// The work done on worker threads is not isolated to the main actor (as top-level code is).
nonisolated func parseAndWalk(_ path: String) -> Int {
    let tree = contents(path).withUnsafeBufferPointer { Parser.parse(source: $0) }
    let walk = FullWalk(viewMode: .sourceAccurate)
    walk.walk(tree)
    return walk.tokens
}

nonisolated func parseOrRead(_ path: String) -> Int {
    isYAML(path) ? countYAMLEvents(path) : contents(path).count
}

nonisolated func readOnly(_ path: String) -> Bool {
    !contents(path).isEmpty
}

nonisolated func readAndFilter(_ path: String) -> Bool {
    SwiftAnalyzer.passesPrefilter(contents(path))
}

/// The Swift files of a phase, chosen before the clock starts.
func swiftFiles(for phase: String) -> [String] {
    let all = files { $0.hasSuffix(".swift") }
    switch phase {
    case "swift-parse-needed": return all.filter { SwiftAnalyzer.passesPrefilter(contents($0)) }
    case "swift-read-skipped", "swift-filter-skipped": return all.filter { !SwiftAnalyzer.passesPrefilter(contents($0)) }
    default: return all
    }
}

let selected = phase.hasPrefix("swift-") ? swiftFiles(for: phase) : []
/// The largest Swift file of the paths, and its size, chosen before the clock starts.
let largestSwift: (path: String, bytes: Int)? = phase != "lint-largest-swift" ? nil : files { $0.hasSuffix(".swift") }
    .map { ($0, (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0) }
    .max { $0.1 < $1.1 }
let start = Date()
var count = 0
func lint(_ paths: [String]) -> Int {
    let linter = Linter(analyzers: Analyzers.all, configuration: Configuration(), rootDirectory: FileManager.default.currentDirectoryPath)
    linter.respectGitIgnore = false
    let report = linter.lint(paths: paths)
    FileHandle.standardError.write(Data(
        "findings: \(report.diagnostics.count), input errors: \(report.inputErrors.count), notices: \(report.notices.count)\n".utf8))
    return report.checkedFiles.count
}
switch phase {
case "lint":
    count = lint(paths)
case "lint-largest-swift":
    guard let largestSwift else { exit(2) }
    count = lint([largestSwift.path])
case "swift-parse", "swift-parse-needed":
    count = selected.count
    _ = ParallelMap.map(selected, parseAndWalk)
case "swift-read-skipped", "swift-filter-skipped":
    count = selected.count
    _ = ParallelMap.map(selected, phase == "swift-filter-skipped" ? readAndFilter : readOnly)
case "yaml-events":
    // Every YAML file (compose files, collector configurations) through libyaml, and every other file of the
    // tree (the env files) read.
    let allFiles = files { _ in true }
    count = allFiles.count
    _ = ParallelMap.map(allFiles, parseOrRead)
default:
    FileHandle.standardError.write(Data("unknown phase \(phase)\n".utf8))
    exit(2)
}
let seconds = Date().timeIntervalSince(start)
print(String(format: "%@ files=%d seconds=%.3f files_per_second=%.0f peak_mib=%.1f",
             phase, count, seconds, Double(count) / max(seconds, 1e-9), peakMemoryMiB())
      + (largestSwift.map { " bytes=\($0.bytes)" } ?? ""))
