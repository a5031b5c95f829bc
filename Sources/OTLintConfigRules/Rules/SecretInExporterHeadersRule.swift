import Foundation
import OTLintCore

/// OTL210: a credential written as a literal in `OTEL_EXPORTER_OTLP_*HEADERS` in a file git tracks. A value
/// interpolated from the shell (unknown to otlint) or from a git-ignored file is fine. The secret is never
/// printed: messages name only the header, and the diagnostic masks the bytes that hold it.
struct SecretInExporterHeadersRule: ScopeRule {
    static let id = "OTL210"
    /// Also in telemetry backends and collectors: A committed credential leaks, whoever reads it.
    var judgesTelemetryBackends: Bool { true }

    static let headerVariables: Set<String> = Set(["OTEL_EXPORTER_OTLP_HEADERS"] + VariableCatalog.signals.map { "OTEL_EXPORTER_OTLP_\($0)_HEADERS" })
    /// Header names that carry credentials (vendor keys included), matched on parts of the lower-cased name.
    static let credentialWords = ["auth", "key", "token", "secret", "password", "passwd", "dsn", "credential", "signature", "cookie",
                                  "x-honeycomb-team", "session"]
    static let placeholderWords = ["changeme", "change-me", "change_me", "your", "replace", "example", "placeholder", "todo", "dummy",
                                   "redacted", "insert", "fixme", "xxx", "<", "…", "..."]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        // Every definition, also overridden ones: a committed secret leaks whether or not it is in effect.
        scope.definitions.filter { Self.headerVariables.contains($0.name) }.flatMap(check)
    }

    private func check(_ definition: VariableDefinition) -> [Diagnostic] {
        guard let written = definition.writtenSite else { return [] }
        // Where the text of the whole value is written: the definition itself, or the one place it was interpolated from.
        let holder: ValueSite
        if let interpolation = definition.interpolation {
            guard let sole = interpolation.soleSite else { return multiPiece(definition, written: written) }
            holder = sole
        } else {
            holder = written
        }
        guard let value = definition.value, !GitTracking.isUntracked(holder.file.path) else { return [] }
        return HeaderPair.parse(value).filter { $0.isCredential && Self.looksLikeSecret($0.value) }.map { pair in
            let secretRange = holder.location(ofValueBytes: pair.valueRange)?.range ?? holder.range
            return diagnostic(definition, header: pair.key, at: holder.file.location(secretRange), masked: [secretRange],
                              file: holder.file.path)
        }
    }

    /// `authorization=Bearer ${TOKEN}`: the literal parts are in the definition, the referenced parts where each
    /// variable is defined.
    private func multiPiece(_ definition: VariableDefinition, written: ValueSite) -> [Diagnostic] {
        guard let interpolation = definition.interpolation else { return [] }
        let template = written.file.slice(written.editableRange ?? written.range)
        var diagnostics: [Diagnostic] = []
        for pair in HeaderPair.parse(template) where pair.isCredential {
            if pair.value.contains("$") {
                // The secret is whatever the references of this pair resolve to.
                for reference in interpolation.references where reference.resolution == .variable || reference.resolution == .templateText {
                    guard let site = reference.site, pair.value.contains(reference.name), !GitTracking.isUntracked(site.file.path) else { continue }
                    let text = site.file.slice(site.editableRange ?? site.range)
                    guard Self.looksLikeSecret(text) else { continue }
                    diagnostics.append(diagnostic(definition, header: pair.key, at: site.location, masked: [site.range], file: site.file.path))
                }
            } else if Self.looksLikeSecret(pair.value), !GitTracking.isUntracked(written.file.path) {
                diagnostics.append(diagnostic(definition, header: pair.key, at: written.location, masked: [written.range], file: written.file.path))
            }
        }
        return diagnostics
    }

    private func diagnostic(_ definition: VariableDefinition, header: String, at location: SourceLocation, masked: [ByteRange],
                            file: String) -> Diagnostic {
        let fileName = ConfigPaths.fileName(file)
        let variable = "OTLP_\(header.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined())"
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "`\(definition.name)` holds a literal credential in the `\(header)` header, written in `\(fileName)`: anyone who can read the repository can use it",
            location: location,
            why: Self.exposure(of: file),
            help: "move the secret to a git-ignored `.env` or a secret store and interpolate it, e.g. `\(header)=${\(variable)}`; then rotate the exposed key",
            related: definition.file.path == file ? [] : [RelatedLocation(location: definition.keyLocation, message: "`\(definition.name)` is set here")],
            maskedRanges: masked)
    }

    /// Why the file exposes the secret, from what git says about it.
    static func exposure(of path: String) -> String {
        let name = ConfigPaths.fileName(path)
        switch GitTracking.status(path) {
        case .tracked: return "`\(name)` is tracked by git: the secret is in the history and in every clone, fork and CI checkout"
        case .notIgnored: return "`\(name)` is not git-ignored: the next `git add .` commits the secret"
        case .ignored, .noRepository: return "`\(name)` is a configuration file meant to be shared (it is not a git-ignored `.env`), so the secret travels with it to every copy"
        }
    }

    /// Whether a header value is a real-looking secret rather than a placeholder or a reference.
    static func looksLikeSecret(_ raw: String) -> Bool {
        var value = (raw.removingPercentEncoding ?? raw).blankTrimmed
        if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst()) }
        if value.hasSuffix("\"") || value.hasSuffix("'") { value = String(value.dropLast()) }
        for scheme in ["bearer ", "basic ", "apikey ", "token ", "api-key ", "splunk "] where value.lowercased().hasPrefix(scheme) {
            value = String(value.dropFirst(scheme.count)).blankTrimmed
        }
        guard value.count >= 6, !value.contains("$") else { return false }
        let lower = value.lowercased()
        if placeholderWords.contains(where: { lower.contains($0) }) { return false }
        // `********`, `xxxxxx`, `000000`: masked or dummy values.
        if Set(lower).count <= 2 { return false }
        return true
    }
}

/// One `key=value` pair of an OTLP headers value, with the value's byte range.
struct HeaderPair {
    var key: String
    var value: String
    var valueRange: Range<Int>

    var isCredential: Bool {
        let name = key.percentDecoded.lowercased()
        return SecretInExporterHeadersRule.credentialWords.contains { name.contains($0) }
    }

    static func parse(_ text: String) -> [HeaderPair] {
        ListItem.split(text).compactMap { item in
            guard let equals = item.text.firstIndex(of: "=") else { return nil }
            let key = item.text[..<equals].blankTrimmed
            let rawValue = item.text[item.text.index(after: equals)...]
            let valueStart = item.range.lowerBound + item.text.utf8.distance(from: item.text.startIndex, to: rawValue.startIndex)
            let leading = rawValue.utf8.count - rawValue.drop(while: { $0 == " " }).utf8.count
            let value = rawValue.blankTrimmed
            guard !key.isEmpty else { return nil }
            return HeaderPair(key: key, value: value, valueRange: (valueStart + leading)..<(valueStart + leading + value.utf8.count))
        }
    }
}
