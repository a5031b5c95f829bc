import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class MalformedEndpointRuleTests: XCTestCase {
    func testMissingSchemeIsAnErrorForHTTPAndFixAddsIt() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nOTEL_EXPORTER_OTLP_ENDPOINT='collector:4318' # note\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL205").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 29))
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL205", file: ".env",
                              becomes: "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nOTEL_EXPORTER_OTLP_ENDPOINT='http://collector:4318' # note\n")
        XCTAssertEqual(project.diagnostics("OTL205").count, 0)
    }

    /// Java's exporters validate the endpoint as an `http`/`https` URL for gRPC too: a Java service is judged
    /// whatever its protocol; a Python one (whose gRPC exporter takes `host:port`) is not.
    func testMissingSchemeInAJavaServiceIsAnErrorForGRPCToo() throws {
        let compose = { (image: String) in
            "services:\n  api:\n    image: \(image)\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: collector:4317\n      OTEL_EXPORTER_OTLP_PROTOCOL: grpc\n"
        }
        let java = try TestProject(["docker-compose.yml": compose("eclipse-temurin:21-jre")])
        let diagnostic = try XCTUnwrap(java.diagnostics("OTL205").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 5, column: 36))
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.why?.contains("the Java SDK checks it for every protocol") == true, diagnostic.why ?? "")
        let python = try TestProject(["docker-compose.yml": compose("python:3.12-slim")])
        XCTAssertEqual(python.diagnostics("OTL205").map(\.message), [])
    }

    /// gRPC clients take `host:port`, and applications often pass the variable to a gRPC exporter themselves.
    func testMissingSchemeIsJudgedForHTTPOnlyAndPort443GetsHTTPS() throws {
        let grpc = try TestProject([".env": "OTEL_EXPORTER_OTLP_PROTOCOL=grpc\nOTEL_EXPORTER_OTLP_ENDPOINT=api.vendor.example.com:443\n"])
        XCTAssertEqual(grpc.diagnostics("OTL205").count, 0)
        let unset = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=collector:4317\n"])
        XCTAssertEqual(unset.diagnostics("OTL205").count, 0)
        let http = try TestProject([".env": "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nOTEL_EXPORTER_OTLP_ENDPOINT=api.vendor.example.com:443\n"])
        let diagnostic = try XCTUnwrap(http.diagnostics("OTL205").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 29))
        XCTAssertEqual(diagnostic.fix?.edits.first?.replacement, "https://")
    }

    func testWrongSchemeBadPortAndGRPCPathInCompose() throws {
        let compose = """
        x-otel: &otel
          OTEL_EXPORTER_OTLP_PROTOCOL: grpc # shared
        services:
          api:
            environment:
              <<: *otel
              OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://collector:4317"
              OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http://collector:4317/v1/traces
              OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://collector:43l7'

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL205")
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 7, column: 37), "the scheme")
        XCTAssertEqual(diagnostics[0].location.end, LineColumn(line: 7, column: 41))
        XCTAssertEqual(diagnostics[1].location.start, LineColumn(line: 8, column: 64), "the path")
        XCTAssertEqual(diagnostics[2].location.start, LineColumn(line: 9, column: 59), "the port")
        XCTAssertTrue(diagnostics[2].message.contains("`43l7`"), diagnostics[2].message)
        try project.assertFix("OTL205", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "\"grpc://collector:4317\"", with: "\"http://collector:4317\""))
        try project.assertFix("OTL205", file: "docker-compose.yml", becomes: compose
            .replacingOccurrences(of: "\"grpc://collector:4317\"", with: "\"http://collector:4317\"")
            .replacingOccurrences(of: "http://collector:4317/v1/traces", with: "http://collector:4317"))
    }

    func testValidAndUnknownEndpointsAreQuiet() throws {
        let project = try TestProject([".env": """
            OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.vendor.example.com
            OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://[::1]:4318/v1/traces
            OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=${METRICS_URL}
            OTEL_EXPORTER_OTLP_LOGS_ENDPOINT=
            OTEL_EXPORTER_ZIPKIN_ENDPOINT=http://zipkin:9411/api/v2/spans
            OTEL_EXPORTER_OTLP_ENDPOINT=https://user:s3cr3tpass@otlp.vendor.example.com

            """])
        XCTAssertEqual(project.diagnostics("OTL205").map(\.message), [])
    }
}

final class DeprecatedJaegerExporterRuleTests: XCTestCase {
    func testExporterItemAndJaegerVariablesWithTheHost() throws {
        let project = try TestProject([".env": "OTEL_TRACES_EXPORTER=console, jaeger\nOTEL_EXPORTER_JAEGER_ENDPOINT=http://tracing:14250\nOTEL_EXPORTER_JAEGER_PASSWORD=hunter22\n"])
        let diagnostics = project.diagnostics("OTL207")
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 1, column: 31))
        XCTAssertTrue(diagnostics[0].help?.contains("http://tracing:4318") == true, diagnostics[0].help ?? "")
        XCTAssertEqual(diagnostics[1].location.start, LineColumn(line: 2, column: 1), "the variable name")
        XCTAssertFalse(diagnostics[2].message.contains("hunter22"))
        XCTAssertEqual(diagnostics[2].maskedRanges.count, 1, "the password is masked in the excerpt")
        try project.assertFix("OTL207", file: ".env",
                              becomes: "OTEL_TRACES_EXPORTER=console, otlp\nOTEL_EXPORTER_JAEGER_ENDPOINT=http://tracing:14250\nOTEL_EXPORTER_JAEGER_PASSWORD=hunter22\n")
    }

    func testJaegerNextToOTLPIsRemoved() throws {
        let project = try TestProject([".env": "OTEL_TRACES_EXPORTER=otlp,jaeger # both\n"])
        try project.assertFix("OTL207", file: ".env", becomes: "OTEL_TRACES_EXPORTER=otlp # both\n")
    }

    func testOTLPAndEmptyJaegerVariablesAreQuiet() throws {
        let project = try TestProject([".env": "OTEL_TRACES_EXPORTER=otlp\nOTEL_EXPORTER_JAEGER_ENDPOINT=\n"])
        XCTAssertEqual(project.diagnostics("OTL207").map(\.message), [])
    }
}

final class InsecureRemoteExportRuleTests: XCTestCase {
    func testPlaintextToRemoteHostInProductionWithHeadersIsAnError() throws {
        let project = try TestProject([".env.production": "OTEL_EXPORTER_OTLP_ENDPOINT=http://otlp.observability-vendor.com:4318\nOTEL_EXPORTER_OTLP_HEADERS=api-key=${KEY}\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL209").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 29))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 1, column: 33), "the scheme")
        XCTAssertTrue(diagnostic.why?.contains("`.env.production`") == true)
        try project.assertFix("OTL209", file: ".env.production",
                              becomes: "OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.observability-vendor.com:4318\nOTEL_EXPORTER_OTLP_HEADERS=api-key=${KEY}\n")
    }

    func testInsecureFlagWithoutScheme() throws {
        let project = try TestProject(["deploy/prod/docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: ingest.observability-vendor.com:4317\n      OTEL_EXPORTER_OTLP_TRACES_INSECURE: \"true\"\n"])
        let diagnostics = project.diagnostics("OTL209")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.severity, .warning)
        XCTAssertEqual(diagnostics.first?.location.start, LineColumn(line: 5, column: 43))
    }

    func testLocalPrivateProjectHostsAndOtherTiersAreQuiet() throws {
        let project = try TestProject([
            "docker-compose.prod.yml": """
            services:
              api:
                environment:
                  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http://otel.collector.acme-corp.com:4318/v1/traces
                  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: http://10.0.3.4:4318/v1/metrics
                  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: http://collector.observability.svc.cluster.local:4318/v1/logs
              otel-gw:
                image: otel/opentelemetry-collector:0.120.0
                networks:
                  default:
                    aliases: [otel.collector.acme-corp.com]

            """,
            ".env.production": "OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318\n",
            ".env.development": "OTEL_EXPORTER_OTLP_ENDPOINT=http://otlp.observability-vendor.com:4318\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL209").map(\.message), [])
    }

    func testHostClassification() {
        for host in ["api.honeycomb.io", "8.8.8.8", "[2606:4700::1]", "otlp.eu01.nr-data.net"] {
            XCTAssertTrue(HostClassification.classify(host).isRemote, host)
        }
        // Documentation names and networks are placeholders; a dotted name under no public domain is a cluster name.
        for host in ["collector", "localhost", "127.0.0.1", "192.168.1.20", "172.20.0.5", "[::1]", "[fd00::2]", "otel.internal",
                     "host.docker.internal", "jaeger.local", "otlp.vendor.example.com", "[2001:db8::1]", "203.0.113.7",
                     "collector.observability", "${OTEL_HOST}"] {
            XCTAssertFalse(HostClassification.classify(host).isRemote, host)
        }
    }
}

final class SecretInExporterHeadersRuleTests: XCTestCase {
    func testLiteralCredentialIsMaskedEverywhere() throws {
        let secret = "sk_live_9f8e7d6c5b4a"
        let project = try TestProject(["otel.env": "# vendor\nOTEL_EXPORTER_OTLP_HEADERS=x-tenant=shop,Authorization=Bearer%20\(secret)\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL210").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 56))
        XCTAssertEqual(diagnostic.maskedRanges, [diagnostic.location.range])
        let file = try project.read("otel.env")
        XCTAssertEqual(String(decoding: Array(file.utf8)[diagnostic.location.range.start..<diagnostic.location.range.end], as: UTF8.self),
                       "Bearer%20\(secret)", "the masked bytes are the secret")
        for text in [diagnostic.message, diagnostic.why ?? "", diagnostic.help ?? ""] + diagnostic.related.map(\.message) {
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertFalse(text.contains("9f8e7d"), text)
        }
    }

    func testSecretInterpolatedFromATrackedFileIsReportedWhereItIsWritten() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    env_file: vendor.env\n    environment:\n      OTEL_EXPORTER_OTLP_HEADERS: \"x-honeycomb-team=${HONEYCOMB_KEY:-hcaik_01j9qz3v5x7k2m8n}\"\n",
            "vendor.env": "OTEL_EXPORTER_OTLP_TRACES_HEADERS=api-key=abcdef0123456789\n",
        ])
        let diagnostics = project.diagnostics("OTL210").sorted(by: Diagnostic.outputOrder)
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 5, column: 70), "the default text in the compose file")
        XCTAssertEqual(diagnostics[0].maskedRanges, [diagnostics[0].location.range])
        XCTAssertTrue(diagnostics[1].location.path.hasSuffix("vendor.env"))
    }

    func testShellValuesIgnoredFilesAndPlaceholdersAreFine() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              api:
                environment:
                  OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer ${TOKEN}"
                  OTEL_EXPORTER_OTLP_TRACES_HEADERS: api-key=${API_KEY}
                  OTEL_EXPORTER_OTLP_METRICS_HEADERS: "x-scope-orgid=tenant-1"
                  OTEL_EXPORTER_OTLP_LOGS_HEADERS: "api-key=<your-api-key>"

            """,
            ".env": "API_KEY=abcdef0123456789\n",
            ".env.example": "OTEL_EXPORTER_OTLP_HEADERS=authorization=Bearer%20changeme\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL210").map(\.message), [])
    }

    func testGitIgnoredFileIsFineAndTrackedFileIsNot() throws {
        let project = try TestProject([
            ".gitignore": "secrets.env\n",
            "secrets.env": "OTEL_EXPORTER_OTLP_HEADERS=api-key=abcdef0123456789\n",
            "shared.env": "OTEL_EXPORTER_OTLP_HEADERS=api-key=abcdef0123456789\n",
        ])
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", project.root, "init", "-q"]
        try git.run()
        git.waitUntilExit()
        try XCTSkipUnless(git.terminationStatus == 0, "git is not available")
        let diagnostics = project.diagnostics("OTL210")
        XCTAssertEqual(diagnostics.map { ConfigPaths.fileName($0.location.path) }, ["shared.env"])
        XCTAssertTrue(diagnostics.first?.why?.contains("not git-ignored") == true, diagnostics.first?.why ?? "")
    }
}

