import Foundation

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
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            throw LoadError(path: path, cause: "not an otlint baseline (expected a JSON object with `findings`)")
        }
        guard (object["version"] as? Int) == formatVersion else {
            throw LoadError(path: path, cause: "baseline format version \(object["version"] ?? "?") is not \(formatVersion); write it again with --write-baseline")
        }
        var entries: [Entry] = []
        for finding in findings {
            guard let rule = finding["rule"] as? String, let fingerprint = finding["fingerprint"] as? String else {
                throw LoadError(path: path, cause: "a finding has no `rule` or `fingerprint`")
            }
            entries.append(Entry(rule: rule, path: finding["path"] as? String ?? "", fingerprint: fingerprint, message: finding["message"] as? String ?? ""))
        }
        return Baseline(entries: entries)
    }
}
