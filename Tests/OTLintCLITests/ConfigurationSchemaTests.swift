import Foundation
@testable import OTLintCLI
import OTLintCore
import XCTest

/// The JSON Schema of `.otlint.yml` describes what the loader reads: the same settings, distributions and tiers.
/// (Scripts/config-schema-check validates the README's examples and wrong configurations with a JSON Schema validator.)
final class ConfigurationSchemaTests: XCTestCase {
    func schema() throws -> [String: Any] {
        let text = try XCTUnwrap(ConfigCommand.schemaText, "the schema is embedded")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testTheEmbeddedSchemaIsTheRepositorysFile() throws {
        let file = try String(contentsOf: Repository.root.appendingPathComponent("Schemas/otlint-config.schema.json"), encoding: .utf8)
        XCTAssertEqual(ConfigCommand.schemaText, file)
        let printed = try OTLintBinary.run(["config", "--schema"], in: NSTemporaryDirectory())
        XCTAssertEqual(printed.status, 0)
        XCTAssertEqual(printed.stdout, file.hasSuffix("\n") ? file : file + "\n")
    }

    func testTheSchemaHasEverySettingTheLoaderReadsAndNoOther() throws {
        let properties = try XCTUnwrap(try schema()["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(ConfigurationFile.known))
        XCTAssertEqual(try schema()["additionalProperties"] as? Bool, false, "an unknown setting is an error, as in the loader")
        let collector = try XCTUnwrap((properties["collector"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual((collector["distribution"] as? [String: Any])?["enum"] as? [String], Configuration.collectorDistributions)
        let tiers = try XCTUnwrap(((properties["environments"] as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"] as? [String])
        XCTAssertTrue(tiers.allSatisfy { ConfigurationFile.tier(named: $0) != nil }, "\(tiers)")
        for name in ["production", "non-production", "staging"] { XCTAssertTrue(tiers.contains(name), name) }
        // Every key is described, for editors.
        for (key, value) in properties { XCTAssertNotNil((value as? [String: Any])?["description"], key) }
    }

    func testAnUnknownSettingSuggestsTheNearestOne() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "exlcude: [\"vendor/**\"]\n")
        let run = try OTLintBinary.run(["check", "."], in: scratch.path)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(".otlint.yml:1:1: error: unknown setting `exlcude`; did you mean `exclude`?"), run.stderr)
    }
}
