import OTLintCore
import OTLintYAML
@testable import OTLintConfigRules
import XCTest

/// How a compose file's YAML documents and keys are read: every `---` document, merged in order as Compose does;
/// a key written twice refused once, as Compose refuses it; a named YAML file that is no compose file skipped.
final class ComposeDocumentTests: XCTestCase {
    // MARK: several documents

    /// Compose (compose-go since v1.18.3, `loader.loadYamlFile`) reads every document of a file and merges each
    /// over the ones before, like override files: `environment` per variable, `env_file` appended.
    func testEveryDocumentIsReadAndMergedInOrder() throws {
        let project = try TestProject([
            "compose.yaml": """
            services:
              api:
                image: example/api:1
                environment:
                  OTEL_SERVICE_NAME: api
                  OTEL_TRACES_SAMPLER: always_on
            ---
            services:
              api:
                environment:
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://localhost:4318
                  OTEL_TRACES_SAMPLER: parentbased_traceidratio
              worker:
                image: example/worker:1

            """,
        ])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors, [])
        // The endpoint is only in the second document: its finding proves the document is read.
        let unreachable = result.diagnostics.filter { $0.ruleID == "OTL206" }
        XCTAssertEqual(unreachable.map(\.location.start.line), [11], "\(result.diagnostics.map(\.message))")
        let file = try XCTUnwrap(project.project().composeFiles.first)
        XCTAssertEqual(file.services.map(\.name), ["api", "worker"])
        let api = try XCTUnwrap(file.service(named: "api"))
        XCTAssertEqual(api.image?.text, "example/api:1")
        // The later document wins per variable, and the overridden value is gone, as in Compose.
        XCTAssertEqual(api.environment.map(\.key).sorted(), ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_TRACES_SAMPLER"])
        XCTAssertEqual(api.environment.first { $0.key == "OTEL_TRACES_SAMPLER" }?.template, "parentbased_traceidratio")
        XCTAssertEqual(result.diagnostics.filter { $0.ruleID == "OTL004" }.map(\.message), [])
    }

    func testATrailingSeparatorAndEmptyDocumentsAreFine() throws {
        let (compose, errors) = ComposeParser.parse(SourceFile(path: "compose.yaml", text: "---\nservices:\n  api:\n    image: a\n---\n"))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(compose?.services.map(\.name), ["api"])
    }

    func testALaterDocumentThatIsNoMappingIsAnError() throws {
        let (compose, errors) = ComposeParser.parse(SourceFile(path: "compose.yaml", text: "services:\n  api:\n    image: a\n---\n- a list\n"))
        XCTAssertEqual(compose?.services.map(\.name), ["api"])
        XCTAssertEqual(errors.map(\.oneLine), ["compose.yaml:5:1: error: a compose file must be a mapping (with `services:`), found a list"])
    }

    // MARK: duplicated keys

    func testADuplicatedServiceIsOneInputErrorAndNoOTL004() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              api:
                image: a
                environment:
                  OTEL_SERVICE_NAME: api
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
              api:
                image: b
                environment:
                  OTEL_SERVICE_NAME: api2
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
              collector:
                image: otel/opentelemetry-collector:0.115.0

            """,
        ])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors.map { $0.oneLine.replacingOccurrences(of: project.root + "/", with: "") }, [
            "docker-compose.yml:7:3: error: `api` is written twice in `services` (first at line 2): Compose refuses the file (mapping key \"api\" already defined); keep one",
        ])
        XCTAssertEqual(result.diagnostics.filter { $0.ruleID == "OTL004" }.map(\.message), [])
        // The first definition is the one checked.
        XCTAssertEqual(project.project().composeFiles.first?.service(named: "api")?.image?.text, "a")
    }

    func testAnyDuplicatedKeyOfTheFileIsRefusedOnce() throws {
        let text = """
        services:
          api:
            image: a
            image: b
        networks:
          default: {}
          default: {}

