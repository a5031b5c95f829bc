import OTLintCore
import OTLintYAML

/// What reading one collector configuration gave: the model, or the reason there is none, and the problems with
/// its shape that stop the collector from reading it (each an input error with its position).
public struct CollectorReadResult: Sendable {
    public var config: CollectorConfig?
    public var errors: [InputError] = []
}

/// Builds `CollectorConfig` from a YAML file. Never throws: a file the collector would refuse to decode (not a
/// mapping, a section that is not a mapping) is an input error; everything it accepts becomes the model.
public enum CollectorConfigReader {
    public static func read(_ file: SourceFile) -> CollectorReadResult {
        do {
            return read(file, documents: try YAMLParser.parse(file))
        } catch {
            return CollectorReadResult(errors: [error.inputError(path: file.path)])
        }
    }

    /// Reads the documents of a file parsed already (to tell its kind).
    public static func read(_ file: SourceFile, documents: [YAMLDocument]) -> CollectorReadResult {
        let roots = documents.compactMap(\.root).filter { !$0.isNull }
        guard let root = roots.first else { return CollectorReadResult() }
        var errors: [InputError] = []
        func problem(_ node: YAMLNode, _ message: String) {
            errors.append(InputError(path: file.path, position: file.lineColumn(at: node.range.start), message: message))
        }
        if roots.count > 1 { problem(roots[1], "a collector configuration is one YAML document; the collector reads only the first") }
        guard root.mergedPairs != nil else {
            problem(root, "a collector configuration must be a mapping (`receivers`, `exporters`, `service`, …), found \(describe(root))")
            return CollectorReadResult(errors: errors)
        }
        for duplicate in root.duplicateKeys() {
            let name = duplicate.key.scalar ?? ""
            let firstLine = file.lineColumn(at: duplicate.first.range.start).line
            problem(duplicate.key, "`\(name)` is written twice in \(duplicate.mappingName) (first at line \(firstLine)): the collector refuses the file; keep one")
        }
        var components: [CollectorComponent] = []
        var hasIncludedSections = false
        for kind in CollectorComponentKind.allCases {
            guard let section = root[kind.section], !section.isNull else { continue }
            if section.scalar?.containsText("${") == true {
                hasIncludedSections = true
                continue
            }
            guard let pairs = section.mergedPairs else {
                problem(section, "`\(kind.section)` must be a mapping of component IDs to their settings, found \(describe(section))")
                continue
            }
            for pair in pairs {
                guard let id = pair.key.scalar else { continue }
                components.append(CollectorComponent(kind: kind, id: id, type: CollectorComponent.type(ofID: id), key: pair.key, settings: pair.value))
            }
        }
        let service = root.pair("service")
        var pipelines: [CollectorPipeline] = []
        if let pipelinesNode = service?.value["pipelines"], !pipelinesNode.isNull {
            if let pairs = pipelinesNode.mergedPairs {
                for pair in pairs {
                    guard let id = pair.key.scalar else { continue }
                    let signal = CollectorComponent.type(ofID: id)
                    func entries(_ key: String) -> [CollectorReference] { references(pair.value[key], in: "\(id).\(key)", problem: problem) }
                    if !pair.value.isNull && pair.value.mergedPairs == nil {
                        problem(pair.value, "pipeline `\(id)` must be a mapping with `receivers`, `processors` and `exporters`, found \(describe(pair.value))")
                    }
                    var pipeline = CollectorPipeline(id: id, signal: signal, key: pair.key, receivers: entries("receivers"),
                                                     processors: entries("processors"), exporters: entries("exporters"))
                    pipeline.writtenKeys = Set((pair.value.mergedPairs ?? []).compactMap(\.key.scalar))
                    pipelines.append(pipeline)
                }
            } else if pipelinesNode.scalar?.containsText("${") != true {
                problem(pipelinesNode, "`service.pipelines` must be a mapping of pipeline IDs, found \(describe(pipelinesNode))")
            }
        }
        let extensions = references(service?.value["extensions"], in: "service.extensions", problem: problem)
        var config = CollectorConfig(file: file, root: root, components: components, pipelines: pipelines, serviceExtensions: extensions,
                                     serviceKey: service?.key, telemetry: service?.value["telemetry"])
        config.hasIncludedSections = hasIncludedSections || service?.value.scalar?.containsText("${") == true
            || service?.value["pipelines"]?.scalar?.containsText("${") == true
        return CollectorReadResult(config: config, errors: errors)
    }

    /// The IDs of a pipeline list. The collector also accepts a single scalar (`receivers: otlp` means `[otlp]`).
    private static func references(_ node: YAMLNode?, in place: String, problem: (YAMLNode, String) -> Void) -> [CollectorReference] {
        guard let node, !node.isNull else { return [] }
        if let id = node.scalar { return [CollectorReference(id: id, node: node)] }
        guard let items = node.sequence else {
            problem(node, "`\(place)` must be a list of component IDs, found \(describe(node))")
            return []
        }
        return items.compactMap { item in
            guard let id = item.scalar, !item.isNull else {
                problem(item, "`\(place)` must list component IDs, found \(describe(item))")
                return nil
            }
            return CollectorReference(id: id, node: item)
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let value, _): node.isNull ? "nothing" : "the text `\(value.prefix(40))`"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
