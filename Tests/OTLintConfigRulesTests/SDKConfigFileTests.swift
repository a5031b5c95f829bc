import OTLintCore
import OTLintYAML
@testable import OTLintConfigRules
import XCTest

/// The SDK configuration file: its reader, OTL805 (the file against its `file_format`'s schema and the substitution
/// syntax) and OTL806 (settings ignored beside `OTEL_CONFIG_FILE`).
final class SDKConfigFileTests: XCTestCase {
    func positions(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\(ConfigPaths.fileName($0.location.path)):\($0.location.start.line):\($0.location.start.column)" }
    }

    let pipeline = """
    tracer_provider:
      processors:
        - batch:
            exporter:
              otlp_http:
                endpoint: http://collector:4318/v1/traces

    """

    func testTheFileFormatMustBeALiteralTheParsersAccept() throws {
        let missing = try TestProject(["otel-config.yaml": "file_format:\n" + pipeline])
        XCTAssertEqual(positions(missing.diagnostics("OTL805")), ["otel-config.yaml:1:1"])
        let release = try TestProject(["otel-config.yaml": "file_format: \"1.0.0-rc.3\"\n" + pipeline])
        XCTAssertEqual(positions(release.diagnostics("OTL805")), ["otel-config.yaml:1:14"])
        XCTAssertEqual(release.diagnostics("OTL805").map(\.severity), [.warning], "C++ reads the first two numbers, Java refuses it")
        try release.assertFix("OTL805", file: "otel-config.yaml", becomes: "file_format: \"1.0-rc.3\"\n" + pipeline)
        for accepted in ["1.0", "1.1", "1.0-rc.2", "0.4"] {
            XCTAssertEqual(try TestProject(["otel-config.yaml": "file_format: \"\(accepted)\"\n" + pipeline]).diagnostics("OTL805"), [], accepted)
        }
        let garbage = try TestProject(["otel-config.yaml": "file_format: \"one\"\n" + pipeline])
        XCTAssertEqual(garbage.diagnostics("OTL805").map(\.severity), [.error])
        // A telemetry schema shares `file_format` and is no SDK configuration.
        let schema = try TestProject(["schema.yaml": "file_format: 1.1.0\nschema_url: https://opentelemetry.io/schemas/1.1.0\nversions:\n  1.1.0: {}\n"])
        XCTAssertEqual(schema.analyze().diagnostics.map(\.message), [])
        XCTAssertTrue(SDKConfigFile.isAcceptedLiteral("1.0-rc.3"))
        XCTAssertFalse(SDKConfigFile.isAcceptedLiteral("1.0.0"))
        XCTAssertFalse(SDKConfigFile.isAcceptedLiteral("1.0-beta"))
    }

    func testTheSchemaOfTheDeclaredFormatJudgesEveryValue() throws {
        let project = try TestProject(["otel-config.yaml": """
        file_format: "1.0"
        disabled: "no"
        tracer_provider:
          processors:
            - batch:
                max_queue_size: 0
                exportr:
                  otlp_http:
                    endpoint: http://collector:4318/v1/traces
            - simple:
                exporter:
                  otlp_grpc:
                    compression: zip
                    endpoint: ${COLLECTOR_ENDPOINT}
        """])
        let found = project.diagnostics("OTL805")
        XCTAssertEqual(found.map(\.message).sorted(), [
            "`disabled` must be `true` or `false`, found `no`",
            "`exportr` is not a key of `tracer_provider.processors[0].batch`; did you mean `exporter`?",
            "`tracer_provider.processors[0].batch.max_queue_size` must be more than 0, found `0`",
            "`tracer_provider.processors[0].batch` needs `exporter`",
        ])
        XCTAssertEqual(positions(found).sorted(), ["otel-config.yaml:2:11", "otel-config.yaml:5:7", "otel-config.yaml:6:25", "otel-config.yaml:7:9"])
        XCTAssertEqual(Set(found.map(\.severity)), [.warning], "not every SDK validates the file against the schema")
    }

    func testEachFormatHasItsOwnSchema() throws {
        let exporter = "meter_provider:\n  readers:\n    - pull:\n        exporter:\n          prometheus/development:\n            without_scope_info: true\n"
        XCTAssertEqual(try TestProject(["otel-config.yaml": "file_format: \"1.0\"\n" + exporter]).diagnostics("OTL805"), [])
        let renamed = try TestProject(["otel-config.yaml": "file_format: \"1.1\"\n" + exporter]).diagnostics("OTL805")
        XCTAssertEqual(positions(renamed), ["otel-config.yaml:7:13"])
    }

    func testSubstitutionsTheSDKDoesNotMake() throws {
        let project = try TestProject(["otel-config.yaml": "file_format: \"1.0\"\nresource:\n  attributes:\n    - name: service.name\n      value: $SERVICE\n    - name: ${KEY}\n      value: ${1BAD}\n"])
        let found = project.diagnostics("OTL805")
        XCTAssertEqual(positions(found), ["otel-config.yaml:5:14", "otel-config.yaml:7:14"])
        XCTAssertEqual(found.map(\.severity), [.warning, .error])
    }

    func testAFileThatIsNoMappingIsAnInputError() throws {
        let result = try TestProject(["otel-config.yaml": "- file_format: \"1.0\"\n"]).analyze()
        XCTAssertEqual(result.inputErrors, [])  // found by walking, a list is no SDK configuration file: not read
        let named = try TestProject(["otel.yaml": "[file_format]\n"])
        let loader = FileLoader()
        let source = try loader.load(named.root + "/otel.yaml").get()
        let (file, errors) = SDKConfigFile.read(source, documents: try YAMLParser.parse(source))
        XCTAssertNil(file)
        XCTAssertEqual(errors.map(\.message), ["an SDK configuration file must be a mapping (with `file_format`), found a list"])
    }

