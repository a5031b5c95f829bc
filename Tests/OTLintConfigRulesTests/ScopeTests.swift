import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class ScopeTests: XCTestCase {
    func testPrecedenceInterpolationAndOrigins() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              api:
                env_file: [base.env, override.env]
                environment:
                  OTEL_SERVICE_NAME: api
                  OTEL_TRACES_SAMPLER: ${SAMPLER}
                  OTEL_EXPORTER_OTLP_ENDPOINT: ${ENDPOINT:-http://collector:4318}
                  UNKNOWN: ${NOT_DEFINED}
                  OTEL_LOG_LEVEL:

            """,
            ".env": "SAMPLER=always_on\n",
            "base.env": "OTEL_SERVICE_NAME=base\nOTEL_PROPAGATORS=b3\nSHARED=base\n",
            "override.env": "SHARED=override\nOTEL_PROPAGATORS=\n",
        ])
        let model = project.project()
        XCTAssertEqual(model.scopes.count, 1, "the .env and env_files are not scopes of their own")
        let scope = try XCTUnwrap(model.scopes.first)
        XCTAssertEqual(scope.setting("OTEL_SERVICE_NAME")?.value, "api")
        XCTAssertEqual(scope.allDefinitions("OTEL_SERVICE_NAME").count, 2)
        XCTAssertEqual(scope.definition("SHARED")?.value, "override")
        XCTAssertNil(scope.setting("OTEL_PROPAGATORS"), "an empty value unsets the variable")
        let sampler = try XCTUnwrap(scope.setting("OTEL_TRACES_SAMPLER"))
        XCTAssertEqual(sampler.value, "always_on")
        XCTAssertTrue(sampler.valueLocation.path.hasSuffix("/.env"), "points at the .env line")
        XCTAssertEqual(sampler.valueLocation.start, LineColumn(line: 1, column: 9))
        XCTAssertEqual(sampler.valueRelated.first?.location.start.line, 6)
        let endpoint = try XCTUnwrap(scope.setting("OTEL_EXPORTER_OTLP_ENDPOINT"))
        XCTAssertEqual(endpoint.value, "http://collector:4318")
        XCTAssertEqual(endpoint.valueLocation.start, LineColumn(line: 7, column: 48), "points at the default text")
        XCTAssertNotNil(scope.definition("UNKNOWN"))
        XCTAssertNil(scope.definition("UNKNOWN")?.value)
        XCTAssertNil(scope.definition("OTEL_LOG_LEVEL")?.value)
    }

    func testStandaloneEnvFilesAndMissingEnvFile() throws {
        let project = try TestProject([
            "app/.env": "OTEL_SERVICE_NAME=app\n",
            "deploy/docker-compose.yml": "services:\n  api:\n    env_file: missing.env\n  web:\n    env_file:\n      - path: optional.env\n        required: false\n",
            "deploy/.env": "X=1\n",
        ])
        let result = project.analyze()
        // Missing env files are often generated or kept out of git: a notice, not an input error.
        XCTAssertEqual(result.inputErrors.count, 0)
        XCTAssertEqual(result.notices.map(\.position), [LineColumn(line: 3, column: 15)])
        let model = project.project()
        XCTAssertEqual(model.scopes.map(\.displayName).sorted(), ["`.env`", "service `api`", "service `web`"])
    }

    func testTierEvidence() throws {
        let project = try TestProject([
            "docker-compose.prod.yml": "services:\n  api:\n    environment:\n      A: b\n",
            ".env.staging": "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production\n",
            ".env.example": "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production\n",
            "prod/app.env": "A=1\n",
        ])
        let scopes = Dictionary(uniqueKeysWithValues: project.project().scopes.map { ($0.displayName, $0) })
        XCTAssertEqual(scopes["service `api`"]?.tier.tier, .production)
        XCTAssertEqual(scopes["`.env.staging`"]?.tier.tier, .production, "resource attributes beat file names")
        XCTAssertNotNil(scopes["`.env.staging`"]?.tier.evidence?.location)
        XCTAssertEqual(scopes["`.env.example`"]?.isTemplate, true)
        XCTAssertEqual(scopes["`.env.example`"]?.tier.tier, .nonProduction)
        XCTAssertEqual(scopes["`app.env`"]?.tier.tier, .production)
        var configuration = Configuration()
        configuration.forcedTier = .nonProduction
        let loader = FileLoader()
        let files = project.paths.compactMap { try? loader.load($0).get() }
        let forced = ConfigAnalyzer.buildProject(files, context: AnalysisContext(loader: loader, configuration: configuration, rootDirectory: project.root)).0
        XCTAssertEqual(forced.scopes.count, project.project().scopes.count)
        XCTAssertTrue(forced.scopes.allSatisfy { $0.tier.tier == .nonProduction || $0.isTemplate })
    }
}

final class AnalyzerTests: XCTestCase {
    func testSharedEnvFileFindingIsReportedOnce() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  a:\n    env_file: otel.env\n  b:\n    env_file: otel.env\n",
            "otel.env": "OTEL_SERVICENAME=x\nOTEL_SDK_DISABLED=1\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL001").count, 1)
        XCTAssertEqual(project.diagnostics("OTL002").count, 1)
    }

    func testDisabledRulesDoNotRun() throws {
        let project = try TestProject([".env": "OTEL_SERVICENAME=x\n"])
        var configuration = Configuration()
        configuration.ignore = ["OTL001"]
        XCTAssertEqual(project.diagnostics("OTL001", configuration: configuration).count, 0)
    }

    func testServiceNameFromJavaSystemProperty() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nJAVA_TOOL_OPTIONS=-javaagent:/a.jar -Dotel.service.name=app\n"])
        XCTAssertEqual(project.diagnostics("OTL301").count, 0)
    }

    func testRandomComposeInputNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("services:\n  api:\n    environment:\n      - A=${B:-c}\n    env_file: [x]\n<<: *a &a []{}'\"#$".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let source = SourceFile(path: "docker-compose.yml", bytes: bytes)
            _ = ComposeParser.parse(source)
            let loader = FileLoader()
            _ = ConfigAnalyzer().analyze([source], context: AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: "/nonexistent"))
        }
    }
}
