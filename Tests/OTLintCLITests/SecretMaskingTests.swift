import Foundation
import XCTest

/// No output ever carries a secret that any rule or reader of its file knows of: not the secret a finding is
/// about, not a second credential on the same line, not a neighbouring line's, in no format.
final class SecretMaskingTests: XCTestCase {
    /// Secrets of several kinds: two header values on one line, a second headers line (a key written twice, so
    /// OTL004 prints it), URL user-info, and a misspelled headers variable (OTL001 prints its line).
    static let secrets = ["sk_live_51HqTq2eZvKYlo2C8bX9", "tok_Zr9Lq2Vv8Kd3Wm7", "sk_live_Other7Q2w9E4r", "Hunt3rPassw0rd",
                          "Bearer_9fK2mQ7xL4pZ"]

    static let compose = """
    services:
      api:
        image: example/api:1.0
        environment:
          OTEL_SERVICE_NAME: api
          OTEL_EXPORTER_OTLP_HEADERS: api-key=\(secrets[0]),x-token=\(secrets[1])
          OTEL_EXPORTER_OTLP_HEADERS: api-key=\(secrets[2])
          OTEL_EXPORTER_OTLP_ENDPOINT: http://admin:\(secrets[3])@collector:4318/v1/traces
          OTEL_EXPORTER_OTLP_HEADER: authorization=\(secrets[4])
      collector:
        image: otel/opentelemetry-collector-contrib:0.115.0

    """

    private func assertNoSecret(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for secret in Self.secrets {
            XCTAssertFalse(text.contains(secret), "\(what) prints `\(secret)`:\n\(text)", file: file, line: line)
        }
    }

