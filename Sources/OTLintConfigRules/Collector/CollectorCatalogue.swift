import OTLintCore

/// Which component types each collector distribution contains at each release, under which names, for which
/// signals: the generated table `CollectorCatalogueData` (from the release manifests and the components'
/// `metadata.yaml`), read once.
public struct CollectorCatalogue: Sendable {
    public struct Entry: Sendable {
        public var kind: CollectorComponentKind
        public var type: String
        public var distribution: CollectorImage.Distribution
        public var first: SemanticVersion
        /// The last release containing it; nil while the newest release still does.
        public var last: SemanticVersion?
        /// `traces`, `metrics`, `logs`, `profiles`; for connectors `traces>metrics` pairs. Empty when unknown.
        public var signals: Set<String>

        func covers(_ version: SemanticVersion) -> Bool {
            first <= version && last.map { version <= $0 } ?? true
        }
    }

    /// A component type renamed with the old name kept as a deprecated alias.
    public struct Rename: Sendable {
        public var kind: CollectorComponentKind
        public var old: String
        public var new: String
        public var distribution: CollectorImage.Distribution
        /// The first release where the new name exists (and the old one is deprecated).
        public var since: SemanticVersion
        /// The first release that no longer accepts the old name; nil while it is still accepted.
        public var oldRemoved: SemanticVersion?
    }

    public static let shared = CollectorCatalogue(components: CollectorCatalogueData.components, renames: CollectorCatalogueData.renames,
                                                  newest: CollectorCatalogueData.newest)

    private var entriesByType: [String: [Entry]] = [:]
    private var renames: [Rename] = []
    private var newestVersions: [CollectorImage.Distribution: SemanticVersion] = [:]
    private var oldestVersions: [CollectorImage.Distribution: SemanticVersion] = [:]

    init(components: String, renames renameTable: String, newest: [String: String]) {
        for line in components.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let kind = CollectorComponentKind(rawValue: fields[0]),
                  let distribution = CollectorImage.Distribution(rawValue: fields[2]), let first = SemanticVersion(fields[3]) else { continue }
            let signals = fields.count > 5 ? Set(fields[5].split(separator: ",").map(String.init)) : []
            let entry = Entry(kind: kind, type: fields[1], distribution: distribution, first: first, last: SemanticVersion(fields[4]),
                              signals: signals)
            entriesByType[Self.key(kind, fields[1]), default: []].append(entry)
            oldestVersions[distribution] = min(oldestVersions[distribution] ?? first, first)
        }
        for line in renameTable.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let kind = CollectorComponentKind(rawValue: fields[0]),
                  let distribution = CollectorImage.Distribution(rawValue: fields[3]), let since = SemanticVersion(fields[4]) else { continue }
            renames.append(Rename(kind: kind, old: fields[1], new: fields[2], distribution: distribution, since: since,
                                  oldRemoved: fields.count > 5 ? SemanticVersion(fields[5]) : nil))
        }
        for (name, version) in newest {
            if let distribution = CollectorImage.Distribution(rawValue: name), let version = SemanticVersion(version) {
                newestVersions[distribution] = version
            }
        }
    }

    private static func key(_ kind: CollectorComponentKind, _ type: String) -> String { kind.rawValue + "\u{0}" + type }

    /// The newest release of a distribution that the catalogue knows.
    public func newest(_ distribution: CollectorImage.Distribution) -> SemanticVersion? { newestVersions[distribution] }

    /// The oldest release of a distribution that the catalogue knows: older images are not judged.
    public func oldest(_ distribution: CollectorImage.Distribution) -> SemanticVersion? { oldestVersions[distribution] }

    /// Every release range of a type (under this exact name) in any distribution.
    public func entries(_ kind: CollectorComponentKind, _ type: String) -> [Entry] {
        entriesByType[Self.key(kind, type)] ?? []
    }

    /// The rename that made `type` an old name, in a distribution.
    public func rename(from type: String, _ kind: CollectorComponentKind, in distribution: CollectorImage.Distribution) -> Rename? {
        renames.first { $0.kind == kind && $0.old == type && $0.distribution == distribution }
            ?? renames.first { $0.kind == kind && $0.old == type }
    }

    /// The rename that introduced `type` as a new name.
    public func rename(to type: String, _ kind: CollectorComponentKind, in distribution: CollectorImage.Distribution) -> Rename? {
        renames.first { $0.kind == kind && $0.new == type && $0.distribution == distribution }
            ?? renames.first { $0.kind == kind && $0.new == type }
    }

    /// Whether a component type (under the name written) exists in a release of a distribution.
    public func contains(_ kind: CollectorComponentKind, _ type: String, in distribution: CollectorImage.Distribution,
                         at version: SemanticVersion) -> Bool {
        if let introduced = rename(to: type, kind, in: distribution), version < introduced.since { return false }
        if entries(kind, type).contains(where: { $0.distribution == distribution && $0.covers(version) }) { return true }
        // An old name is accepted while the renamed component exists and the alias has not been dropped.
        if let renamed = rename(from: type, kind, in: distribution), renamed.oldRemoved.map({ version < $0 }) ?? true {
            return entries(kind, renamed.new).contains { $0.distribution == distribution && $0.covers(version) }
        }
        return false
    }

    /// The signals a component type supports (under any of its names); empty when unknown.
    public func signals(_ kind: CollectorComponentKind, _ type: String) -> Set<String> {
        let name = rename(from: type, kind, in: .contrib)?.new ?? type
        return entries(kind, name).reduce(into: Set<String>()) { $0.formUnion($1.signals) }
    }

    /// Every type name of a kind that a release of a distribution contains (for "did you mean" help).
    public func typeNames(_ kind: CollectorComponentKind, in distribution: CollectorImage.Distribution, at version: SemanticVersion) -> [String] {
        entriesByType.values.flatMap { $0 }.filter { $0.kind == kind && $0.distribution == distribution && $0.covers(version) }.map(\.type).sorted()
    }

    /// Whether any distribution the catalogue knows has ever had a component of this kind under this name.
    public func knows(_ kind: CollectorComponentKind, _ type: String) -> Bool {
        !entries(kind, type).isEmpty || renames.contains { $0.kind == kind && ($0.old == type || $0.new == type) }
    }
}