final class EndpointURLTests: XCTestCase {
    func testUserInfoIsNotTheHost() throws {
        let url = try XCTUnwrap(EndpointURL("http://user:s3cret@collector:4318/v1/traces"))
        XCTAssertEqual(url.host, "collector")
        XCTAssertEqual(url.port, 4318)
        XCTAssertEqual(url.path, "/v1/traces")
        XCTAssertEqual(url.userInfoRange, 7..<18)
        XCTAssertEqual(url.hostRange, 19..<28)
        XCTAssertEqual(EndpointURL.redacted("http://user:s3cret@collector:4318"), "http://user:***@collector:4318")
        XCTAssertEqual(EndpointURL.redacted("https://apikey@vendor.example"), "https://***@vendor.example")
        XCTAssertEqual(EndpointURL.redacted("http://collector:4318"), "http://collector:4318")
    }

    func testIPv6Literal() throws {
        let url = try XCTUnwrap(EndpointURL("http://[::1]:4317"))
        XCTAssertEqual(url.host, "[::1]")
        XCTAssertEqual(url.hostName, "::1")
        XCTAssertEqual(url.hostRange, 8..<11)
        XCTAssertEqual(url.port, 4317)
        XCTAssertEqual(url.portRange, 13..<17)
        let bare = try XCTUnwrap(EndpointURL("http://[fd00::2]/v1/traces"))
        XCTAssertEqual(bare.hostName, "fd00::2")
        XCTAssertNil(bare.port)
        XCTAssertEqual(bare.path, "/v1/traces")
    }

    func testPortMismatchBehindCredentialsIsFoundAndTheCredentialNeverPrinted() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://user:s3cret@collector:4317\nOTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 58), "points at the port")
        XCTAssertEqual(diagnostic.maskedRanges.count, 1)
        try project.assertFix("OTL203", file: ".env", becomes: "OTEL_EXPORTER_OTLP_ENDPOINT=http://user:s3cret@collector:4318\nOTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n")
        let other = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=user:s3cret@collector:4318\nOTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n"])
        let all = other.analyze().diagnostics
        XCTAssertEqual(all.filter { $0.ruleID == "OTL205" }.count, 1, "missing scheme found behind the credentials")
        for finding in all {
            let text = [finding.message, finding.why ?? "", finding.help ?? ""] + finding.related.map(\.message)
            XCTAssertFalse(text.joined().contains("s3cret"), finding.message)
        }
    }

    func testIPv6LoopbackPortMismatch() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://[::1]:4318\nOTEL_EXPORTER_OTLP_PROTOCOL=grpc\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 42))
    }
}
