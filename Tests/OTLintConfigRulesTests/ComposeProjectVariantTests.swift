import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class ComposeProjectVariantTests: XCTestCase {
    /// A file beside the base that Compose could run on its own, and whose name names no tier, is an alternative
    /// (`-f docker-compose-lambda.yml` alone): never merged with the base. A file with a service that has no image
    /// or build is a fragment and is merged.
    func testAlternativeFilesAreNotMergedWithTheBaseButFragmentsAre() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    image: example/api:1.0\n    environment:\n      OTEL_SERVICE_NAME: api\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n",
            "docker-compose-lambda.yml": "services:\n  api:\n    image: example/api-lambda:1.0\n    environment:\n      OTEL_RESOURCE_ATTRIBUTES: service.name=api-lambda\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n",
            "docker-compose.debug.yml": "services:\n  api:\n    environment:\n      OTEL_LOG_LEVEL: debug\n",
            // Complete services, but one depends on a service only the base defines: Compose refuses it alone.
            "docker-compose-extra.yml": "services:\n  worker:\n    image: example/worker:1.0\n    depends_on: [api]\n",
        ])
        let variants = project.project().composeVariants(inFolder: project.root)
        XCTAssertEqual(Set(variants.map { $0.files.map { ConfigPaths.fileName($0.source.path) } }),
                       [["docker-compose.yml"], ["docker-compose-lambda.yml"], ["docker-compose.yml", "docker-compose.debug.yml"],
                        ["docker-compose.yml", "docker-compose-extra.yml"]])
        XCTAssertEqual(project.diagnostics("OTL304").map(\.message), [], "the two names are never set for one process")
    }

    func testATierOverlayOfAnotherFileOverlaysThatFile() throws {
        let collector = "services:\n  otel-collector:\n    image: otel/opentelemetry-collector-contrib:0.115.0\n    ports: [\"55679:55679\"]\n"
        let project = try TestProject([
            "docker-compose.yml": collector,
            "docker-compose.services.yml": "services:\n  api:\n    image: example/api:1.0\n",
            "docker-compose.services.prod.yml": "services:\n  api:\n    environment: {OTEL_SERVICE_NAME: api}\n",
        ])
        let variants = project.project().composeVariants(inFolder: project.root)
        XCTAssertTrue(variants.contains { $0.files.map { ConfigPaths.fileName($0.source.path) } == ["docker-compose.services.yml", "docker-compose.services.prod.yml"] })
        XCTAssertFalse(variants.contains { $0.files.map { ConfigPaths.fileName($0.source.path) } == ["docker-compose.yml", "docker-compose.services.prod.yml"] },
                       "the collector of `docker-compose.yml` does not run in production")
        XCTAssertEqual(ComposeFileRoles.overlaidFileName("docker-compose.prod.yml"), nil, "the base overlay keeps its rule")
    }

    func testBaseWithOverrideAndEnvironmentFileVariants() throws {
        let project = try TestProject([
            "deploy/docker-compose.yml": """
            services:
              api:
                image: example/api:1.0
                env_file: [common.env]
                environment:
                  OTEL_SERVICE_NAME: api
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
              collector:
                image: otel/opentelemetry-collector-contrib:0.115.0

            """,
            "deploy/docker-compose.override.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317\n",
            "deploy/docker-compose.prod.yml": "services:\n  api:\n    image: example/api:2.0\n    env_file: [prod.env]\n  worker:\n    image: example/worker:1.0\n",
            "deploy/common.env": "OTEL_PROPAGATORS=tracecontext\nOTEL_SERVICE_NAME=from-env-file\n",
            "deploy/prod.env": "OTEL_PROPAGATORS=b3\n",
        ])
        let model = project.project()
        let variants = model.composeVariants(inFolder: project.root + "/deploy")
        XCTAssertEqual(variants.map { $0.files.map { ConfigPaths.fileName($0.source.path) } },
                       [["docker-compose.yml", "docker-compose.override.yml"], ["docker-compose.yml", "docker-compose.prod.yml"]])
        let development = try XCTUnwrap(variants[0].service(named: "api"))
        XCTAssertEqual(development.layers.count, 2)
        // environment: merges by variable, the later file wins and keeps its origin.
        let endpoint = try XCTUnwrap(development.scope.setting("OTEL_EXPORTER_OTLP_ENDPOINT"))
        XCTAssertEqual(endpoint.value, "http://collector:4317")
        XCTAssertTrue(endpoint.file.path.hasSuffix("docker-compose.override.yml"))
        // environment: beats env_file whatever the file order.
        XCTAssertEqual(development.scope.setting("OTEL_SERVICE_NAME")?.value, "api")

        let production = try XCTUnwrap(variants[1].service(named: "api"))
        XCTAssertEqual(production.image?.text, "example/api:2.0", "scalars override")
        // env_file lists append: prod.env after common.env.
        XCTAssertEqual(production.scope.setting("OTEL_PROPAGATORS")?.value, "b3")
        XCTAssertTrue(production.scope.setting("OTEL_PROPAGATORS")?.file.path.hasSuffix("prod.env") == true)
        XCTAssertEqual(production.scope.tier.tier, .production, "the environment file's name decides the tier")
        XCTAssertEqual(variants[1].services.map(\.name), ["api", "collector", "worker"])
        XCTAssertEqual(model.composeVariants(including: project.root + "/deploy/docker-compose.prod.yml").count, 1)
    }

    func testFolderWithoutBaseFileKeepsEachFileAlone() throws {
        let project = try TestProject([
            "compose.dev.yaml": "services:\n  a:\n    image: x\n",
            "compose.prod.yaml": "services:\n  a:\n    image: y\n",
        ])
        let variants = project.project().composeVariants(inFolder: project.root)
        XCTAssertEqual(variants.map(\.files.count), [1, 1])
    }

    func testImageReferences() throws {
        let plain = try XCTUnwrap(ImageReference("jaegertracing/all-in-one:1.46"))
        XCTAssertEqual(plain.repository, "jaegertracing/all-in-one")
        XCTAssertEqual(plain.version, SemanticVersion([1, 46, 0]))
        let registry = try XCTUnwrap(ImageReference("localhost:5000/jaegertracing/jaeger"))
        XCTAssertEqual(registry.registry, "localhost:5000")
        XCTAssertEqual(registry.repository, "jaegertracing/jaeger")
        XCTAssertNil(registry.tag)
        XCTAssertTrue(registry.isLatest)
        let digest = try XCTUnwrap(ImageReference("quay.io/jaegertracing/all-in-one@sha256:abcdef"))
        XCTAssertEqual(digest.repository, "jaegertracing/all-in-one")
        XCTAssertFalse(digest.isLatest)
        XCTAssertNil(digest.version)
        XCTAssertEqual(ImageReference("docker.io/library/redis:7-alpine")?.repository, "redis")
        XCTAssertEqual(ImageReference("jaegertracing/all-in-one:v1.57.0-alpine")?.version, SemanticVersion([1, 57]))
        XCTAssertNil(ImageReference("jaegertracing/all-in-one:latest")?.version)
        XCTAssertNil(ImageReference("${JAEGER_IMAGE}"))
        XCTAssertTrue(SemanticVersion([1, 45, 9]) < SemanticVersion([1, 46]))
    }
}

final class MergedScopeRuleTests: XCTestCase {
    func testSettingsSplitOverBaseAndEnvironmentFileAreJudgedTogether() throws {
        // The exporter is configured in the base file, the production sampler in the environment file: only the
        // merged service is both production and exporting.
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    image: example/api:1\n    environment:\n      OTEL_SERVICE_NAME: api\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n  collector:\n    image: otel/opentelemetry-collector:0.115.0\n",
            "docker-compose.prod.yml": "services:\n  api:\n    environment:\n      OTEL_TRACES_SAMPLER: always_on\n",
        ])
        let diagnostics = project.diagnostics("OTL101")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics.first?.location.path.hasSuffix("docker-compose.prod.yml") == true)
        XCTAssertTrue(diagnostics.first?.why?.contains("docker-compose.prod.yml") == true, "the variant's file name is the evidence")
        XCTAssertEqual(project.diagnostics("OTL301").map(\.message), [])
    }
}
