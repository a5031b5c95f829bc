import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL803: `$(VAR)` the kubelet cannot expand and `${VAR}` it never expands, in a container's `OTEL_*` values.
final class KubernetesEnvReferenceRuleTests: XCTestCase {
    func manifest(_ env: String, envFrom: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
        spec:
          template:
            spec:
              containers:
                - name: checkout
                  image: registry.example.com/checkout:3\(envFrom)
                  env:
        \(env)
        """
    }

    func positions(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.start.line):\($0.location.start.column)" }
    }

    func testAReferenceToALaterEntryIsReportedAndMovedAboveIt() throws {
        let project = try TestProject(["deploy/app.yaml": manifest("""
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: "service.instance.id=$(POD_NAME)"
                    - name: POD_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.name
        """)])
        let found = project.diagnostics("OTL803")
        XCTAssertEqual(positions(found), ["13:43"])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.message, "`$(POD_NAME)` in `OTEL_RESOURCE_ATTRIBUTES` is not expanded: `POD_NAME` is defined after it in the `env:` list of container `checkout` of Deployment `checkout`")
        XCTAssertEqual(found.first?.related.first?.location.start.line, 14)
        try project.assertFix("OTL803", file: "deploy/app.yaml", becomes: manifest("""
                    - name: POD_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.name
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: "service.instance.id=$(POD_NAME)"
        """))
        XCTAssertEqual(project.diagnostics("OTL803"), [])
    }

    func testAnUndefinedReferenceNamesTheDownwardAPIField() throws {
        let found = try TestProject(["deploy/app.yaml": manifest("""
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: host.name=$(HOSTNAME)
        """)]).diagnostics("OTL803")
        XCTAssertEqual(positions(found), ["13:32"])
        XCTAssertNil(found.first?.fix)
        XCTAssertEqual(found.first?.help, "define `HOSTNAME` above `OTEL_RESOURCE_ATTRIBUTES` with `valueFrom: {fieldRef: {fieldPath: metadata.name}}`, then refer to it as `$(HOSTNAME)`")
    }

    func testShellSyntaxIsReportedAndRewrittenWhenTheVariableIsDefinedEarlier() throws {
        let project = try TestProject(["deploy/app.yaml": manifest("""
                    - name: NODE_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: spec.nodeName
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: "k8s.node.name=${NODE_NAME},host.name=${HOSTNAME:-unknown}"
        """)])
        let found = project.diagnostics("OTL803")
        XCTAssertEqual(positions(found), ["17:37", "17:60"])
        XCTAssertEqual(found.map { $0.fix != nil }, [true, false])
        try project.assertFix("OTL803", file: "deploy/app.yaml", becomes: manifest("""
                    - name: NODE_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: spec.nodeName
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: "k8s.node.name=$(NODE_NAME),host.name=${HOSTNAME:-unknown}"
        """))
    }

    func testReferencesTheKubeletMayExpandOrThatAreNoSDKSettingAreNotJudged() throws {
        // Defined earlier, by a ConfigMap in the files, as a service link, or escaped with `$$`.
        let defined = try TestProject([
            "deploy/map.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: otel\ndata:\n  COLLECTOR_HOST: collector\n",
            "deploy/app.yaml": manifest("""
                    - name: POD_IP
                      valueFrom:
                        fieldRef:
                          fieldPath: status.podIP
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: "k8s.pod.ip=$(POD_IP),literal=$$(NOT_A_REFERENCE)"
                    - name: OTEL_EXPORTER_OTLP_ENDPOINT
                      value: "http://$(COLLECTOR_HOST):4318"
                    - name: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
                      value: "http://$(OTEL_COLLECTOR_SERVICE_HOST):4318/v1/traces"
                    - name: JAVA_OPTS
                      value: "-Dhost=${HOSTNAME} -Dpod=$(LATER)"
                    - name: LATER
                      value: x
        """, envFrom: "\n          envFrom:\n            - configMapRef:\n                name: otel"),
        ])
        XCTAssertEqual(defined.diagnostics("OTL803"), [])
        // A Secret may define anything.
        let secret = try TestProject(["deploy/app.yaml": manifest("""
                    - name: OTEL_EXPORTER_OTLP_HEADERS
                      value: "api-key=$(API_KEY)"
        """, envFrom: "\n          envFrom:\n            - secretRef:\n                name: otel")])
        XCTAssertEqual(secret.diagnostics("OTL803"), [])
    }
}
