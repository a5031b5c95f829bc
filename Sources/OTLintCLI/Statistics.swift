import OTLintCore

/// `--statistics`: how many findings each rule produced, most frequent first.
enum Statistics {
    static func render(_ context: ReportContext, format: String) -> String {
        // Fixable as the summary counts it: safe fixes, and unsafe ones only with --unsafe-fixes.
        func isFixable(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.fix?.applicability == .safe || (context.unsafeFixesEnabled && diagnostic.fix != nil)
        }
        let counts = Dictionary(grouping: context.report.diagnostics, by: \.ruleID)
            .map { (id: $0.key, count: $0.value.count, fixable: $0.value.filter(isFixable).count) }
            .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
        if format == "json" {
            return JSONValue.array(counts.map { entry in
                .object([
                    ("rule", .string(entry.id)),
                    ("name", .optional(RuleCatalog.document(entry.id)?.name)),
                    ("count", .int(entry.count)),
                    ("fixable", .int(entry.fixable)),
                ])
            }).rendered() + "\n"
        }
        var output = ""
        for error in context.report.inputErrors { output += error.oneLine + "\n" }
        let width = String(counts.first?.count ?? 0).count
        for entry in counts {
            let count = String(entry.count).padded(toLength: width)
            let name = RuleCatalog.document(entry.id)?.name ?? ""
            output += "\(count)  \(entry.id)  \(name)\(entry.fixable > 0 ? "  [\(entry.fixable) fixable]" : "")\n"
        }
        return output
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
