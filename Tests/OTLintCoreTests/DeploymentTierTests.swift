import OTLintCore
import XCTest

/// Environment names, as namespaces, folders, `--environment` and `deployment.environment.name` write them.
final class DeploymentTierTests: XCTestCase {
    func testNamesOfProductionAndOtherTiers() {
        let expected: [String: DeploymentTier] = [
            "production": .production, "prod": .production, "prod-eu": .production, "eu-production": .production,
            "shop-prod": .production, "staging": .nonProduction, "dev": .nonProduction,
            // A production word after a negating or preceding word names another tier.
            "non-prod": .nonProduction, "nonprod": .nonProduction, "not-production": .nonProduction,
            "pre-prod": .nonProduction, "preprod": .nonProduction, "non_production": .nonProduction,
            "billing": .unknown, "": .unknown, "pre": .unknown,
        ]
        for (name, tier) in expected {
            XCTAssertEqual(DeploymentTier.classify(environmentName: name), tier, name)
        }
    }
}
