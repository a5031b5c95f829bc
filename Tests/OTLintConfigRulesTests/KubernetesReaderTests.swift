import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// The Kubernetes reader: workloads' containers as processes (`env:`, `envFrom` ConfigMaps, `$(VAR)` as the kubelet
/// expands it), the namespace as tier evidence, and which YAML files found by walking a folder are read at all.
final class KubernetesReaderTests: XCTestCase {
    static let deployment = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: otel
    data:
      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf
      OTEL_SERVICE_NAME: from-map
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: shop
      namespace: shop-dev
    spec:
      template:
        spec:
          initContainers:
            - name: migrate
              image: registry.example.com/migrate:1
          containers:
            - name: api
              image: registry.example.com/api:2
              envFrom:
                - configMapRef:
                    name: otel
              env:
                - name: POD_IP
                  valueFrom:
                    fieldRef:
                      fieldPath: status.podIP
                - name: OTEL_RESOURCE_ATTRIBUTES
                  value: "k8s.pod.ip=$(POD_IP),k8s.namespace.name=$(NAMESPACE)"
                - name: OTEL_SERVICE_NAME
                  value: api
                - name: EMPTY
    """

    func scopes(_ files: [String: String]) throws -> [EnvironmentScope] {
        try TestProject(files).project().scopes.filter { if case .kubernetesContainer = $0.kind { true } else { false } }
    }

    func testEachContainerIsAProcessWithItsEnvFromAndEnvInTheKubeletsOrder() throws {
        let scopes = try scopes(["deploy/shop.yaml": Self.deployment])
        XCTAssertEqual(scopes.map(\.displayName), ["container `migrate` of Deployment `shop`", "container `api` of Deployment `shop`"])
        let api = scopes[1]
        XCTAssertEqual(api.definitions.map(\.name), ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "POD_IP", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_SERVICE_NAME", "EMPTY"])
        XCTAssertEqual(api.setting("OTEL_EXPORTER_OTLP_PROTOCOL")?.value, "http/protobuf")
        XCTAssertEqual(api.setting("OTEL_EXPORTER_OTLP_PROTOCOL")?.source, .kubernetesConfigMap)
        // `env:` wins over `envFrom`.
        XCTAssertEqual(api.setting("OTEL_SERVICE_NAME")?.value, "api")
        // A `valueFrom` value is set but unknown, and so is a value that refers to it.
        XCTAssertNotNil(api.setting("POD_IP"))
        XCTAssertNil(api.setting("POD_IP")?.value)
        XCTAssertNil(api.setting("OTEL_RESOURCE_ATTRIBUTES")?.value)
        XCTAssertEqual(api.definition("EMPTY")?.value, "")
        XCTAssertFalse(api.isIncomplete)
        XCTAssertEqual(api.tier.tier, .nonProduction)
        XCTAssertEqual(api.tier.evidence?.description, "the namespace `shop-dev`")
    }

    func testKnownReferencesExpandAndOtherDollarsStayAsWritten() {
        let known: (String) -> KubernetesEnvExpansion.Binding? = { $0 == "HOST" ? .known("collector") : nil }
        XCTAssertEqual(KubernetesEnvExpansion.expand("http://$(HOST):4318", lookup: known).text, "http://collector:4318")
        XCTAssertEqual(KubernetesEnvExpansion.expand("a$$(HOST)b$x", lookup: known).text, "a$(HOST)b$x")
        XCTAssertNil(KubernetesEnvExpansion.expand("http://$(OTHER):4318", lookup: known).text)
        XCTAssertEqual(KubernetesEnvExpansion.shellReferences(in: "a=${A},b=${B:-x},c=$${C}").map(\.name), ["A", "B"])
    }

    func testEveryWorkloadKindAndAListAreRead() throws {
        let container = "containers:\n  - name: c\n    env:\n      - name: OTEL_SERVICE_NAME\n        value: x\n"
        func indented(_ text: String, _ spaces: Int) -> String {
            text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
        }
        let files = [
            "k/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + indented(container, 2),
            "k/cron.yaml": "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" + indented(container, 10),
            "k/list.yaml": "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata:\n      name: db\n    spec:\n      template:\n        spec:\n" + indented(container, 10),
        ]
        let names = try scopes(files).map(\.displayName).sorted()
        XCTAssertEqual(names, ["container `c` of CronJob `nightly`", "container `c` of Pod `p`", "container `c` of StatefulSet `db`"])
    }

    func testManifestsOfTheWrongShapeAreInputErrorsWithPositions() throws {
        let project = try TestProject([
            "k/app.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      env:
                        OTEL_SERVICE_NAME: app
                    - name: other
                      env:
                        - value: no-name
            ---
            - OTEL_SERVICE_NAME
            """,
        ])
        let errors = project.analyze().inputErrors.map { "\($0.position?.line ?? 0):\($0.position?.column ?? 0) \($0.message)" }
        XCTAssertEqual(errors, [
            "11:13 `env` must be a list of `name:`/`value:` entries, found a mapping",
            "14:15 an `env:` entry needs `name:` (kubectl refuses it), found a mapping",
            "16:1 a Kubernetes manifest document must be a mapping with `apiVersion` and `kind`, found a list",
        ])
    }

    func testYAMLFilesThatAreNoManifestAreNotReadAndTemplatesGetOneNotice() throws {
        let template = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers:\n    - name: a\n      env:\n        - name: OTEL_SERVICE_NAME\n          value: a\n"
        let project = try TestProject([
            "mkdocs.yml": "site_name: docs\n",
            "scalar.yaml": "just text with OTEL_ apiVersion kind\n",
            "crd.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
            "broken.yaml": "apiVersion: v1\nkind: Pod\nmetadata: [OTEL_\n",
            "chart/templates/a.yaml": template,
            "chart/templates/b.yaml": template,
        ])
        let result = project.analyze()
        XCTAssertEqual(result.diagnostics, [])
        // A file that writes `apiVersion`, `kind` and `OTEL_` is parsed, and invalid YAML there is an input error.
        XCTAssertEqual(result.inputErrors.map { ConfigPaths.fileName($0.path) }, ["broken.yaml"])
        XCTAssertEqual(result.notices.map(\.message), ["2 templates (`{{ … }}` as in Helm charts, or `%{ … }` as in Terraform) that are YAML only once rendered: not checked (this is the first)"])
        XCTAssertEqual(Set(result.uncheckedFiles.map(ConfigPaths.fileName)), ["mkdocs.yml", "scalar.yaml", "crd.yaml", "a.yaml", "b.yaml"])
    }

    func testAnExistingRuleJudgesAContainerAtThePositionOfItsValue() throws {
        let project = try TestProject(["deploy/shop.yaml": Self.deployment.replacingOccurrences(
            of: "            - name: EMPTY", with: "            - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://collector:4317")])
        let found = project.diagnostics("OTL203")
        XCTAssertEqual(found.map { "\($0.location.start.line):\($0.location.start.column)" }, ["36:39"])
        XCTAssertEqual(found.first?.related.first?.message, "the protocol is set here")
        XCTAssertEqual(found.first?.related.first?.location.start.line, 6)
    }

    func testAConfigMapDefaultOverriddenByOneContainerIsOnlyANote() throws {
        let found = try TestProject(["deploy/shop.yaml": Self.deployment]).diagnostics("OTL004")
        XCTAssertEqual(found.map(\.severity), [.info])
        XCTAssertEqual(found.first?.location.start.line, 7)
        XCTAssertTrue(found.first?.why?.contains("the kubelet gives a container's `env:` precedence over its `envFrom` sources") == true)
    }

    func testTheNamespaceMakesAContainerProduction() throws {
        let text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: production
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: registry.example.com/api:2
                  env:
                    - name: OTEL_SERVICE_NAME
                      value: api
                    - name: OTEL_TRACES_SAMPLER
                      value: always_on
                    - name: OTEL_EXPORTER_OTLP_ENDPOINT
                      value: http://collector:4318
        """
        let found = try TestProject(["k/api.yaml": text]).diagnostics("OTL101")
        XCTAssertEqual(found.map { "\($0.location.start.line):\($0.location.start.column)" }, ["16:22"])
        XCTAssertEqual(found.first?.related.last?.location.start.line, 5)
        XCTAssertTrue(try TestProject(["k/api.yaml": text.replacingOccurrences(of: "namespace: production", with: "namespace: dev")]).diagnostics("OTL101").isEmpty)
    }

    func testSettingsFromASecretOrTheOperatorMakeTheEnvironmentIncomplete() throws {
        func container(_ extra: String, annotations: String = "") -> String {
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                metadata:
                  annotations:
                    prometheus.io/scrape: "true"\(annotations)
                spec:
                  containers:
                    - name: api
                      image: registry.example.com/api:2\(extra)
                      env:
                        - name: OTEL_EXPORTER_OTLP_ENDPOINT
                          value: http://collector:4318
            """
        }
        let plain = try scopes(["k/a.yaml": container("")])
        XCTAssertFalse(plain[0].isIncomplete)
        let secret = try scopes(["k/a.yaml": container("\n          envFrom:\n            - secretRef:\n                name: otel-secrets")])
        XCTAssertTrue(secret[0].isIncomplete)
        let injected = try scopes(["k/a.yaml": container("", annotations: "\n        instrumentation.opentelemetry.io/inject-python: \"true\"")])
        XCTAssertEqual(injected[0].unreadSettings, "the OpenTelemetry Operator injects settings from an `Instrumentation` (`instrumentation.opentelemetry.io/inject-python`)")
        let declined = try scopes(["k/a.yaml": container("", annotations: "\n        instrumentation.opentelemetry.io/inject-python: \"false\"")])
        XCTAssertFalse(declined[0].isIncomplete)
    }

    func testAManifestNamedLikeACollectorConfigurationOrOnTheCommandLineIsRead() throws {
        let manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      env:\n        - name: OTEL_SERVICE_NAME\n          value: x\n"
        XCTAssertEqual(try scopes(["otel-collector.yaml": manifest]).count, 1)
        let project = try TestProject(["stack.yml": manifest])
        let loader = FileLoader()
        let file = try loader.load(project.root + "/stack.yml").get()
        let result = ConfigAnalyzer().analyze([file], context: AnalysisContext(
            loader: loader, configuration: Configuration(), rootDirectory: project.root, explicitPaths: [file.path]))
        XCTAssertEqual(result.notices, [])
        XCTAssertEqual(result.uncheckedFiles, [])
    }
}
