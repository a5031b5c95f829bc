import XCTest

/// A suppression that silences nothing is reported in YAML, env and Swift files, and `--fix` removes it
/// cleanly while used suppressions stay.
final class UnusedSuppressionTests: XCTestCase {
    func testComposeAndEnvFiles() throws {
        let scratch = try ScratchDirectory()
        let compose = """
        services:
          api:
            image: example/api:1.0  # otlint: disable=OTL203 -- nothing wrong here any more
            environment:
              # otlint: disable=OTL204 -- stale
              OTEL_SERVICE_NAME: api
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317 # otlint: disable=OTL203 -- gRPC really is on 4317 here
              OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf
          collector:
            image: otel/opentelemetry-collector-contrib:0.115.0

        """
        let env = "# otlint: disable=OTL001\nOTEL_SERVICE_NAME=worker\nOTEL_TRACE_SAMPLER=always_on # otlint: disable=OTL001 -- read by an in-house wrapper\n"
        try scratch.write("docker-compose.yml", compose)
        try scratch.write("worker.env", env)
        let result = try OTLintBinary.run(["check", "--no-config", "--select", "OTL0,OTL2", "."], in: scratch.path)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("docker-compose.yml:3:29: warning[OTL007]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("docker-compose.yml:5:7: warning[OTL007]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("worker.env:1:1: warning[OTL007]"), result.stdout)
        XCTAssertFalse(result.stdout.contains("docker-compose.yml:7"), "the used suppression is not reported:\n\(result.stdout)")
        XCTAssertFalse(result.stdout.contains("worker.env:3"), result.stdout)

        let fixed = try OTLintBinary.run(["check", "--no-config", "--select", "OTL0,OTL2", "--fix", "."], in: scratch.path)
        XCTAssertEqual(fixed.status, 0, fixed.stdout)
        XCTAssertEqual(try scratch.read("docker-compose.yml"), """
        services:
          api:
            image: example/api:1.0
            environment:
              OTEL_SERVICE_NAME: api
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317 # otlint: disable=OTL203 -- gRPC really is on 4317 here
              OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf
          collector:
            image: otel/opentelemetry-collector-contrib:0.115.0

        """)
        XCTAssertEqual(try scratch.read("worker.env"), "OTEL_SERVICE_NAME=worker\nOTEL_TRACE_SAMPLER=always_on # otlint: disable=OTL001 -- read by an in-house wrapper\n")
    }
}
