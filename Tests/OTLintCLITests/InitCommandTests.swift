import Foundation
import XCTest

/// `otlint init`: a starting `.otlint.yml` from the files of a project, that otlint then reads.
final class InitCommandTests: XCTestCase {
    private func project() throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        try scratch.write("deploy/prod/app.env", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("deploy/prod-eu/app.env", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("deploy/staging/app.env", "OTEL_SERVICE_NAME=api\n")
        // A file whose own name says production inside a staging folder: the folder is not pinned, or the file's
        // tier would change.
        try scratch.write("deploy/staging/.env.production", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("docker-compose.prod.yml", "services:\n  api:\n    image: example/api:1.0\n")
        try scratch.write("docker-compose.yml", "services:\n  api:\n    image: example/api:1.0\n")
        try scratch.write(".env.staging", "OTEL_SERVICE_NAME=api\n")
        // A service whose name holds a tier word says nothing about its tier.
        try scratch.write("services/local-search/app.env", "OTEL_SERVICE_NAME=search\n")
        // A team folder with a configuration of its own is left to it.
        try scratch.write("services/billing/.otlint.yml", "ignore: [OTL001]\n")
        try scratch.write("services/billing/deploy/prod/app.env", "OTEL_SERVICE_NAME=billing\n")
        try scratch.write("third_party/collector/otel.env", "OTEL_PROPAGATOR=b3\n")
        try scratch.write("tools/testdata/broken.env", "OTEL_PROPAGATOR=b3\n")
        try scratch.write("README.md", "not checked\n")
        return scratch
    }

    func testWritesTiersByNameAndExcludesVendoredFoldersWithTheirReasons() throws {
        let scratch = try project()
        let result = try OTLintBinary.run(["init"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try scratch.read(".otlint.yml"), """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/otlint/otlint/main/Schemas/otlint-config.schema.json
            # Written by `otlint init` from the 10 files otlint checks here. Every setting: `otlint config --schema`.
            exclude:
              - "third_party/**"  # `third_party/` looks vendored
              - "tools/testdata/**"  # `testdata/` looks like test data
            # These patterns outrank `deployment.environment.name` in OTEL_RESOURCE_ATTRIBUTES.
            environments:
              production:
                - ".env.production"  # the file name `.env.production`
                - "docker-compose.prod.yml"  # the file name `docker-compose.prod.yml`
                - "deploy/prod/**"  # the folder `prod/`
                - "deploy/prod-eu/**"  # the folder `prod-eu/`
              non-production:
                - ".env.staging"  # the file name `.env.staging`

            """)
        XCTAssertTrue(result.stdout.hasPrefix("Wrote .otlint.yml from 10 files:\n  production:\n    .env.production  (the file name `.env.production`)\n"), result.stdout)
        // otlint reads what it wrote: the vendored copies' misspellings are no longer walked, and no file changed tier.
        let check = try OTLintBinary.run(["check", "--quiet", "."], in: scratch.path)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let settings = try OTLintBinary.run(["check", "--show-settings", "deploy/staging/.env.production"], in: scratch.path)
        XCTAssertTrue(settings.stdout.contains("# This file is production: it matches `.env.production`."), settings.stdout)
    }

    func testAFolderBelowAConfigurationExtendsIt() throws {
        let scratch = try project()
        try scratch.write(".otlint.yml", "ignore: [OTL303]\n")
        let result = try OTLintBinary.run(["init", "services/local-search"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try scratch.read("services/local-search/.otlint.yml"), """
            # yaml-language-server: $schema=https://raw.githubusercontent.com/otlint/otlint/main/Schemas/otlint-config.schema.json
            # Written by `otlint init` from the 1 file otlint checks here. Every setting: `otlint config --schema`.
            extend: ../../.otlint.yml  # the configuration above this folder
            # No file or folder name says production or not; name them under `environments:` (or use --environment).

            """)
        // Nothing it writes overrides what it inherits.
        let settings = try OTLintBinary.run(["check", "--show-settings", "services/local-search/app.env"], in: scratch.path)
        XCTAssertTrue(settings.stdout.contains("# From services/local-search/.otlint.yml, which extends .otlint.yml.\nselect: [ALL]\nignore: [OTL303]\n"), settings.stdout)
    }

    func testNeverReplacesAConfigurationUnlessForced() throws {
        let scratch = try project()
        try scratch.write(".otlint.yaml", "ignore: [OTL001]\n")
        let refused = try OTLintBinary.run(["init"], in: scratch.path)
        XCTAssertEqual(refused.status, 2)
        // Either name counts: a new `.otlint.yml` would silently take the place of `.otlint.yaml`.
        XCTAssertTrue(refused.stderr.contains("error: .otlint.yaml already exists; `otlint init --force` replaces it"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/.otlint.yml"))
        let printed = try OTLintBinary.run(["init", "--stdout"], in: scratch.path)
        XCTAssertEqual(printed.status, 0)
        XCTAssertTrue(printed.stdout.contains("    - \"deploy/prod-eu/**\"  # the folder `prod-eu/`\n"), printed.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/.otlint.yml"))
        let forced = try OTLintBinary.run(["init", "--force"], in: scratch.path)
        XCTAssertEqual(forced.status, 0)
        XCTAssertTrue(try scratch.read(".otlint.yaml").contains("  production:\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/.otlint.yml"))
    }

    func testAProjectWithoutTierNamesSaysSo() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("service/docker-compose.yml", "services:\n  api:\n    image: example/api:1.0\n")
        let result = try OTLintBinary.run(["init", "service"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("no file or folder name tells a tier, and nothing looks vendored"), result.stdout)
        let written = try scratch.read("service/.otlint.yml")
        XCTAssertTrue(written.hasSuffix("here. Every setting: `otlint config --schema`.\n# No file or folder name says production or not; name them under `environments:` (or use --environment).\n"), written)
    }

    func testFilesThatNameTheirOwnEnvironmentAreNeverCovered() throws {
        let scratch = try ScratchDirectory()
        // otlint reads `deployment.environment.name` before names; a pattern would outrank it.
        try scratch.write("deploy/prod/app.env", "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=staging\n")
        try scratch.write("deploy/prod/worker.env", "OTEL_SERVICE_NAME=worker\n")
        try scratch.write("live/.env.production", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("k8s/.env.production", "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=qa\n")
        let result = try OTLintBinary.run(["init", "--stdout"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        // Neither `deploy/prod/**` nor `.env.production` (another file of that name says qa), and nothing else.
        XCTAssertTrue(result.stdout.hasSuffix("# No file or folder name says production or not; name them under `environments:` (or use --environment).\n"), result.stdout)
    }
}
