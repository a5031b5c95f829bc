@testable import OTLintConfigRules
import OTLintCore
import XCTest

/// The tier a path names when nothing else does: the file name first, then its folders from the innermost out.
final class TierByNameTests: XCTestCase {
    func testFileNamesFoldersAndNegatedProductionWords() {
        let expected: [(String, DeploymentTier?, Int?)] = [
            ("docker-compose.prod.yml", .production, nil),
            (".env.production", .production, nil),
            (".env.non-prod", .nonProduction, nil),
            (".env.pre-prod", .nonProduction, nil),
            ("values.not-production.yaml", .nonProduction, nil),
            ("deploy/staging/.env.production", .production, nil),
            ("deploy/prod/app.env", .production, 1),
            ("k8s/overlays/non-prod/app.env", .nonProduction, 2),
            ("envs/prod/eu/staging/app.env", .nonProduction, 3),
            ("services/api/app.env", nil, nil),
            ("crates/core/tests/e2e/docker-compose.live.yml", .nonProduction, 3),
            ("tests/docker-compose.prod.yml", .nonProduction, 0),
        ]
        for (path, tier, folder) in expected {
            let named = DeploymentTierResolver.tier(namedByPath: path)
            XCTAssertEqual(named?.tier, tier, path)
            XCTAssertEqual(named?.folderIndex, folder, path)
        }
    }
}
