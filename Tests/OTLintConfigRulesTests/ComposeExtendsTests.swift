import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// `extends:` is followed as Compose follows it: in the same file or another one, recursively, the extending
/// service's own values winning; a value inherited from another file is reported where that file writes it.
final class ComposeExtendsTests: XCTestCase {
    private func scope(_ project: ConfigProject, service name: String) throws -> EnvironmentScope {
        try XCTUnwrap(project.scopes.first { scope in
            if case .composeService(_, let service) = scope.kind { return service.name == name }
            return false
        }, "no scope for \(name)")
    }

    private func values(_ scope: EnvironmentScope) -> [String: String] {
        var result: [String: String] = [:]
        for definition in scope.definitions { result[definition.name] = definition.value ?? "" }
        return result
    }

    func testSameFileExtendsInBothSpellingsAndRecursively() throws {
        let project = try TestProject([
            "compose.yaml": """
            services:
              base:
                image: example/app:1
                environment:
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
                  OTEL_SERVICE_NAME: base
              api:
                extends: base
                environment:
                  OTEL_SERVICE_NAME: api
              worker:
                extends: {service: api}
              collector:
                image: otel/opentelemetry-collector:0.115.0

            """,
        ])
        XCTAssertEqual(project.analyze().inputErrors, [])
        let model = project.project()
        let api = try scope(model, service: "api")
        XCTAssertEqual(values(api), ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_SERVICE_NAME": "api"])
        // The inherited definition is written in the base service's lines.
        XCTAssertEqual(api.definitions.first { $0.name == "OTEL_EXPORTER_OTLP_ENDPOINT" }?.keyLocation.start.line, 5)
        let worker = try scope(model, service: "worker")
        XCTAssertEqual(values(worker), ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_SERVICE_NAME": "api"])
        XCTAssertEqual(model.composeFiles.first?.service(named: "worker")?.image?.text, "example/app:1")
    }

    func testAnotherFileIsFollowedAndFindingsPointIntoIt() throws {
        let project = try TestProject([
            "compose.yaml": """
            services:
              api:
                image: example/api:1
                extends:
                  file: shared/common.yml
                  service: base
                environment:
                  OTEL_SERVICE_NAME: api

            """,
            "shared/common.yml": """
            services:
              base:
                image: example/app:1
                env_file: base.env
                environment:
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://localhost:4318
                  OTEL_SERVICE_NAME: base

            """,
            "shared/base.env": "OTEL_TRACES_SAMPLER=parentbased_traceidratio\n",
        ])
        let result = project.analyze()
        // `base.env` resolves against the file that names it, as in Compose.
        XCTAssertEqual(result.inputErrors, [])
        let api = try scope(project.project(), service: "api")
        XCTAssertEqual(values(api), [
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://localhost:4318", "OTEL_SERVICE_NAME": "api",
            "OTEL_TRACES_SAMPLER": "parentbased_traceidratio",
        ])
        // `localhost` inside a container: the finding is on the inherited value, in the file that writes it.
        let unreachable = result.diagnostics.filter { $0.ruleID == "OTL206" }
        XCTAssertEqual(unreachable.map { "\(ConfigPaths.fileName($0.location.path)):\($0.location.start.line)" }, ["common.yml:6"])
        // The extending service's own image wins.
        XCTAssertEqual(project.project().composeFiles.first?.service(named: "api")?.image?.text, "example/api:1")
    }

    func testACycleIsOneClearInputError() throws {
        let project = try TestProject([
            "compose.yaml": """
            services:
              a:
                image: x
                extends: b
              b:
                image: x
                extends: {service: a}
              c:
                extends: c

            """,
        ])
        let errors = project.analyze().inputErrors.map { $0.oneLine.replacingOccurrences(of: project.root + "/", with: "") }
        XCTAssertEqual(errors, [
            "compose.yaml:7:24: error: `extends` goes round in a circle: `a` extends `b`, which extends `a`; Compose refuses the file",
            "compose.yaml:9:14: error: `extends` goes round in a circle: `c` extends `c`; Compose refuses the file",
        ])
    }

    func testAMissingBaseIsAnInputError() throws {
        let project = try TestProject([
            "compose.yaml": """
            services:
              api:
                extends: nope
              web:
                extends: {file: missing.yml, service: base}
              other:
                extends: {file: other.yml, service: nope}

            """,
            "other.yml": "services:\n  base:\n    image: x\n",
        ])
        let errors = project.analyze().inputErrors.map { $0.oneLine.replacingOccurrences(of: project.root + "/", with: "") }
        XCTAssertEqual(errors.count, 3, "\(errors)")
        XCTAssertEqual(errors.first, "compose.yaml:3:14: error: service `api` extends `nope`, which `compose.yaml` does not define")
        XCTAssertTrue(errors.contains { $0.hasPrefix("compose.yaml:5:21: error: service `web` extends a service of `missing.yml`, which cannot be read:") }, "\(errors)")
        XCTAssertTrue(errors.contains("compose.yaml:7:41: error: service `other` extends `nope`, which `other.yml` does not define"), "\(errors)")
    }
}
