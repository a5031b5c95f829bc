#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// OTL002: a value that is not of its variable's type or enum: SDKs ignore it (or read it as false) and
/// silently fall back to the default.
struct InvalidValueRule: ScopeRule {
    static let id = "OTL002"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let language = Self.language(of: scope, in: project)
        for definition in scope.effectiveDefinitions {
            guard let value = definition.value, !value.isEmpty else { continue }
            let spec = VariableCatalog.spec(definition.name)
            // Quotes are wrong in every SDK variable, the language families' included (`OTEL_NODE_*`), whose
            // values otlint does not otherwise know.
            if QuotedValue(value) != nil, spec != nil || VariableCatalog.isLanguageSpecific(definition.name) {
                // One finding: the quotes make every other check of the value meaningless.
                diagnostics.append(quotedValueDiagnostic(definition, value: value, type: spec?.type))
                continue
            }
            guard let spec else { continue }
            // OTL603 owns every name in `OTEL_PROPAGATORS` (unknown, deprecated, duplicate): one finding, one fix.
            if EnvironmentHeaders.headerVariables.contains(definition.name) {
                diagnostics += headerDiagnostics(definition, value: value)
                continue
            }
            if definition.name == "OTEL_PROPAGATORS" { continue }
            if let diagnostic = check(definition, value: value, spec: spec, language: language) { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }

    static let truthy: Set<String> = ["1", "yes", "y", "on", "enabled", "enable", "t"]
    static let falsy: Set<String> = ["0", "no", "n", "off", "disabled", "disable", "f"]

    /// The language of the process, where its image, build or Operator section tells it.
    private static func language(of scope: EnvironmentScope, in project: ConfigProject) -> ServiceLanguage? {
        if case .operatorInstrumentation(let process) = scope.kind {
            let sections: [String: ServiceLanguage] = ["java": .java, "nodejs": .node, "python": .python, "dotnet": .dotnet, "go": .go]
            return process.language.flatMap { sections[$0] }
        }
        return project.runtime(of: scope)?.language
    }

    /// `2s`, `500ms`, `1m`: Java's autoconfigure reads a whole number with a unit (`ms`, `s`, `m`, `h`, `d`, `us`,
    /// `ns`; `DefaultConfigProperties.getDuration`); the specification and the other SDKs take milliseconds only.
    static func isJavaDuration(_ value: String) -> Bool {
        let text = value.blankTrimmed.lowercased()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && ["ms", "s", "m", "h", "d", "us", "ns"].contains(String(text.dropFirst(digits.count)))
    }

    private func check(_ definition: VariableDefinition, value: String, spec: VariableSpec, language: ServiceLanguage?) -> Diagnostic? {
        let name = definition.name
        let fallback = spec.defaultValue.map { " and the default `\($0)` applies" } ?? " and the setting is ignored"
        switch spec.type {
        case .boolean:
            let lower = value.lowercased()
            if lower == "true" || lower == "false" { return nil }
            let trimmed = lower.blankTrimmed
            var fix: Fix?
            if trimmed == "true" || InvalidValueRule.truthy.contains(trimmed) {
                fix = definition.valueReplacement("true").map {
                    Fix(title: "write `true`", edits: [$0], applicability: .unsafe)
                }
            } else if trimmed == "false" || InvalidValueRule.falsy.contains(trimmed) {
                // The value already reads as false: spelling it `false` keeps the behaviour.
                fix = definition.valueReplacement("false").map {
                    Fix(title: "write `false`", edits: [$0], applicability: .safe)
                }
            }
            return valueDiagnostic(definition,
                message: "`\(name)` is a boolean: \(quoted(value)) is read as false (only `true` is true)",
                why: "the OpenTelemetry specification accepts only `true` or `false` (any case); every other value means false",
                help: "write `true` or `false`", fix: fix)
        case .integer(let minimum):
            if let number = Int(value), number >= minimum, number <= Int(Int32.max) { return nil }
            let range = minimum == 0 ? "a non-negative integer" : "a positive integer"
            return valueDiagnostic(definition,
                message: "`\(name)` must be \(range), got \(quoted(value)); SDKs ignore it\(fallback)",
                help: "write \(range) up to 2147483647")
        case .duration, .timeout:
            if let number = Int(value), number >= 0 { return nil }
            let javaReadsIt = Self.isJavaDuration(value)
            if javaReadsIt && language == .java { return nil }
            var fix: Fix?
            var help = "write a whole number of milliseconds"
            if let milliseconds = InvalidValueRule.milliseconds(value) {
                help = "write `\(milliseconds)` (milliseconds)"
                if !name.hasPrefix("OTEL_EXPORTER_") {
                    fix = definition.valueReplacement(String(milliseconds)).map {
                        Fix(title: "write `\(milliseconds)` milliseconds", edits: [$0], applicability: .unsafe)
                    }
                }
            }
            // Where the language is unknown, a unit Java reads may be right: say who ignores it.
            let ignoredBy = javaReadsIt && language == nil ? "only the Java SDK reads a unit, the others ignore it" : "SDKs ignore it"
            return valueDiagnostic(definition,
                message: "`\(name)` is a duration in whole milliseconds, got \(quoted(value)); \(ignoredBy)\(fallback)",
                help: help, fix: fix)
        case .enumeration:
            let lower = value.lowercased()
            if spec.values.contains(lower) || spec.extraValues.contains(lower) { return nil }
            return enumDiagnostic(definition, item: value, itemOffset: 0, spec: spec, fallback: fallback)
        case .enumerationList:
            let items = ListItem.split(value)
            let names = items.map { $0.text.lowercased() }
            for (index, item) in items.enumerated() {
                let lower = names[index]
                if item.text.isEmpty || spec.values.contains(lower) || spec.extraValues.contains(lower) { continue }
                // OTL207 owns `jaeger` in the traces exporter list (with a fix that does not list `otlp` twice).
                if definition.name == "OTEL_TRACES_EXPORTER" && lower == "jaeger" { continue }
                return enumDiagnostic(definition, item: item.text, itemOffset: item.range.lowerBound, spec: spec, fallback: fallback,
                                      listed: (names, ListItem.removalRange(of: index, in: items)))
            }
            return nil
        case .url, .string, .keyValueList:
            return nil
        }
    }

    private func enumDiagnostic(_ definition: VariableDefinition, item: String, itemOffset: Int, spec: VariableSpec,
                                fallback: String, listed: (names: [String], removal: Range<Int>)? = nil) -> Diagnostic {
        let name = definition.name
        let lower = item.lowercased()
        let choices = spec.values.map { "`\($0)`" }.joined(separator: ", ")
        var message = "\(quoted(item)) is not a valid value of `\(name)` (\(choices)); SDKs ignore it\(fallback)"
        var suggestion: String?
        if name.hasSuffix("_EXPORTER") && lower == "jaeger" {
            message = "the `jaeger` exporter no longer exists (removed from the specification in v1.23.0); Jaeger accepts OTLP"
            suggestion = "otlp"
        } else if name.hasSuffix("_PROTOCOL") && (lower == "http" || lower == "https" || lower == "http/proto" || lower == "protobuf") {
            suggestion = "http/protobuf"
        } else if name.hasSuffix("_PROTOCOL") && lower == "json" {
            suggestion = "http/json"
        } else {
            suggestion = spec.values.first { EditDistance.between(lower, $0, limit: 2) <= 2 }
        }
        var fix: Fix?
        var location = definition.valueLocation
        let itemRange = itemOffset..<(itemOffset + item.utf8.count)
        if let site = definition.valueSite, let itemLocation = site.location(ofValueBytes: itemRange) {
            location = itemLocation
            if let suggestion, let listed, listed.names.contains(suggestion) {
                // The suggestion is already in the list: drop the item rather than list the same name twice.
                if definition.isEditable,
                   let removal = site.location(ofValueBytes: listed.removal) {
                    fix = Fix(title: "remove `\(item)` (`\(suggestion)` is listed)",
                              edits: [TextEdit(path: site.file.path, range: removal.range, replacement: "")], applicability: .unsafe)
                }
            } else if let suggestion, definition.isEditable {
                fix = Fix(title: "write `\(suggestion)`",
                          edits: [TextEdit(path: site.file.path, range: itemLocation.range, replacement: suggestion)],
                          applicability: .unsafe)
            }
        }
        return Diagnostic(ruleID: id, severity: severity, message: message, location: location,
                          why: "the specification says an unknown value is ignored with a warning, so the default behaviour silently applies",
                          help: suggestion.map { "did you mean `\($0)`?" } ?? "use one of \(choices)",
                          related: definition.valueRelated, fix: fix)
    }

    private func quoted(_ value: String) -> String { "`\(value)`" }

    /// `- KEY="value"` in a compose list: the process sees the quotes. The value itself is never printed (it may
    /// be a header or a credential).
    private func quotedValueDiagnostic(_ definition: VariableDefinition, value: String, type: VariableType?) -> Diagnostic {
        let isListItem = definition.source == .composeEnvironment(.list)
        // A quoted URL does not parse at all: nothing is exported.
        let broken = type == .url
        let effect = switch type {
        case .url: "the SDK cannot parse it and exports nothing"
        case .keyValueList: "the first key and the last value include a quote, so neither means what it says"
        case .enumerationList: "the first and last items include a quote, so SDKs do not recognise them"
        case .string: "they become part of the value"
        case nil: "the SDK reads them as part of the value"
        default: "SDKs do not recognise it and fall back to the default"
        }
        return valueDiagnostic(definition,
            message: "the value of `\(definition.name)` includes its \(value.first == "'" ? "single" : "double") quotes: \(effect)",
            severity: broken ? .error : severity,
            why: isListItem
                ? "in an `environment:` list Compose splits `KEY=value` at the first `=` and keeps the rest as written, quotes included; only the mapping form (`KEY: \"value\"`) or a quoted whole item (`- \"KEY=value\"`) drops them"
                : "the quotes are part of the value the process receives",
            help: isListItem ? "write `- \(definition.name)=…` without quotes, or `\(definition.name): \"…\"` in the mapping form" : "remove the inner quotes",
            fix: QuotedValue.fix(definition, value: value))
    }

    /// Header pairs written `name: value` (never sent) or with unencoded spaces (rejected by older Python SDKs).
    private func headerDiagnostics(_ definition: VariableDefinition, value: String) -> [Diagnostic] {
        let site = definition.valueSite
        let editable = site != nil && (definition.isEditable)
        return ExporterHeaderSyntax.problems(in: value).map { problem in
            switch problem {
            case .colonSeparator(let range, let name):
                let location = site?.location(ofValueBytes: range) ?? definition.valueLocation
                let fix = editable && location.range.length == range.count
                    ? Fix(title: "write `\(name)=…`", edits: [TextEdit(path: location.path, range: location.range, replacement: "=")], applicability: .safe)
                    : nil
                return Diagnostic(ruleID: id, severity: .error,
                    message: "the `\(name)` header in `\(definition.name)` is written `name: value`: OTLP headers are `name=value` pairs, so this header is never sent",
                    location: location,
                    why: "SDKs split each pair at `=`; a name containing `:` is no valid header name, so Python and JavaScript drop the pair and Java rejects the whole variable",
                    help: "write `\(name)=value` (percent-encode spaces in the value as `%20`)",
                    related: definition.valueRelated, fix: fix, maskedRanges: definition.credentialRanges)
            case .unencodedSpaces(let ranges, let name):
                let locations = ranges.compactMap { site?.location(ofValueBytes: $0) }
                let fix = editable && locations.count == ranges.count
                    ? Fix(title: "encode the spaces as `%20`",
                          edits: locations.map { TextEdit(path: $0.path, range: $0.range, replacement: "%20") }, applicability: .safe)
                    : nil
                return Diagnostic(ruleID: id, severity: .info,
                    message: "the value of the `\(name)` header in `\(definition.name)` contains a space: encode it as `%20`",
                    location: locations.first ?? definition.valueLocation,
                    why: "header values follow the W3C Baggage syntax, where a space must be percent-encoded; the Python SDK before 1.27 drops such a header (\"Header format invalid!\"), while current SDKs accept it and every SDK decodes `%20`",
                    help: "write `%20` for each space, e.g. `\(name)=Bearer%20…`",
                    related: definition.valueRelated, fix: fix, maskedRanges: definition.credentialRanges)
            }
        }
    }

    /// `5s`, `250ms`, `1m`, `1h` → milliseconds.
    static func milliseconds(_ value: String) -> Int? {
        let text = value.blankTrimmed.lowercased()
        for (unit, factor) in [("ms", 1.0), ("s", 1000.0), ("m", 60_000.0), ("h", 3_600_000.0)] where text.hasSuffix(unit) {
            guard let number = Double(text.dropLast(unit.count)), number >= 0 else { return nil }
            let result = number * factor
            guard result == result.rounded(), result <= Double(Int32.max) else { return nil }
            return Int(result)
        }
        return nil
    }
}
