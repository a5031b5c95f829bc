import OTLintCore
import XCTest

@testable import OTLintConfigRules

/// The one credential judge of OTL210 (and of the secret spans of configuration files), for every input.
final class CredentialsTests: XCTestCase {
    func testCredentialHeaderNamesAreMatchedOnWholeWords() {
        for name in ["authorization", "Authorization", "x-api-key", "api-key", "dd-api-key", "apiKey", "x-honeycomb-team",
                     "signoz-access-token", "x-sf-token", "lightstep-access-token", "uptrace-dsn", "X-License-Key", "cookie",
                     "x-session", "x-auth-token", "x%2Dapi%2Dkey"] {
            XCTAssertTrue(Credentials.isCredentialHeader(name), name)
        }
        // Substrings of other words, and team or tenant names, are no credentials.
        for name in ["x-author", "x-monkey-id", "x-team-id", "x-scope-orgid", "x-tenant", "content-type", "keyspace"] {
            XCTAssertFalse(Credentials.isCredentialHeader(name), name)
        }
    }

    func testPlaceholdersAndReferencesAreNoSecrets() {
        for value in ["b3f1c9d2e4a5f6071829", "Bearer eyJhbGciOiJIUzI1NiJ9", "AKIA4QWRTZ7ZK3PLMNXB", "Q7ZK3_PLMN4_X9WQ2_RT8YV", "Bearer%20sk_live_9f8e7d6c5b4a", "'hcaik_01j9qz3v5x7k'"] {
            XCTAssertTrue(Credentials.looksLikeSecret(value), value)
        }
        for value in ["", "Bearer <token>", "YOUR_API_KEY", "${KEY}", "xxxxxx", "000000", "********", "changeme", "{{ .Values.key }}",
                      "Bearer abc", "<your-api-key>", "abc…", "http://project1_secret@localhost?grpc=14317",
                      "super-secure-ingestion-api-key", "Bearer demo-token-2", "Bearer ELASTIC_APM_SECRET_TOKEN"] {
            XCTAssertFalse(Credentials.looksLikeSecret(value), value)
        }
    }

    func testAnEnvHeaderIsJudgedByTheSameWords() throws {
        let project = try TestProject(["otel.env": "OTEL_EXPORTER_OTLP_HEADERS=x-author=jane.doe.42,x-license-key=0123456789abcdef0123\n"])
        XCTAssertEqual(project.diagnostics("OTL210").map(\.location.start), [LineColumn(line: 1, column: 63)])
    }
}
