import OTLintCore

/// The Swift SDK a compose-service scope runs, with the data-table row for its version.
struct ServiceSDK {
    var detected: DetectedSwiftSDK
    var profile: SwiftSDKProfile
    var service: String
    /// The build context the service's code is in.
    var folder: String

    /// "opentelemetry-swift 2.5.0 (`api/Package.swift`)".
    var description: String {
        "\(detected.sdk.rawValue)\(detected.version.map { " \($0)" } ?? "") (`\(ConfigPaths.fileName(ConfigPaths.directory(of: detected.location.path)))/Package.swift`)"
    }

    var evidence: RelatedLocation {
        RelatedLocation(location: detected.location, message: "service `\(service)` is built from this package, which uses \(detected.sdk.rawValue)")
    }

    init?(_ scope: EnvironmentScope, project: ConfigProject) {
        guard case .composeService(let file, let service) = scope.kind else { return nil }
        // The build context may be set in another file of the project (the base file, with the variables in the override).
        var context: (String, ComposeFile)? = service.buildContext.map { ($0.text, file) }
        if context == nil {
            for variant in project.composeVariants(including: file.source.path) {
                if let layer = variant.service(named: service.name)?.layers.last(where: { $0.service.buildContext != nil }) {
                    context = (layer.service.buildContext!.text, layer.file)
                    break
                }
            }
        }
        guard let (path, contextFile) = context else { return nil }
        let folder = ConfigPaths.resolve(path, against: contextFile.directory)
        // An unpinned dependency (branch, revision) has no known version: never judged.
        guard let detected = project.swiftSDKs[folder], let version = detected.version,
              let profile = SwiftSDKProfile.profile(for: detected.sdk, version: version) else { return nil }
        self.detected = detected
        self.profile = profile
        self.service = service.name
        self.folder = folder
    }
}
