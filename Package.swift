// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "otlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "otlint", targets: ["otlint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        // libyaml, used directly: fast, and it reports exact start and end marks for every node.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "OTLintYAML", dependencies: ["CLibYAML", "OTLintCore"]),
        // The rule documents in Rules/, embedded into the binary at build time.
        .executableTarget(name: "RuleDocsGenerator"),
        .plugin(name: "RuleDocsPlugin", capability: .buildTool(), dependencies: ["RuleDocsGenerator"]),
        .target(name: "OTLintRuleDocs", plugins: ["RuleDocsPlugin"]),
        .target(name: "CByteSearch"),
        .target(name: "OTLintCore", dependencies: ["OTLintRuleDocs", "CByteSearch"]),
        // The settings model (one process's OpenTelemetry settings, wherever they are written) and the rules that
        // judge it; the configuration and Swift readers fill it. No YAML and no Swift syntax here.
        .target(name: "OTLintSettings", dependencies: ["OTLintCore"]),
        .target(name: "OTLintConfigRules", dependencies: ["OTLintCore", "OTLintYAML", "OTLintSettings"]),
        .target(
            name: "OTLintSwiftRules",
            dependencies: [
                "OTLintCore", "OTLintSettings",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                // The parser's own messages for a file that does not parse ("expected '}' to end function").
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            ]
        ),
        .target(
            name: "OTLintCLI",
            dependencies: [
                "OTLintCore", "OTLintConfigRules", "OTLintSwiftRules", "OTLintRuleDocs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "otlint", dependencies: ["OTLintCLI"]),
        // Measures otlint against bare parses of the same files (Scripts/benchmark drives it).
        .executableTarget(
            name: "OTLintBenchmark",
            dependencies: [
                "OTLintCLI", "OTLintCore", "OTLintSwiftRules", "CLibYAML",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),
        .testTarget(name: "OTLintYAMLTests", dependencies: ["OTLintYAML", "OTLintCore"]),
        .testTarget(name: "OTLintCoreTests", dependencies: ["OTLintCore"]),
        .testTarget(name: "OTLintConfigRulesTests", dependencies: ["OTLintConfigRules", "OTLintCore"]),
        .testTarget(name: "OTLintSwiftRulesTests", dependencies: ["OTLintSwiftRules", "OTLintCore"]),
        .testTarget(name: "OTLintCLITests", dependencies: ["OTLintCLI", "OTLintCore", "OTLintConfigRules", "OTLintSwiftRules"]),
    ]
)
