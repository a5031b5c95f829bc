import OTLintCore

/// One environment scope per container of every workload in the run's Kubernetes manifests.
enum KubernetesScopes {
    static func scopes(of manifests: [KubernetesManifest], context: AnalysisContext) -> [EnvironmentScope] {
        // `envFrom` names a ConfigMap of the same set of files (the first of a name, when two files define one).
        var configMaps: [String: KubernetesConfigMap] = [:]
        for map in manifests.flatMap(\.configMaps) where configMaps[map.name] == nil { configMaps[map.name] = map }
        return manifests.flatMap { manifest in
            manifest.workloads.flatMap { workload in
                workload.containers.map { container in
                    scope(of: container, in: workload, source: manifest.source, configMaps: configMaps, context: context)
                }
            }
        }
    }

    private static func scope(of container: KubernetesContainer, in workload: KubernetesWorkload, source: SourceFile,
                              configMaps: [String: KubernetesConfigMap], context: AnalysisContext) -> EnvironmentScope {
        var process = KubernetesProcess(source: source, workload: workload, container: container)
        let (definitions, readsUnknownSource) = KubernetesEnvironment.build(&process, configMaps: configMaps)
        let namespace = workload.namespace.map { (name: $0, location: workload.namespaceRange.map(source.location)) }
        let tier = DeploymentTierResolver.assess(definitions: definitions, path: source.path, context: context, namespace: namespace)
        var scope = EnvironmentScope(kind: .kubernetesContainer(process), definitions: definitions, tier: tier, isTemplate: false)
        let image = container.image.flatMap(ImageReference.init)
        scope.isTelemetryBackend = image.map(TelemetryBackends.isBackend) ?? false
        // A manifest runs an image built elsewhere, which may set its own defaults (a service name among them).
        scope.isBuiltHere = false
        if let injection = OperatorInjection(workload) {
            scope.unreadSettings = "the OpenTelemetry Operator injects settings from an `Instrumentation` (`\(injection.annotation.key)`)"
        } else if readsUnknownSource {
            scope.unreadSettings = "`envFrom` takes variables from a Secret or a ConfigMap that is not in the checked files"
        }
        return scope
    }
}
