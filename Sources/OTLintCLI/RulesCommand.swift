import ArgumentParser
import OTLintCore

/// `otlint rules`: the rule catalog.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its ID, severity, fix and summary.")

    @Option(help: "Output format: text, json or markdown (the README's rule table).")
    var format: String = "text"

    func run() throws {
        let documents = RuleCatalog.sortedIDs.compactMap(RuleCatalog.document)
        switch format {
        case "markdown":
            print(RulesCommand.markdownTable(documents), terminator: "")
        case "json":
            let value = JSONValue.array(documents.map { document in
                .object([
                    ("id", .string(document.id)),
                    ("name", .string(document.name)),
                    ("category", .string(document.category)),
                    ("severity", .string(document.severity.rawValue)),
                    ("appliesTo", .array(document.appliesTo.map(JSONValue.string))),
                    ("fix", .string(document.fix)),
                    ("summary", .string(document.summary)),
                ])
            })
            print(value.rendered())
        case "text":
            let nameWidth = documents.map(\.name.count).max() ?? 4
            for document in documents {
                let name = document.name.padded(toLength: nameWidth)
                let severity = document.severity.rawValue.padded(toLength: 7)
                let fix = (document.fix == "none" ? "" : "fix: \(document.fix)").padded(toLength: 18)
                print("\(document.id)  \(name)  \(severity)  \(fix)  \(document.summary)")
            }
        default:
            throw ValidationError("unknown format `\(format)`: use text, json or markdown")
        }
    }

    /// The rule table of the README, generated from the documents so the two never disagree.
    static func markdownTable(_ documents: [RuleDocument]) -> String {
        var table = "| ID | name | severity | inputs | fix | what it finds |\n|---|---|---|---|---|---|\n"
        for document in documents {
            let summary = document.summary.replacingEvery("|", with: "\\|")
            table += "| [\(document.id)](Rules/\(document.id).md) | \(document.name) | \(document.severity.rawValue) | \(document.appliesTo.joined(separator: ", ")) | \(document.fix) | \(summary) |\n"
        }
        return table
    }
}

/// `otlint explain OTL101`: a rule's document.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's document: what it finds, why it matters, examples, fix.")

    @Argument(help: "A rule ID such as OTL101, or a rule name such as full-sampling-in-production.")
    var rule: String

    func run() throws {
        let wanted = rule.uppercased()
        guard let document = RuleCatalog.document(wanted)
            ?? RuleCatalog.documents.values.first(where: { $0.name == rule.lowercased() }) else {
            throw ValidationError("unknown rule `\(rule)`; `otlint rules` lists them")
        }
        print("# \(document.id) \(document.name)\n")
        print("severity: \(document.severity.rawValue) · category: \(document.category) · applies to: \(document.appliesTo.joined(separator: ", ")) · fix: \(document.fix)\n")
        print(document.body)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
