import OTLintCore
import OTLintYAML

/// What a compose service's `build:` says about its image: the Dockerfile, the stage it builds (`target:`) and the
/// build arguments it passes (`args:`).
struct ComposeBuild {
    var dockerfilePath: String
    var target: String?
    /// Argument → value; nil for an argument passed from the shell (`- NAME`) or interpolated.
    var arguments: [String: String?]

    /// Nil when the service builds nothing, or its context or Dockerfile is no literal local path (a Git URL, an
    /// interpolated path, `dockerfile_inline:`).
    init?(_ service: ComposeService, in compose: ComposeFile) {
        let build = service.node["build"]
        // A `build:` mapping without `context:` builds the compose file's folder.
        guard let context = service.buildContext?.text ?? (build?.mergedPairs != nil ? "." : nil), !context.containsText("$"),
              !context.containsText("://"), !context.hasPrefix("git@") else { return nil }
        if build?["dockerfile_inline"] != nil { return nil }
        let dockerfile = build?["dockerfile"]?.scalar ?? "Dockerfile"
        guard !dockerfile.containsText("$") else { return nil }
        dockerfilePath = ConfigPaths.resolve(dockerfile, against: ConfigPaths.resolve(context, against: compose.directory))
        target = build?["target"]?.scalar.flatMap { $0.containsText("$") ? nil : $0 }
        var arguments: [String: String?] = [:]
        if let pairs = build?["args"]?.mergedPairs {
            for pair in pairs {
                guard let name = pair.key.scalar else { continue }
                let value = pair.value.isNull ? nil : pair.value.scalar.flatMap { $0.containsText("$") ? nil : $0 }
                arguments.updateValue(value, forKey: name)
            }
        } else {
            for item in build?["args"]?.sequence ?? [] {
                guard let text = item.scalar else { continue }
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard let name = parts.first else { continue }
                let value = parts.count == 2 && !parts[1].containsText("$") ? parts[1] : nil
                arguments.updateValue(value, forKey: name)
            }
        }
        self.arguments = arguments
    }
}
