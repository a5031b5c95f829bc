import OTLintCore

/// OTL718: a compose service mounts a collector configuration at a path its image does not read, and no `--config`
/// names it: the image's default configuration runs instead.
struct ConfigNotLoadedRule: CollectorRule {
    static let id = "OTL718"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let deployment = collector.deployment, deployment.loadsMountedFile == false, let target = deployment.mount.target else { return [] }
        let mount = deployment.mount
        // A file mounted twice (itself, and in a folder mounted for output) is loaded through one of its mounts;
        // `CollectorDiscovery` already set aside the unloaded files of a folder whose collector loads another.
        if ConfigNotLoadedRule.loadsThroughAnotherMount(collector, project: project) { return [] }
        let reads: String
        var fix: Fix?
        if deployment.configArguments.isEmpty, mount.folderTarget == nil, let image = deployment.image, let defaultPath = image.distribution.defaultConfigPath {
            reads = "\(image.description) reads `\(defaultPath)`"
            if let text = mount.node.scalar, let range = ComposeParser.content(of: mount.node, in: mount.file.source), range.verbatim,
               let targetStart = text.firstRange(of: ":" + target)?.lowerBound {
                let offset = text[..<targetStart].utf8.count + 1
                fix = Fix(title: "mount it at `\(defaultPath)`",
                          edits: [TextEdit(path: mount.file.source.path, range: ByteRange(range.range.start + offset, range.range.start + offset + target.utf8.count),
                                           replacement: defaultPath)], applicability: .safe)
            }
        } else if deployment.configArguments.isEmpty, let image = deployment.image, let defaultPath = image.distribution.defaultConfigPath {
            reads = "\(image.description) reads `\(defaultPath)`"
        } else {
            let paths = deployment.configArguments.map { "`\($0.value)`" }.joined(separator: ", ")
            reads = "the collector reads \(paths) (its `--config`)"
        }
        return [Diagnostic(ruleID: id, severity: severity,
                           message: "`\(ConfigPaths.fileName(mount.source))` is mounted at `\(target)`, but \(reads): this configuration is never loaded\(deployment.configArguments.isEmpty ? ", and the image's default configuration runs instead" : "")",
                           location: mount.location,
                           help: "mount the file where the collector reads it, or pass `--config=\(target)` in `command:`",
                           related: [RelatedLocation(location: collector.config.location(collector.config.root), message: "the configuration that is not loaded")],
                           fix: fix)]
    }

    /// Whether the same service loads the same file through another of its mounts.
    static func loadsThroughAnotherMount(_ collector: CollectorInstance, project: ConfigProject) -> Bool {
        guard let deployment = collector.deployment else { return false }
        return project.collectors.contains { other in
            guard let sibling = other.deployment, other.config.file.path == collector.config.file.path,
                  sibling.service.name == deployment.service.name, sibling.variant.directory == deployment.variant.directory else { return false }
            return sibling.loadsMountedFile == true
        }
    }
}
