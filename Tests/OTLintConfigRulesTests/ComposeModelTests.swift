import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class ComposeModelTests: XCTestCase {
    func parse(_ text: String) -> (ComposeFile?, [InputError]) {
        ComposeParser.parse(SourceFile(path: "docker-compose.yml", text: text))
    }

    func testServicesEnvironmentFormsAndFields() throws {
        let text = """
        x-otel: &otel
          OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
        services:
          api:
            image: example/api:1
            build: ./api
            ports: ["8000:8000", {target: 9000, published: 9001}]
            depends_on: [collector]
            hostname: api-host
            container_name: api1
            networks:
              backend:
                aliases: [web]
            environment:
              <<: *otel
              OTEL_SERVICE_NAME: "api"
              EMPTY:
            env_file:
              - common.env
              - path: optional.env
                required: false
            x-team: core
          worker:
            build: {context: ./worker}
            depends_on: {api: {condition: service_started}}
            network_mode: host
            environment:
              - OTEL_SERVICE_NAME=worker
              - FROM_SHELL
            env_file: worker.env

        """
        let (compose, errors) = parse(text)
        XCTAssertEqual(errors, [])
        let file = try XCTUnwrap(compose)
        XCTAssertEqual(file.services.map(\.name), ["api", "worker"])
        XCTAssertEqual(file.extensions.count, 1)
        let api = try XCTUnwrap(file.service(named: "api"))
        XCTAssertEqual(api.image?.text, "example/api:1")
        XCTAssertEqual(api.buildContext?.text, "./api")
        XCTAssertEqual(api.ports.map(\.text), ["8000:8000", "9001"])
        XCTAssertEqual(api.dependsOn.map(\.text), ["collector"])
        XCTAssertEqual(api.hostname?.text, "api-host")
        XCTAssertEqual(api.containerName?.text, "api1")
        XCTAssertEqual(api.networkAliases.map(\.text), ["web"])
        XCTAssertEqual(api.extensions.count, 1)
        XCTAssertEqual(api.environmentStyle, .mapping)
        XCTAssertEqual(api.environment.map(\.key), ["OTEL_SERVICE_NAME", "EMPTY", "OTEL_EXPORTER_OTLP_ENDPOINT"])
        XCTAssertEqual(api.environment[0].template, "api")
        XCTAssertEqual(api.environment[0].valueSite.map { file.source.slice($0.editableRange!) }, "api")
        XCTAssertNil(api.environment[1].template)
        XCTAssertTrue(api.environment[2].isMerged)
        XCTAssertEqual(api.envFiles.map(\.path), ["common.env", "optional.env"])
        XCTAssertEqual(api.envFiles.map(\.required), [true, false])
        let worker = try XCTUnwrap(file.service(named: "worker"))
        XCTAssertEqual(worker.buildContext?.text, "./worker")
        XCTAssertEqual(worker.dependsOn.map(\.text), ["api"])
        XCTAssertEqual(worker.networkMode?.text, "host")
        XCTAssertEqual(worker.environmentStyle, .list)
        XCTAssertEqual(worker.environment.map(\.key), ["OTEL_SERVICE_NAME", "FROM_SHELL"])
        XCTAssertEqual(file.source.slice(worker.environment[0].keyRange), "OTEL_SERVICE_NAME")
        XCTAssertEqual(worker.environment[0].valueSite.map { file.source.slice($0.range) }, "worker")
        XCTAssertNil(worker.environment[1].template)
        XCTAssertEqual(worker.envFiles.map(\.path), ["worker.env"])
    }

    func testStructuralErrorsHavePositions() {
        XCTAssertEqual(parse("- a\n- b\n").1.first?.position, LineColumn(line: 1, column: 1))
        XCTAssertEqual(parse("services: [a]\n").1.first?.position, LineColumn(line: 1, column: 11))
        XCTAssertEqual(parse("services:\n  api: 3\n").1.first?.position, LineColumn(line: 2, column: 8))
        XCTAssertEqual(parse("services:\n  api:\n    environment: 3\n").1.first?.position?.line, 3)
        let invalid = parse("services:\n  api: [\n")
        XCTAssertNil(invalid.0)
        XCTAssertTrue(invalid.1.first?.message.hasPrefix("invalid YAML") == true)
        XCTAssertEqual(parse("").1, [])
    }

    func testFileKinds() {
        XCTAssertEqual(ConfigPaths.kind(of: "deploy/docker-compose.prod.yml"), .compose)
        XCTAssertEqual(ConfigPaths.kind(of: "compose.override.yaml"), .compose)
        XCTAssertEqual(ConfigPaths.kind(of: "compose.yml"), .compose)
        // Any other YAML file is a Kubernetes manifest when its content is one.
        XCTAssertEqual(ConfigPaths.kind(of: "config.yml"), .kubernetes)
        XCTAssertEqual(ConfigPaths.kind(of: "composer.yml"), .kubernetes)
        XCTAssertNil(ConfigPaths.kind(of: ".otlint.yml"))
        XCTAssertEqual(ConfigPaths.kind(of: "docker-compose-dev.yaml"), .compose)
        XCTAssertEqual(ConfigPaths.kind(of: ".env"), .env)
        XCTAssertEqual(ConfigPaths.kind(of: "app/.env.production"), .env)
        XCTAssertEqual(ConfigPaths.kind(of: "otel.env"), .env)
        XCTAssertNil(ConfigPaths.kind(of: "environment.txt"))
        XCTAssertTrue(ConfigPaths.isTemplate(".env.example"))
        XCTAssertTrue(ConfigPaths.isTemplate("sample.env"))
        XCTAssertFalse(ConfigPaths.isTemplate(".env.production"))
    }
}
