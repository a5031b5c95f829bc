#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore
import OTLintYAML

/// The language a compose service runs and whether its SDK is started by an auto-instrumentation launcher, with
/// where each was seen.
public struct ServiceRuntime: Sendable {
    public var language: ServiceLanguage
    /// The image or build context that shows the language.
    public var evidence: RelatedLocation
    /// Where the launcher (`opentelemetry-instrument`, ...) is named: command, entrypoint or Dockerfile.
    public var launcher: RelatedLocation?
}

/// Finds each compose service's language from its image (`python:3.12`) or its build context's project files
/// (`requirements.txt`, `package.json`, ...), per `LanguageProfile`. A service whose image and context name no
/// language, or more than one, has none: rules that depend on the language stay quiet for it.
public enum ServiceRuntimeDetection {
    static func key(_ compose: ComposeFile, _ service: ComposeService) -> String {
        compose.source.path + "\u{0}" + service.name
    }

    /// `scopes`: the scopes built for the services, whose Dockerfile (read once, by the scope builder) has the base image.
    public static func detect(composeFiles: [ComposeFile], scopes: [EnvironmentScope], loader: FileLoader) -> [String: ServiceRuntime] {
        var images: [String: (Dockerfile, Int)] = [:]
        for scope in scopes {
            guard case .composeService(let file, let service) = scope.kind, let dockerfile = scope.imageDockerfile, let stage = scope.imageStage else { continue }
            images[key(file, service)] = (dockerfile, stage)
        }
        var result: [String: ServiceRuntime] = [:]
        for compose in composeFiles {
            for service in compose.services {
                if let runtime = detect(compose, service, image: images[key(compose, service)], loader: loader) { result[key(compose, service)] = runtime }
            }
        }
        return result
    }

    private static func detect(_ compose: ComposeFile, _ service: ComposeService, image: (Dockerfile, Int)?, loader: FileLoader) -> ServiceRuntime? {
        var found: [(ServiceLanguage, RelatedLocation)] = []
        if let image = service.image, let reference = ImageReference(image.text),
           let profile = LanguageProfile.all.first(where: { $0.imageRepositories.contains(reference.repository) }) {
            found.append((profile.language, RelatedLocation(location: compose.source.location(image.node.range),
                                                            message: "service `\(service.name)` runs the \(profile.language.rawValue) image `\(image.text)`")))
        }
        if let (dockerfile, stage) = image, let base = baseImageLanguage(dockerfile, stage: stage) { found.append(base) }
        let folder = buildFolder(compose, service)
        if let folder, let context = service.buildContext, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for profile in LanguageProfile.all {
                guard let marker = names.sorted().first(where: { name in
                    profile.buildMarkers.contains { $0.hasPrefix(".") ? name.hasSuffix($0) : name == $0 }
                }) else { continue }
                found.append((profile.language, RelatedLocation(location: compose.source.location(context.node.range),
                                                                message: "service `\(service.name)` is built from `\(context.text)`, which has `\(marker)` (\(profile.language.rawValue))")))
            }
        }
        let languages = Set(found.map(\.0))
        guard languages.count == 1, let (language, evidence) = found.first else { return nil }
        let markers = LanguageProfile.profile(language)?.launcherMarkers ?? []
        return ServiceRuntime(language: language, evidence: evidence,
                              launcher: launcher(markers, compose: compose, service: service, folder: folder, loader: loader))
    }

    /// The language of a Dockerfile's base image, for the stage that runs (`FROM python:3.12-slim`, also through the
    /// stages it is built `FROM`), with the `FROM` line as evidence. A tag from a build argument still names the image.
    static func baseImageLanguage(_ dockerfile: Dockerfile, stage: Int) -> (ServiceLanguage, RelatedLocation)? {
        guard let root = dockerfile.lineage(of: stage).first else { return nil }
        var base = dockerfile.stages[root].base
        // `python:${PYTHON_VERSION}-slim`: the repository is written, only the tag is substituted.
        if let dollar = base.firstIndex(of: "$"), let colon = base.lastIndex(of: ":"), colon < dollar,
           base[..<colon].lastIndex(of: "/").map({ $0 < colon }) ?? true {
            base = String(base[..<colon])
        }
        guard let reference = ImageReference(base),
              let profile = LanguageProfile.all.first(where: { $0.imageRepositories.contains(reference.repository) }) else { return nil }
        return (profile.language, RelatedLocation(location: dockerfile.source.location(dockerfile.stages[root].fromRange),
                                                  message: "the image is built `FROM` the \(profile.language.rawValue) image `\(dockerfile.stages[root].base)`"))
    }

    /// The language and launcher of a Dockerfile no compose file builds, from its base image and its own text.
    static func detect(dockerfile: Dockerfile) -> ServiceRuntime? {
        guard let stage = dockerfile.stage(target: nil), let (language, evidence) = baseImageLanguage(dockerfile, stage: stage) else { return nil }
        let markers = LanguageProfile.profile(language)?.launcherMarkers ?? []
        return ServiceRuntime(language: language, evidence: evidence, launcher: marker(markers, in: dockerfile.source))
    }

    /// The build context folder when it is a literal local path.
    private static func buildFolder(_ compose: ComposeFile, _ service: ComposeService) -> String? {
        guard let context = service.buildContext?.text, !context.containsText("$"), !context.containsText("://") else { return nil }
        return ConfigPaths.resolve(context, against: compose.directory)
    }

    /// Where a launcher marker is written: the service's `command:` or `entrypoint:`, else its Dockerfile.
    private static func launcher(_ markers: [String], compose: ComposeFile, service: ComposeService, folder: String?,
                                 loader: FileLoader) -> RelatedLocation? {
        guard !markers.isEmpty else { return nil }
        for field in ["entrypoint", "command"] {
            guard let (words, node) = service.launchWords(field) else { continue }
            if let marker = markers.first(where: { marker in words.contains { $0.contains(marker) } }) {
                return RelatedLocation(location: compose.source.location(node.range), message: "`\(marker)` starts the SDK from the environment here")
            }
        }
        guard folder != nil, let path = ComposeBuild(service, in: compose)?.dockerfilePath, loader.exists(path),
              case .success(let file) = loader.load(path) else { return nil }
        return marker(markers, in: file)
    }

    /// Where the first of the launcher markers is written in a file.
    private static func marker(_ markers: [String], in file: SourceFile) -> RelatedLocation? {
        let text = file.text
        for marker in markers {
            guard let range = text.firstRange(of: marker) else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            return RelatedLocation(location: file.location(ByteRange(start, start + marker.utf8.count)),
                                   message: "`\(marker)` starts the SDK from the environment here")
        }
        return nil
    }
}
