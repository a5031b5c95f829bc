/// Tracing modules that `@_exported import` makes visible to files that do not import them.
///
/// A re-export reaches the files of the module that declares it and the files that import that module. The
/// module of a file is the folder after the last `Sources` or `Tests` folder of its path (the SwiftPM layout);
/// a re-export in a file outside that layout reaches every file of the run, because its module is unknown.
/// One level is followed: a module that re-exports another module that re-exports tracing is not.
struct SwiftReExports: Sendable {
    private var byModule: [String: Set<String>] = [:]
    private var everywhere: Set<String> = []

    init(scans: [(path: String, scan: SwiftFileScan)]) {
        for (path, scan) in scans where !scan.exportedModules.isEmpty {
            if let module = Self.module(ofPath: path) {
                byModule[module, default: []].formUnion(scan.exportedModules)
            } else {
                everywhere.formUnion(scan.exportedModules)
            }
        }
    }

    /// The tracing modules re-exported to a file with this path and these imports.
    func modules(forPath path: String, imports: Set<String>) -> Set<String> {
        guard !byModule.isEmpty else { return everywhere }
        var result = everywhere
        if let own = Self.module(ofPath: path), let exported = byModule[own] { result.formUnion(exported) }
        for module in imports { if let exported = byModule[module] { result.formUnion(exported) } }
        return result
    }

    /// `Sources/App/Handlers/Orders.swift` → `App`.
    static func module(ofPath path: String) -> String? {
        let components = path.split(separator: "/")
        guard let index = components.lastIndex(where: { $0 == "Sources" || $0 == "Tests" }), index + 2 < components.count else {
            return nil
        }
        return String(components[index + 1])
    }
}
