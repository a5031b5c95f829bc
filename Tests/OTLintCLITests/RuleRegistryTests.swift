import OTLintConfigRules
import OTLintCore
import OTLintSwiftRules
import XCTest

/// One implementation per rule: every rule document in Rules/ is registered in exactly one registry, and each
/// registry lists its rules sorted by ID. A rule added without its document, a document without its rule, or a
/// concept implemented twice fails here.
final class RuleRegistryTests: XCTestCase {
    let registries: [(name: String, ids: [String])] = [
        ("scope rules (ConfigAnalyzer.rules)", ConfigAnalyzer.scopeRuleIDs),
        ("code rules (allSwiftRules)", SwiftAnalyzer.codeRuleIDs),
        ("settings rules (SettingsRules.all)", SettingsRules.ruleIDs),
        ("collector rules (CollectorRules.all)", CollectorRules.ruleIDs),
        ("the linter's own", [UnusedSuppressionRule.id]),
    ]

    func testEveryDocumentedRuleIsImplementedExactlyOnce() {
        let registered = registries.flatMap(\.ids)
        var seen: [String: String] = [:]
        for (name, ids) in registries {
            for id in ids {
                if let first = seen[id] { XCTFail("\(id) is implemented twice: in \(first) and in \(name)") }
                seen[id] = name
            }
        }
        XCTAssertEqual(Set(registered).sorted(), RuleCatalog.documents.keys.sorted(), "Rules/ and the registries disagree")
    }

    func testEachRegistryIsSortedByID() {
        for (name, ids) in registries {
            XCTAssertFalse(ids.isEmpty, "\(name) is empty")
            XCTAssertEqual(ids, ids.sorted(), "\(name) are not sorted by ID")
        }
    }
}
