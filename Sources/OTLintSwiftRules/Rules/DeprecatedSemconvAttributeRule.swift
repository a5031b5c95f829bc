import OTLintCore
import SwiftSyntax

/// OTL405 (Swift): attribute keys that the semantic conventions renamed (`http.method` → `http.request.method`).
struct DeprecatedSemconvAttributeRule: SwiftRule {
    static let id = "OTL405"
    // Tests assert what a library emits today and benchmarks measure it; the rename belongs in the library.
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for use in model.attributeUses where use.target != .metric {
            guard let name = use.name, let rename = SemconvRenames.byOldName[name] else { continue }
            // A resource key OTL303 renames (`deployment.environment`) is its finding and its fix: report it once.
            if use.target == .resource && StandardResourceKeys.replacements[name] != nil { continue }
            let replacements = rename.replacement.split(separator: "|").map { "`\($0)`" }.joined(separator: " or ")
            var fix: Fix?
            if rename.isMechanical, let literal = use.literal, literal.segments.count == 1,
               let segment = literal.segments.first?.as(StringSegmentSyntax.self), segment.content.text == name {
                fix = Fix(
                    title: "rename `\(name)` to `\(rename.replacement)`",
                    edits: [model.edit(replacing: segment, with: rename.replacement)], applicability: .safe
                )
            }
            var help = "use \(replacements)"
            if !rename.note.isEmpty { help += " (\(rename.note))" }
            if use.literal == nil { help += "; with opentelemetry-swift, `SemanticConventions` has the current names" }
            diagnostics.append(model.diagnostic(
                Self.id, at: use.keyNode,
                message: "attribute `\(name)` is deprecated since semantic conventions \(rename.since): use \(replacements)",
                why: "backends, dashboards and the instrumentation of other services use the current name, so data under the old name is missed or split",
                help: help, fix: fix
            ))
        }
        return diagnostics
    }
}