        """
        let (_, errors) = ComposeParser.parse(SourceFile(path: "compose.yaml", text: text))
        XCTAssertEqual(errors.map(\.oneLine), [
            "compose.yaml:4:5: error: `image` is written twice in `services.api` (first at line 3): Compose refuses the file (mapping key \"image\" already defined); keep one",
            "compose.yaml:7:3: error: `default` is written twice in `networks` (first at line 6): Compose refuses the file (mapping key \"default\" already defined); keep one",
        ])
    }

    func testADuplicatedEnvironmentKeyStaysAnOTL004Finding() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    image: a\n    environment:\n      OTEL_SERVICE_NAME: a\n      OTEL_SERVICE_NAME: b\n",
        ])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors, [])
        XCTAssertEqual(result.diagnostics.filter { $0.ruleID == "OTL004" }.count, 1)
    }

    // MARK: named YAML files that are no compose file

    func testANamedCollectorConfigurationIsReadAsOne() throws {
        let loader = FileLoader()
        let path = NSTemporaryDirectory() + "otlint-pipeline-\(UUID().uuidString).yaml"
        // Endpoint-like values that would be findings in a compose `environment:`.
        try """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: localhost:4317
        exporters:
          otlp:
            endpoint: tempo:4317
        service:
          pipelines:
            traces: {receivers: [otlp], exporters: [otlp]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try loader.load(path).get()
        let result = ConfigAnalyzer().analyze([file], context: AnalysisContext(loader: loader, configuration: Configuration(),
                                                                               rootDirectory: NSTemporaryDirectory(), explicitPaths: [path]))
        XCTAssertEqual(result.inputErrors, [])
        XCTAssertEqual(result.diagnostics.map(\.ruleID), [])
        // Read by the collector reader instead: checked, with no notice.
        XCTAssertEqual(result.uncheckedFiles, [])
        XCTAssertEqual(result.notices.map(\.message), [])
    }

    func testTopLevelKeysDecideTheKindOfANamedYAMLFile() throws {
        func kind(_ text: String) throws -> YAMLInputKind {
            let root = try XCTUnwrap(YAMLParser.parse(SourceFile(path: "x.yaml", text: text)).first?.root)
            return YAMLInputKind.of(root)
        }
        XCTAssertEqual(try kind("receivers: {}\nexporters: {}\n"), .collector)
        XCTAssertEqual(try kind("extensions: {}\nservice: {}\n"), .collector)
        XCTAssertEqual(try kind("file_format: \"0.4\"\ntracer_provider: {}\n"), .sdkConfiguration)
        XCTAssertEqual(try kind("apiVersion: v1\nkind: ConfigMap\n"), .kubernetes)
        XCTAssertEqual(try kind("services: {}\nreceivers: {}\n"), .compose)
        // `service` alone is a word many files use: not enough to call a file a collector configuration.
        XCTAssertEqual(try kind("service: api\nport: 80\n"), .unknown(keys: ["service", "port"]))
    }

    func testAComposeFileUnderAnyNameIsStillChecked() throws {
        let (compose, errors) = ComposeParser.parse(SourceFile(path: "stack.yml", text: "name: shop\nnetworks: {}\n"))
        XCTAssertEqual(errors, [])
        XCTAssertNotNil(compose)
    }

    func testAHelmTemplateNamedLikeAConfigurationIsSkippedWithANotice() throws {
        let template = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-otelcol\n  labels:\n    {{- include \"chart.labels\" . | nindent 4 }}\nspec: {}\n"
        let project = try TestProject(["templates/otelcol-deployment.yaml": template, "templates/docker-compose.yml": template])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors, [])
        XCTAssertEqual(result.notices.map { ConfigPaths.fileName($0.path) }.sorted(), ["docker-compose.yml", "otelcol-deployment.yaml"])
        XCTAssertTrue(result.notices.allSatisfy { $0.message.hasPrefix("a template (`{{ … }}`") }, "\(result.notices)")
        // Invalid YAML without template markers stays an input error.
        let broken = try TestProject(["docker-compose.yml": "services:\n  api:\n    image: [unclosed\n"])
        XCTAssertEqual(broken.analyze().inputErrors.count, 1)
    }
}
