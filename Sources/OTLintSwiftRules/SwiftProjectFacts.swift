import OTLintCore

/// Facts about the whole run that single files cannot tell.
struct SwiftProjectFacts: Sendable {
    /// The files whose nearest `Package.swift` depends on a server framework, so their code most likely runs on
    /// Linux.
    var serverPackageFiles: Set<String> = []
    /// Some file sets tracing up (`OTel.bootstrap`, `InstrumentationSystem.bootstrap`, a tracing middleware,
    /// `registerTracerProvider`): outgoing requests are expected to carry context.
    var bootstrapsTracing = false
    /// Some file installs opentelemetry-swift's `URLSessionInstrumentation`: URLSession requests carry context
    /// where it works (Apple platforms), and whether the code also runs on Linux cannot be told for sure.
    var instrumentsURLSession = false
    /// Some file installs a `TracingMiddleware` that no file of the project declares: Vapor's or Hummingbird's, which
    /// extract the caller's context from every request before the handlers run.
    var installsFrameworkTracingMiddleware = false
}

extension SwiftProjectFacts {
    /// What the rules need to know about the package: whether some file sets tracing up, and which files' nearest
    /// `Package.swift` depends on a server framework.
    init(scans: [SwiftFileScan], files: [SourceFile], context: AnalysisContext) {
        self.init()
        bootstrapsTracing = scans.contains { $0.setsTracingUp }
        instrumentsURLSession = scans.contains { $0.instrumentsURLSession }
        installsFrameworkTracingMiddleware = scans.contains { $0.usesTracingMiddleware } && !scans.contains { $0.declaresTracingMiddleware }
        // Each folder's verdict is looked up once: a monorepo's packages each have their own manifest.
        var verdicts: [String: Bool] = [:]
        func isServerFolder(_ folder: String) -> Bool {
            if let known = verdicts[folder] { return known }
            var verdict = false
            if case .success(let manifest) = context.loader.load(PathComponents.appending("Package.swift", to: folder)) {
                verdict = Self.dependsOnServerFramework(manifest.text)
            } else {
                // The nearest manifest is the file's package, wherever otlint runs from.
                let parent = PathComponents.deletingLast(of: folder)
                if parent != folder { verdict = isServerFolder(parent) }
            }
            verdicts[folder] = verdict
            return verdict
        }
        for file in files where isServerFolder(PathComponents.deletingLast(of: file.path)) {
            serverPackageFiles.insert(file.path)
        }
    }

    /// Whether a `Package.swift` depends on a server framework.
    static func dependsOnServerFramework(_ manifest: String) -> Bool {
        let text = manifest.lowercased()
        return ["vapor/vapor", "hummingbird-project/hummingbird", "apple/swift-nio", "swift-server/async-http-client",
                "swift-service-lifecycle"].contains { text.contains($0) }
    }
}
