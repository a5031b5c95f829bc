#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// The Swift OpenTelemetry SDK a compose service's build context depends on.
public struct DetectedSwiftSDK: Sendable {
    public var sdk: SwiftSDK
    /// The lowest version the manifest allows (`from:`, `exact:`, a range's lower bound); nil for branches
    /// and revisions.
    public var version: SemanticVersion?
    /// Where the dependency is declared, as evidence.
    public var location: SourceLocation
    /// `OTEL_*` names the sources of the context mention: the application reads them itself.
    public var variablesReadByCode: Set<String>
}

public enum SwiftSDKDetection {
    static let packageURLs: [(fragment: String, sdk: SwiftSDK)] = [
        ("open-telemetry/opentelemetry-swift", .opentelemetrySwift), ("swift-otel/swift-otel", .swiftOTel),
        ("slashmo/swift-otel", .swiftOTel),
    ]

    /// Build context folder (resolved) → SDK, for every compose service built from a folder with a `Package.swift`
    /// that depends on exactly one of the SDKs. Files are read through the run's loader.
    public static func detect(composeFiles: [ComposeFile], loader: FileLoader) -> [String: DetectedSwiftSDK] {
        var result: [String: DetectedSwiftSDK] = [:]
        var seen = Set<String>()
        for compose in composeFiles {
            for service in compose.services {
                guard let context = service.buildContext?.text, !context.containsText("$"), !context.containsText("://") else { continue }
                let folder = ConfigPaths.resolve(context, against: compose.directory)
                guard seen.insert(folder).inserted else { continue }
                let manifestPath = ConfigPaths.resolve("Package.swift", against: folder)
                guard loader.exists(manifestPath), case .success(let manifest) = loader.load(manifestPath),
                      var detected = dependency(in: manifest) else { continue }
                detected.variablesReadByCode = variableNames(inSourcesOf: folder, loader: loader)
                result[folder] = detected
            }
        }
        return result
    }

    /// The single SDK dependency of a manifest, with its lowest allowed version.
    static func dependency(in manifest: SourceFile) -> DetectedSwiftSDK? {
        let text = manifest.text
        var found: [DetectedSwiftSDK] = []
        for (fragment, sdk) in packageURLs {
            var searchStart = text.startIndex
            while let range = text[searchStart...].firstRange(of: fragment) {
                searchStart = range.upperBound
                // `opentelemetry-swift-core` is the same SDK; `opentelemetry-swift-something-else` is not.
                let next = text[range.upperBound...].prefix { $0 != "\"" }
                guard next.isEmpty || next == ".git" || next == "-core" || next == "-core.git" || next == "/" else { continue }
                // The rest of the `.package(...)` call: up to the closing parenthesis.
                let call = text[range.upperBound...].prefix { $0 != ")" }
                let version = call.split(separator: "\"").dropFirst().first { SemanticVersion(String($0)) != nil }
                    .flatMap { SemanticVersion(String($0)) }
                let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                let location = manifest.location(ByteRange(offset, offset + fragment.utf8.count))
                if !found.contains(where: { $0.sdk == sdk }) {
                    found.append(DetectedSwiftSDK(sdk: sdk, version: version, location: location, variablesReadByCode: []))
                }
                break
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// `OTEL_*` names written in the Swift sources of a package (the application may read them itself).
    static func variableNames(inSourcesOf folder: String, loader: FileLoader) -> Set<String> {
        var names = Set<String>()
        let sources = ConfigPaths.resolve("Sources", against: folder)
        guard let relativePaths = try? FileManager.default.subpathsOfDirectory(atPath: sources) else { return names }
        for relative in relativePaths.lazy.filter({ $0.hasSuffix(".swift") }).prefix(2000) {
            guard case .success(let file) = loader.load(sources + "/" + relative) else { continue }
            let bytes = file.bytes
            var index = 0
            let marker = Array("OTEL_".utf8)
            while index + marker.count <= bytes.count {
                if bytes[index] == marker[0], Array(bytes[index..<(index + marker.count)]) == marker {
                    var end = index + marker.count
                    while end < bytes.count, (bytes[end] >= 0x41 && bytes[end] <= 0x5A) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x5F {
                        end += 1
                    }
                    names.insert(String(decoding: bytes[index..<end], as: UTF8.self))
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return names
    }
}
