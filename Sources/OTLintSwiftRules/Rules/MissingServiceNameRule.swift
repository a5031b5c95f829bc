import OTLintCore
import SwiftSyntax

/// OTL301 (Swift): an opentelemetry-swift tracer provider built without a resource.
///
/// `TracerProviderBuilder` starts from `Resource()` — `service.name = unknown_service:<process>` — and does not
/// read `OTEL_RESOURCE_ATTRIBUTES` or `OTEL_SERVICE_NAME`; without `.with(resource:)` every span is reported
/// under that name.
struct MissingServiceNameRule: SwiftRule {
    var ruleIDs: [String] { ["OTL301"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.openTelemetrySwift), !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.tree.descendants(FunctionCallExprSyntax.self)
        where call.calledExpression.memberPath == ["TracerProviderBuilder"] && call.arguments.isEmpty {
            // Follow the fluent chain outwards: TracerProviderBuilder().add(...).with(...).build()
            var names: [String] = []
            var node = Syntax(call)
            while let member = node.parent?.as(MemberAccessExprSyntax.self), member.base?.id == node.id,
                  let outer = member.parent?.as(FunctionCallExprSyntax.self) {
                names.append(member.declName.baseName.text + "(" + outer.argumentLabels.map { ($0 ?? "_") + ":" }.joined() + ")")
                node = Syntax(outer)
            }
            guard names.last == "build()", !names.contains(where: { $0.hasPrefix("with(resource:") }), let token = call.calleeToken else { continue }
            diagnostics.append(model.diagnostic(
                "OTL301", at: token,
                message: "this tracer provider has no resource, so every span is reported as service `unknown_service:<process name>`",
                why: "`TracerProviderBuilder` starts from `Resource()` and opentelemetry-swift reads neither `OTEL_SERVICE_NAME` nor, through the builder, `OTEL_RESOURCE_ATTRIBUTES`",
                help: "add `.with(resource: Resource(attributes: [SemanticConventions.Service.name.rawValue: .string(\"my-service\")]).merging(other: EnvVarResource.get()))`"
            ))
        }
        return diagnostics
    }
}
