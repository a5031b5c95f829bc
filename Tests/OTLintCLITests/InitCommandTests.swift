import Foundation
import XCTest

/// `otlint init`: a starting `.otlint.yml` from the files of a project, that otlint then reads.
final class InitCommandTests: XCTestCase {
    private func project() throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        try scratch.write("deploy/prod/app.env", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("deploy/prod-eu/app.env", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("deploy/staging/app.env", "OTEL_SERVICE_NAME=api\n")
        try scratch.write("docker-compose.prod.yml", "services:\n  api:\n    image: example/api:1.0\n")
        try scratch.write("docker-compose.yml", "services:\n  api:\n    image: example/api:1.0\n")
        try scratch.write(".env.staging", "OTEL_SERVICE_NAME=api\n")
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
            # Written by `otlint init` from the 8 files otlint checks here. Every setting: `otlint config --schema`.
            select: [ALL]
            ignore: []
            exclude:
              - "third_party/**"  # `third_party/` looks vendored
              - "tools/testdata/**"  # `testdata/` looks like test data
            environments:
              production:
                - "deploy/prod-eu/**"  # the folder `prod-eu/`
                - "deploy/prod/**"  # the folder `prod/`
                - "docker-compose.prod.yml"  # the file name `docker-compose.prod.yml`
              non-production:
                - ".env.staging"  # the file name `.env.staging`
                - "deploy/staging/**"  # the folder `staging/`

            """)
        XCTAssertTrue(result.stdout.hasPrefix("Wrote .otlint.yml from 8 files:\n  production:\n    deploy/prod-eu/**  (the folder `prod-eu/`)\n"), result.stdout)
        // otlint reads what it wrote: the vendored copies' misspellings are no longer walked.
        let check = try OTLintBinary.run(["check", "--quiet", "."], in: scratch.path)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let settings = try OTLintBinary.run(["check", "--show-settings", "deploy/prod/app.env"], in: scratch.path)
        XCTAssertTrue(settings.stdout.contains("# This file is production: it matches `deploy/prod/**`."), settings.stdout)
    }

    func testNeverReplacesAConfigurationUnlessForced() throws {
        let scratch = try project()
        try scratch.write(".otlint.yml", "ignore: [OTL001]\n")
        let refused = try OTLintBinary.run(["init"], in: scratch.path)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("error: .otlint.yml already exists; `otlint init --force` replaces it"), refused.stderr)
        XCTAssertEqual(try scratch.read(".otlint.yml"), "ignore: [OTL001]\n")
        let printed = try OTLintBinary.run(["init", "--stdout"], in: scratch.path)
        XCTAssertEqual(printed.status, 0)
        XCTAssertTrue(printed.stdout.contains("  production:\n    - \"deploy/prod-eu/**\""), printed.stdout)
        XCTAssertEqual(try scratch.read(".otlint.yml"), "ignore: [OTL001]\n")
        let forced = try OTLintBinary.run(["init", "--force"], in: scratch.path)
        XCTAssertEqual(forced.status, 0)
        XCTAssertTrue(try scratch.read(".otlint.yml").contains("  production:\n"))
    }

    func testAProjectWithoutTierNamesSaysSo() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("service/docker-compose.yml", "services:\n  api:\n    image: example/api:1.0\n")
        let result = try OTLintBinary.run(["init", "service"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("no file or folder name tells a tier, and nothing looks vendored"), result.stdout)
        let written = try scratch.read("service/.otlint.yml")
        XCTAssertTrue(written.hasSuffix("exclude: []\n# No file or folder name says production or not; name them here (or use --environment):\nenvironments: {}\n"), written)
    }
}
