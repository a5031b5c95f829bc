/// The OpenTelemetry Operator `Instrumentation` resources of a run, indexed for the look-ups every injected workload
/// makes: by name, by namespace and by folder (a manifest without a namespace takes the one it is applied to, and the
/// files of one folder are applied together).
struct InstrumentationIndex: Sendable {
    let all: [OperatorInstrumentation]
    private let byName: [String: [Int]]
    private let byNamespace: [String: [Int]]
    private let byFolder: [String: [Int]]

    init(_ all: [OperatorInstrumentation] = []) {
        self.all = all
        var byName: [String: [Int]] = [:], byNamespace: [String: [Int]] = [:], byFolder: [String: [Int]] = [:]
        for (index, instrumentation) in all.enumerated() {
            byName[instrumentation.name, default: []].append(index)
            if let namespace = instrumentation.namespace { byNamespace[namespace, default: []].append(index) }
            byFolder[ConfigPaths.directory(of: instrumentation.source.path), default: []].append(index)
        }
        self.byName = byName
        self.byNamespace = byNamespace
        self.byFolder = byFolder
    }

    var isEmpty: Bool { all.isEmpty }

    /// The index in `all` of the `Instrumentation` an annotation names: by `namespace/name`, by name in the pod's
    /// namespace, or the only one of that namespace for `"true"`.
    func resolve(_ injection: OperatorInjection, in workload: KubernetesWorkload) -> Int? {
        guard let named = injection.instrumentation else {
            let mates = namespaceMates(of: workload)
            return mates.count == 1 ? mates[0] : nil
        }
        let namespace = named.namespace ?? workload.namespace
        return byName[named.name]?.first { all[$0].namespace == nil || namespace == nil || all[$0].namespace == namespace }
    }

    /// The resources that land in the workload's namespace: the same `metadata.namespace` when both write one; else
    /// those of the same folder.
    func namespaceMates(of workload: KubernetesWorkload) -> [Int] {
        let folder = ConfigPaths.directory(of: workload.source.path)
        let sameFolder = (byFolder[folder] ?? []).filter { all[$0].namespace == nil || workload.namespace == nil }
        guard let namespace = workload.namespace else { return sameFolder }
        return ((byNamespace[namespace] ?? []) + sameFolder).sorted()
    }
}
