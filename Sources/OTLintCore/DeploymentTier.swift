#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether a process runs in production. Rules that only matter in production name the evidence that made
/// the tier production.
public enum DeploymentTier: String, Sendable, Codable, CaseIterable {
    case production
    case nonProduction = "non-production"
    case unknown

    /// Maps a deployment environment name (`prod`, `staging`, `dev`, ...) to a tier.
    public static func classify(environmentName raw: String) -> DeploymentTier {
        let name = raw.blankTrimmed.lowercased()
        if name.isEmpty { return .unknown }
        if productionNames.contains(name) { return .production }
        if nonProductionNames.contains(name) { return .nonProduction }
        // Compound names such as `prod-eu`, `eu-production`, `production_us`. A production word after a negating or
        // preceding one (`non-prod`, `not-production`, `pre-prod`) names a tier that is not production.
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (index, word) in words.enumerated() where productionNames.contains(word) {
            return index > 0 && notProductionPrefixes.contains(words[index - 1]) ? .nonProduction : .production
        }
        if words.contains(where: { nonProductionNames.contains($0) }) { return .nonProduction }
        return .unknown
    }

    /// Words that make the production word after them name another tier: `non-prod`, `not-production`, `pre-prod`.
    public static let notProductionPrefixes: Set<String> = ["non", "not", "pre"]

    static let productionNames: Set<String> = ["production", "prod", "prd", "live"]
    static let nonProductionNames: Set<String> = [
        "development", "dev", "local", "test", "testing", "qa", "staging", "stage", "stg", "sandbox",
        "preview", "ci", "demo", "integration", "uat", "e2e", "debug",
        "nonprod", "nonproduction", "preprod", "preproduction", "notprod",
    ]
}