    func testEverySecretIsMaskedInEveryFormat() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("docker-compose.yml", Self.compose)
        for format in ["text", "json", "sarif", "github"] {
            let result = try OTLintBinary.run(["check", "--no-config", "--format", format, "."], in: scratch.path)
            XCTAssertEqual(result.status, 1, result.stderr)
            assertNoSecret(result.stdout + result.stderr, format)
            // The findings that print these lines are there: the test would pass on an empty report otherwise.
            for rule in ["OTL210", "OTL004", "OTL001", "OTL204"] {
                XCTAssertTrue(result.stdout.contains(rule), "\(format) output lacks \(rule):\n\(result.stdout)")
            }
        }
        for format in ["text", "json"] {
            let statistics = try OTLintBinary.run(["check", "--no-config", "--statistics", "--format", format, "."], in: scratch.path)
            XCTAssertTrue(statistics.stdout.contains("OTL210"), statistics.stdout)
            assertNoSecret(statistics.stdout + statistics.stderr, "statistics (\(format))")
        }
        let baseline = try OTLintBinary.run(["check", "--no-config", "--write-baseline", "baseline.json", "."], in: scratch.path)
        XCTAssertEqual(baseline.status, 0, baseline.stderr)
        let recorded = try scratch.read("baseline.json")
        XCTAssertTrue(recorded.contains("OTL210"), recorded)
        assertNoSecret(recorded, "baseline")
        let filtered = try OTLintBinary.run(["check", "--no-config", "--baseline", "baseline.json", "."], in: scratch.path)
        XCTAssertEqual(filtered.status, 0, "the baseline still absorbs every finding: \(filtered.stdout)")
    }

    func testASecretInAMountedCollectorConfigurationIsMaskedInEveryFormat() throws {
        let scratch = try ScratchDirectory()
        let secret = "sk_live_Collector9Zq8Wx"
        try scratch.write("docker-compose.yml", """
        services:
          otel:
            image: otel/opentelemetry-collector-contrib:0.120.0
            volumes:
              - ./conf/pipeline.yaml:/etc/otelcol-contrib/config.yaml
        """)
        // Read through the compose file's mount: its name is no collector name, so no one passes it to the reporter.
        try scratch.write("conf/pipeline.yaml", """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 0.0.0.0:4317
        exporters:
          otlp/vendor:
            endpoint: ingest.vendor.example.com:443
            headers: {x-api-key: \(secret)}
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [otlp/vendor]
        """)
        for format in ["text", "json", "sarif", "github"] {
            let result = try OTLintBinary.run(["check", "--no-config", "--format", format, "."], in: scratch.path)
            XCTAssertTrue(result.stdout.contains("OTL210"), "\(format) output lacks OTL210:\n\(result.stdout)")
            XCTAssertFalse((result.stdout + result.stderr).contains(secret), "\(format) prints the secret:\n\(result.stdout)")
        }
    }

    func testTextExcerptsMaskTheOtherFindingsSecretsAndUnderlineTheMask() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("docker-compose.yml", Self.compose)
        let result = try OTLintBinary.run(["check", "--no-config", "--color", "never", "."], in: scratch.path)
        // The second header of line 6 is masked in the excerpt of the first header's finding, and the underline
        // covers the four characters of the mask, not the secret's length.
        XCTAssertTrue(result.stdout.contains("""
        6 |       OTEL_EXPORTER_OTLP_HEADERS: api-key=****,x-token=****
          |                                           ^^^^
        """), result.stdout)
        XCTAssertTrue(result.stdout.contains("9 |       OTEL_EXPORTER_OTLP_HEADER: authorization=****\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("8 |       OTEL_EXPORTER_OTLP_ENDPOINT: http://****@collector:4318/v1/traces\n"), result.stdout)
    }

    func testDiffPrintsNoSecretAndApplies() throws {
        let scratch = try ScratchDirectory()
        // The fixed line sits between two lines holding credentials: its context stops before them.
        try scratch.write("docker-compose.yml", """
        services:
          api:
            image: example/api:1.0
            environment:
              OTEL_SERVICE_NAME: api
              OTEL_EXPORTER_OTLP_HEADERS: api-key=\(Self.secrets[0])
              OTEL_RESOURCE_ATTRIBUTES: service.version=1.0
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318/v1/traces
              OTEL_TRACES_SAMPLER: parentbased_always_on
              OTEL_EXPORTER_OTLP_HEADER: authorization=\(Self.secrets[4])
          collector:
            image: otel/opentelemetry-collector-contrib:0.115.0

        """)
        let diff = try OTLintBinary.run(["check", "--no-config", "--diff", "."], in: scratch.path)
        XCTAssertEqual(diff.status, 1, "a diff that shows fixes exits 1: \(diff.stderr)")
        XCTAssertTrue(diff.stdout.contains("+      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n"), diff.stdout)
        assertNoSecret(diff.stdout + diff.stderr, "--diff")
        try GitApply.assertApplies(diff.stdout, in: scratch)
    }

    func testDiffWithholdsAFixWhoseLinesHoldACredential() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("docker-compose.yml", """
        services:
          api:
            image: example/api:1.0
            environment:
              OTEL_SERVICE_NAME: api
              OTEL_EXPORTER_OTLP_ENDPOINT: http://admin:\(Self.secrets[3])@collector:4318/v1/traces
          collector:
            image: otel/opentelemetry-collector-contrib:0.115.0

        """)
        let diff = try OTLintBinary.run(["check", "--no-config", "--diff", "."], in: scratch.path)
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertEqual(diff.stdout, "")
        XCTAssertTrue(diff.stderr.contains("docker-compose.yml:6: a fix here is not shown: its lines hold a secret; `--fix` applies it"), diff.stderr)
        assertNoSecret(diff.stdout + diff.stderr, "--diff")
    }

    func testSwiftCredentialLiteralIsMaskedInEveryExcerptOfItsLine() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("Sources/App/Handler.swift", """
        import Tracing

        func handle(span: any Span) {
            span.attributes["db.password"] = "\(Self.secrets[3])"; span.attributes["http.method"] = "GET"
        }

        """)
        let result = try OTLintBinary.run(["check", "--no-config", "--color", "never", "."], in: scratch.path)
        XCTAssertTrue(result.stdout.contains("OTL401"), result.stdout)
        XCTAssertTrue(result.stdout.contains("OTL405"), "the deprecated attribute on the same line is reported: \(result.stdout)")
        assertNoSecret(result.stdout, "Swift excerpts")
        // Also when the rule that knows the secret is not selected.
        let other = try OTLintBinary.run(["check", "--no-config", "--select", "OTL405", "."], in: scratch.path)
        XCTAssertTrue(other.stdout.contains("OTL405"), other.stdout)
        assertNoSecret(other.stdout, "Swift excerpts of another rule")
    }

    /// OTL210 is a settings rule that finds secrets: it runs when not selected, so another settings rule's excerpt
    /// of the same line masks the header value.
    func testSwiftExporterHeaderIsMaskedInAnotherSettingsRulesExcerpt() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("Sources/App/Telemetry.swift", """
        import OpenTelemetryProtocolExporterHttp

        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://otlp.vendor-cloud.com:4318/v1/traces")!, config: OtlpConfiguration(headers: [("x-api-key", "\(Self.secrets[0])")]))

        """)
        let result = try OTLintBinary.run(["check", "--no-config", "--color", "never", "--select", "OTL209", "."], in: scratch.path)
        XCTAssertTrue(result.stdout.contains("OTL209"), result.stdout)
        XCTAssertFalse(result.stdout.contains("OTL210"), "OTL210 runs but is not reported: \(result.stdout)")
        assertNoSecret(result.stdout, "the OTL209 excerpt of a line with an OTL210 secret")
    }
}

/// `git apply --check` on a patch, in a scratch folder made a repository.
enum GitApply {
    static func assertApplies(_ patch: String, in scratch: ScratchDirectory, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(patch.isEmpty, "no patch to apply", file: file, line: line)
        try scratch.write("fix.patch", patch)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "apply", "--check", "fix.patch"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, "git apply --check refuses the patch: \(message)\n\(patch)", file: file, line: line)
    }
}
