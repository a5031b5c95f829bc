#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Reads what a scope tells instrumentations to record: the Java agent's
/// `OTEL_INSTRUMENTATION_HTTP_{CLIENT,SERVER}_CAPTURE_{REQUEST,RESPONSE}_HEADERS` (header names), Python's
/// `OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_{SERVER,CLIENT}_{REQUEST,RESPONSE}` (regular expressions, with values
/// redacted for headers matching `..._SANITIZE_FIELDS`), and GenAI message content capture.
enum RecordedDataEnvironment {
    static let javaVariables = ["CLIENT", "SERVER"].flatMap { side in
        ["REQUEST", "RESPONSE"].map { "OTEL_INSTRUMENTATION_HTTP_\(side)_CAPTURE_\($0)_HEADERS" }
    }
    static let pythonVariables = ["SERVER", "CLIENT"].flatMap { side in
        ["REQUEST", "RESPONSE"].map { "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_\(side)_\($0)" }
    }
    static let pythonSanitize = "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SANITIZE_FIELDS"

    static func settings(of scope: EnvironmentScope) -> RecordedDataSettings {
        var recorded = RecordedDataSettings()
        if let definition = scope.setting(GenAIContentCapture.variable), let value = definition.value?.blankTrimmed,
           GenAIContentCapture.enablingValues.contains(value.lowercased()) {
            recorded.genAIContentCapture = Setting(definition)
        }
        for name in javaVariables {
            guard let definition = scope.setting(name), let value = definition.value else { continue }
            for item in ListItem.split(value) {
                guard let header = SensitiveNames.secretHeader(item.text) else { continue }
                recorded.headerCaptures.append(RecordedDataSettings.HeaderCapture(
                    setting: Setting(part: item.range, of: definition, value: item.text), secretHeaders: [header],
                    help: "remove `\(item.text)` from `\(name)`; capture only the headers you need, e.g. `content-type`"))
            }
        }
        // Python redacts the values of headers matching the sanitize patterns; an unknown list may cover anything.
        let sanitizeDefinition = scope.setting(pythonSanitize)
        if sanitizeDefinition != nil && sanitizeDefinition?.value == nil { return recorded }
        let sanitize = sanitizeDefinition?.value.map { ListItem.split($0).compactMap { regex($0.text) } } ?? []
        for name in pythonVariables {
            guard let definition = scope.setting(name), let value = definition.value else { continue }
            for item in ListItem.split(value) where !item.text.isEmpty {
                guard let pattern = regex(item.text) else { continue }
                let captured = SensitiveNames.secretHeaders.filter { header in
                    matchesWhole(pattern, header) && !sanitize.contains { matchesPart($0, header) }
                }
                guard !captured.isEmpty else { continue }
                var help = "remove `\(item.text)` from `\(name)`; capture only the headers you need, e.g. `content-type`"
                if sanitizeDefinition == nil { help += ", or redact the values with `\(pythonSanitize)=authorization,cookie,set-cookie`" }
                recorded.headerCaptures.append(RecordedDataSettings.HeaderCapture(
                    setting: Setting(part: item.range, of: definition, value: item.text), secretHeaders: captured, help: help))
            }
        }
        return recorded
    }

    /// The pattern, matched case-insensitively. Swift's `Regex` rather than `NSRegularExpression`, which is not in
    /// FoundationEssentials; both read the usual syntax of these patterns (`x-.*`, `authorization|cookie`).
    private static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        try? Regex(pattern).ignoresCase()
    }

    /// Whether the pattern matches the whole header name (how capture patterns such as `X-.*` are meant): its first
    /// match at the start ends at the end, as an anchored `NSRegularExpression` match was judged (`a|ab` does not
    /// match all of `ab`).
    private static func matchesWhole(_ regex: Regex<AnyRegexOutput>, _ header: String) -> Bool {
        guard let match = try? regex.prefixMatch(in: header) else { return false }
        return match.range.upperBound == header.endIndex
    }

    /// Whether the pattern matches anywhere in the header name: the lenient reading for sanitize patterns, so a
    /// header possibly redacted is not reported.
    private static func matchesPart(_ regex: Regex<AnyRegexOutput>, _ header: String) -> Bool {
        (try? regex.firstMatch(in: header)) != nil
    }
}
