#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Findings recorded when a project adopts otlint, so that only new findings are reported afterwards.
///
/// Each entry is a fingerprint of the rule, the file and the flagged text (see `Fingerprint`), not of the line
/// number, so entries survive edits that shift lines. Matching counts: two identical findings in one file need
/// two entries.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var path: String
        public var fingerprint: String
        public var message: String
    }

    public static let formatVersion = 1
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Messages and fingerprints are taken with secrets masked: a baseline is committed, so it holds none.
    public init(diagnostics: [Diagnostic], loader: FileLoader, rootDirectory: String, secrets: SecretSpans) {
        let redactor = secrets.makeRedactor()
        entries = diagnostics.map(redactor.redact).map { diagnostic in
            Entry(
                rule: diagnostic.ruleID,
                path: RelativePath.of(diagnostic.location.path, to: rootDirectory),
                fingerprint: Fingerprint.of(diagnostic, loader: loader, rootDirectory: rootDirectory, secrets: secrets),
                message: diagnostic.message
            )
        }.sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
    }

    /// The findings the baseline does not account for, and how many it absorbed.
    public func filter(_ diagnostics: [Diagnostic], loader: FileLoader, rootDirectory: String, secrets: SecretSpans) -> (new: [Diagnostic], absorbed: Int) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.fingerprint, default: 0] += 1 }
        var fresh: [Diagnostic] = []
        var absorbed = 0
        for diagnostic in diagnostics {
            let fingerprint = Fingerprint.of(diagnostic, loader: loader, rootDirectory: rootDirectory, secrets: secrets)
            if let count = remaining[fingerprint], count > 0 {
                remaining[fingerprint] = count - 1
                absorbed += 1
            } else {
                fresh.append(diagnostic)
            }
        }
        return (fresh, absorbed)
    }

    public func rendered() -> String {
        JSONValue.object([
            ("version", .int(Baseline.formatVersion)),
            ("tool", .string("otlint")),
            ("findings", .array(entries.map { entry in
                .object([
                    ("rule", .string(entry.rule)),
                    ("path", .string(entry.path)),
                    ("fingerprint", .string(entry.fingerprint)),
                    ("message", .string(entry.message)),
                ])
            })),
        ]).rendered() + "\n"
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var cause: String
        public var description: String { "\(path): error: cannot use baseline: \(cause)" }
    }

    public static func load(_ path: String) throws(LoadError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(path: path, cause: "cannot read the file") }
        guard let object = (try? JSONDecoder().decode(ReadJSON.self, from: data))?.object,
              let findings = object["findings"]?.objects else {
            throw LoadError(path: path, cause: "not an otlint baseline (expected a JSON object with `findings`)")
        }
        guard object["version"]?.number == Double(formatVersion) else {
            let version = object["version"]?.description ?? "?"
            throw LoadError(path: path, cause: "baseline format version \(version) is not \(formatVersion); write it again with --write-baseline")
        }
        var entries: [Entry] = []
        for finding in findings {
            guard let rule = finding["rule"]?.string, let fingerprint = finding["fingerprint"]?.string else {
                throw LoadError(path: path, cause: "a finding has no `rule` or `fingerprint`")
            }
            entries.append(Entry(rule: rule, path: finding["path"]?.string ?? "", fingerprint: fingerprint, message: finding["message"]?.string ?? ""))
        }
        return Baseline(entries: entries)
    }
}

/// A JSON document as read, of any shape: a baseline is told from other JSON, and fields it does not know are
/// skipped, without failing the whole decoding as a `Decodable` struct of the baseline's shape would.
private indirect enum ReadJSON: Decodable, CustomStringConvertible {
    case object([String: ReadJSON])
    case array([ReadJSON])
    case string(String)
    case number(Double)
    /// `true`, `false` or `null`.
    case other(String)

    init(from decoder: any Decoder) throws {
        // The shapes a baseline is made of first: each failed attempt costs a thrown error.
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .other("null") }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let members = try? container.decode([String: ReadJSON].self) { self = .object(members) }
        else if let items = try? container.decode([ReadJSON].self) { self = .array(items) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .other(String(try container.decode(Bool.self))) }
    }

    var object: [String: ReadJSON]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The members of the items of an array whose items are all objects.
    var objects: [[String: ReadJSON]]? {
        guard case .array(let items) = self else { return nil }
        let members = items.compactMap(\.object)
        return members.count == items.count ? members : nil
    }

    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    var number: Double? {
        if case .number(let number) = self { number } else { nil }
    }

    /// How the error about a wrong version names it: `2`, `1.5`, `beta`.
    var description: String {
        switch self {
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): text
        case .other(let word): word
        case .array: "(an array)"
        case .object: "(an object)"
        }
    }
}
