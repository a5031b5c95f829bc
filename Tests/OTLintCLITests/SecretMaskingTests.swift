import XCTest

/// A credential found in exporter headers never appears in any output: not in messages, not in source
/// excerpts, not in the context lines of `--diff`.
final class SecretMaskingTests: XCTestCase {
    static let secret = "sk_live_51HqTq2eZvKYlo2C8bX9"

    func testSecretIsMaskedInEveryFormatAndInDiffs() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("docker-compose.yml", """
        services:
          api:
            image: example/api:1.0
            environment:
              OTEL_SERVICE_NAME: api
              OTEL_EXPORTER_OTLP_HEADERS: api-key=\(Self.secret)
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318/v1/traces
          collector:
            image: otel/opentelemetry-collector-contrib:0.115.0

        """)
        var sawFinding = false
        for format in ["text", "json", "sarif", "github"] {
            let result = try OTLintBinary.run(["check", "--no-config", "--format", format, "."], in: scratch.path)
            XCTAssertFalse(result.stdout.contains(Self.secret), "\(format) output prints the secret:\n\(result.stdout)")
            sawFinding = sawFinding || result.stdout.contains("OTL210")
        }
        XCTAssertTrue(sawFinding, "the literal credential is reported")
        let diff = try OTLintBinary.run(["check", "--no-config", "--diff", "."], in: scratch.path)
        XCTAssertTrue(diff.stdout.contains("+      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n"), diff.stdout)
        XCTAssertFalse(diff.stdout.contains(Self.secret), diff.stdout)
    }
}
