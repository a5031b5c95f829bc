import OTLintCore

/// Follows `extends:` the way Compose does (compose-go `loader/extends.go`): the base service may be in the same
/// file or in another one (`file:` is relative to the extending file's folder), it is resolved recursively, and the
/// extending service's own values win (`environment` per variable; `env_file` lists append, the base's first).
/// Inherited entries keep the file and range where they are written, so a finding on an inherited value points at
/// the base file's line; relative `env_file` paths resolve against the file that lists them.
///
/// Only what the environment rules need is inherited: `environment`, `env_file`, and — from a base in the same
/// file, where their positions are meaningful — `image`, `build` and `network_mode`.
struct ComposeExtends {
    private let loader: FileLoader
    /// Compose files of the run, by path, so a checked file used as a base is not read twice.
    private var files: [String: ComposeFile] = [:]
    /// Other files read as bases, by resolved path (nil when unreadable; its error is reported once).
    private var bases: [String: ComposeFile?] = [:]
    private var reportedCycles = Set<Set<Link>>()
    private(set) var inputErrors: [InputError] = []

    /// One step of an `extends` chain: a service of a file.
    private struct Link: Hashable {
        var path: String
        var service: String
    }

    init(loader: FileLoader, checked: [ComposeFile]) {
        self.loader = loader
        for file in checked { files[ConfigPaths.resolve(file.source.path, against: ".")] = file }
    }

    /// The file with every `extends` of its services followed.
    mutating func resolve(_ file: ComposeFile) -> ComposeFile {
        guard file.services.contains(where: { $0.extends != nil }) else { return file }
        let services = file.services.map { resolved($0, in: file, chain: []) }
        return ComposeFile(source: file.source, root: file.root, services: services, extensions: file.extensions)
    }

    private mutating func resolved(_ service: ComposeService, in file: ComposeFile,
                                   chain: [(link: Link, file: ComposeFile, service: ComposeService)]) -> ComposeService {
        guard let reference = service.extends else { return service }
        let link = Link(path: file.source.path, service: service.name)
        if let start = chain.firstIndex(where: { $0.link == link }) {
            reportCycle(chain[start...].map { ($0.link, $0.service.name) }, closingWith: service.name, at: chain[chain.count - 1])
            return service
        }
        var baseFile = file
        if let path = reference.file {
            guard let loaded = composeFile(path, referencedBy: reference, service: service, in: file) else { return service }
            baseFile = loaded
        }
        guard let base = baseFile.service(named: reference.service) else {
            error(in: file, at: reference.serviceRange, "service `\(service.name)` extends `\(reference.service)`, which `\(ConfigPaths.fileName(baseFile.source.path))` does not define")
            return service
        }
        let resolvedBase = resolved(base, in: baseFile, chain: chain + [(link, file, service)])
        return ComposeExtends.inherit(from: resolvedBase, sameFile: baseFile.source.path == file.source.path, into: service)
    }

    /// The extending service with what it inherits; its own values win.
    static func inherit(from base: ComposeService, sameFile: Bool, into service: ComposeService) -> ComposeService {
        var merged = service
        let own = Set(service.environment.map(\.key))
        merged.environment = base.environment.filter { !own.contains($0.key) }.map { entry in
            var entry = entry
            entry.isMerged = true  // written in the base service: a fix must not edit it for this one
            return entry
        } + service.environment
        merged.envFiles = base.envFiles + service.envFiles
        if sameFile {
            merged.image = service.image ?? base.image
            merged.buildContext = service.buildContext ?? base.buildContext
            merged.networkMode = service.networkMode ?? base.networkMode
        }
        return merged
    }

    private mutating func composeFile(_ path: String, referencedBy reference: ComposeExtendsReference, service: ComposeService,
                                      in file: ComposeFile) -> ComposeFile? {
        let resolvedPath = ConfigPaths.resolve(path, against: file.directory)
        let key = ConfigPaths.resolve(resolvedPath, against: ".")
        if let checked = files[key] { return checked }
        if let cached = bases[key] { return cached }
        let range = reference.fileRange ?? reference.serviceRange
        switch loader.load(resolvedPath) {
        case .failure(let failure):
            error(in: file, at: range, "service `\(service.name)` extends a service of `\(path)`, which cannot be read: \(failure.message)")
            bases[key] = .some(nil)
            return nil
        case .success(let source):
            let read = ComposeParser.read(source)
            inputErrors += read.errors
            // Its own `extends` are followed when its services are used as bases (with the chain that led there).
            bases[key] = .some(read.file)
            if read.file == nil, read.errors.isEmpty {
                error(in: file, at: range, "service `\(service.name)` extends a service of `\(path)`, which defines no services")
            }
            return read.file
        }
    }

    /// A cycle is reported once, at the `extends` that closes it: Compose refuses the file ("Circular reference").
    private mutating func reportCycle(_ links: [(link: Link, name: String)], closingWith name: String,
                                      at last: (link: Link, file: ComposeFile, service: ComposeService)) {
        guard reportedCycles.insert(Set(links.map(\.link))).inserted, let reference = last.service.extends else { return }
        // "`a` extends `b`, which extends `a`"
        let names = links.map(\.name) + [name]
        var path = "`\(names[0])` extends `\(names[1])`"
        for next in names.dropFirst(2) { path += ", which extends `\(next)`" }
        error(in: last.file, at: reference.serviceRange, "`extends` goes round in a circle: \(path); Compose refuses the file")
    }

    private mutating func error(in file: ComposeFile, at range: ByteRange, _ message: String) {
        inputErrors.append(InputError(path: file.source.path, position: file.source.lineColumn(at: range.start), message: message))
    }
}