    func compose(_ environment: String, volumes: Bool = true) -> String {
        "services:\n  api:\n    image: python:3.12-slim\n" + (volumes ? "    volumes:\n      - ./otel-config.yaml:/etc/otel/config.yaml:ro\n" : "")
            + "    environment:\n      OTEL_CONFIG_FILE: /etc/otel/config.yaml\n" + environment
    }

    func testVariablesBesideTheFileAreIgnoredUnlessItReferencesThem() throws {
        let file = "file_format: \"1.0\"\nresource:\n  attributes:\n    - name: service.name\n      value: ${OTEL_SERVICE_NAME}\n    - name: team\n      value: ${TEAM}\n"
        let project = try TestProject(["docker-compose.yml": compose("      OTEL_SERVICE_NAME: api\n      OTEL_TRACES_SAMPLER: always_on\n      OTEL_PYTHON_LOG_CORRELATION: \"true\"\n"),
                                       "otel-config.yaml": file])
        XCTAssertEqual(positions(project.diagnostics("OTL806")), ["docker-compose.yml:9:7"])
        // Where the language is unknown (or Node.js, whose SDK still reads some variables), they are not judged.
        let unknown = try TestProject(["docker-compose.yml": compose("      OTEL_TRACES_SAMPLER: always_on\n").replacingOccurrences(of: "python:3.12-slim", with: "registry.example.com/api:1"),
                                       "otel-config.yaml": file])
        XCTAssertEqual(unknown.diagnostics("OTL806"), [])
        // The `service` resource detector reads `OTEL_SERVICE_NAME`.
        let detected = try TestProject(["docker-compose.yml": compose("      OTEL_SERVICE_NAME: api\n"),
                                        "otel-config.yaml": "file_format: \"1.0\"\nresource:\n  detection/development:\n    detectors:\n      - service:\n"])
        XCTAssertEqual(detected.diagnostics("OTL806"), [])
        // `${TEAM}` has no default and the service does not set it.
        let unresolved = project.diagnostics("OTL805")
        XCTAssertEqual(positions(unresolved), ["otel-config.yaml:7:14"])
        XCTAssertEqual(unresolved.first?.severity, .warning)
    }

    func testTheDeprecatedNameIsRenamedAndAnUnmountedFileIsReported() throws {
        let deprecated = try TestProject([".env": "OTEL_EXPERIMENTAL_CONFIG_FILE=otel-config.yaml\nOTEL_SERVICE_NAME=api\n", "otel-config.yaml": "file_format: \"1.0\"\n"])
        XCTAssertEqual(positions(deprecated.diagnostics("OTL806")), [".env:1:1"])
        XCTAssertEqual(deprecated.diagnostics("OTL806").first?.fix?.applicability, .unsafe)
        XCTAssertEqual(deprecated.diagnostics("OTL806").first?.severity, .info, "whether the SDK reads the new name depends on its release")
        try deprecated.assertFix("OTL806", file: ".env", becomes: "OTEL_CONFIG_FILE=otel-config.yaml\nOTEL_SERVICE_NAME=api\n")
        let unmounted = try TestProject(["docker-compose.yml": compose("", volumes: false).replacingOccurrences(of: "python:3.12-slim", with: "registry.example.com/api:1")])
        XCTAssertEqual(positions(unmounted.diagnostics("OTL806")), ["docker-compose.yml:5:25"])
        // An image built here may copy the file in.
        let built = try TestProject(["docker-compose.yml": compose("", volumes: false).replacingOccurrences(of: "image: python:3.12-slim", with: "build: ./api")])
        XCTAssertEqual(built.diagnostics("OTL806"), [])
    }

    func testTheFilesValuesAreJudgedByTheSettingsRulesWhereTheyAreWritten() throws {
        let project = try TestProject(["deploy/otel-config.yaml": """
        file_format: "1.0"
        resource:
          attributes:
            - name: deployment.environment.name
              value: production
        tracer_provider:
          sampler:
            parent_based:
              root:
                always_on:
          processors:
            - batch:
                exporter:
                  otlp_http:
                    endpoint: http://collector:4317/v1/traces
        meter_provider:
          readers:
            - periodic:
                exporter:
                  otlp_http:
                    endpoint: http://collector:4318
        """])
        XCTAssertEqual(positions(project.diagnostics("OTL203")), ["otel-config.yaml:15:40"])
        XCTAssertEqual(project.diagnostics("OTL203").first?.help, "use port 4318, or use the `otlp_grpc` exporter if port 4317 is right")
        XCTAssertEqual(positions(project.diagnostics("OTL204")), ["otel-config.yaml:21:23"])
        let sampling = project.diagnostics("OTL101")
        XCTAssertEqual(positions(sampling), ["otel-config.yaml:10:9"])
        XCTAssertTrue(sampling.first?.why?.contains("`deployment.environment.name=production`") == true, sampling.first?.why ?? "")
        try project.assertFix("OTL204", file: "deploy/otel-config.yaml", becomes: try project.read("deploy/otel-config.yaml")
            .replacingOccurrences(of: "collector:4318", with: "collector:4318/v1/metrics"))
    }
}
