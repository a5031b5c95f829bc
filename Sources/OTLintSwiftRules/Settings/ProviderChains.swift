import OTLintCore
import SwiftSyntax

/// opentelemetry-swift providers built in code and how they name their service.
///
/// `TracerProviderBuilder` and `MeterProviderSdk.builder()` start from `Resource()`, whose `service.name` is
/// `unknown_service:<process>`, and opentelemetry-swift reads neither `OTEL_SERVICE_NAME` nor (unless the code merges
/// `EnvVarResource.get()`) `OTEL_RESOURCE_ATTRIBUTES`. So a builder chain without a resource, or with a literal
/// resource that has no `service.name`, always reports `unknown_service`. swift-otel is not read here: it takes
/// `OTEL_SERVICE_NAME` from the deployment.
enum ProviderChains {
    static func namings(in model: SwiftSourceModel) -> [ServiceNaming] {
        guard model.ecosystems.contains(.openTelemetrySwift), !isLocalOnly(model.file.text) else { return [] }
        var namings: [ServiceNaming] = []
        for call in model.nodes.calls where call.calleeName == "build" && call.arguments.isEmpty {
            // Only the outermost `build()` of a chain written in one expression.
            let chain = builderChain(endingAt: call)
            guard let root = chain.first, let kind = providerKind(root), !isLocalOnly(call.trimmedDescription) else { continue }
            let resourceCalls = chain.filter { $0.calleeName == kind.resourceMethod && $0.argument(kind.resourceLabel) != nil }
            let why = "opentelemetry-swift starts from `Resource()` (service.name `unknown_service:<process>`) and never reads `OTEL_SERVICE_NAME`; `OTEL_RESOURCE_ATTRIBUTES` is only used when the code merges `EnvVarResource.get()`"
            guard let resourceCall = resourceCalls.last, let argument = resourceCall.argument(kind.resourceLabel) else {
                namings.append(ServiceNaming(
                    subject: "this \(kind.name)", location: model.location(of: root.calleeToken ?? root.calledExpression.firstToken(viewMode: .sourceAccurate)!),
                    exportsRemotely: true, isNamed: false, mayBeNamedElsewhere: false, gap: "it is built without a resource", why: why,
                    help: "give the provider a resource with a service name: `.\(kind.resourceMethod)(\(kind.resourceLabel): Resource(attributes: [\"service.name\": .string(\"checkout\")]).merging(other: EnvVarResource.get()))`"))
                continue
            }
            // A resource built at run time, merged, or with `service.name`: named, or not knowable here.
            guard let resource = literalResourceWithoutServiceName(argument.expression) else { continue }
            namings.append(ServiceNaming(
                subject: "this \(kind.name)", location: model.location(of: resource.calleeToken ?? resource.calledExpression.firstToken(viewMode: .sourceAccurate)!),
                exportsRemotely: true, isNamed: false, mayBeNamedElsewhere: false, gap: "its resource has no `service.name`", why: why,
                help: "add `\"service.name\": .string(\"checkout\")` to the resource attributes, or merge `EnvVarResource.get()` and set `service.name` in `OTEL_RESOURCE_ATTRIBUTES`"))
        }
        return namings
    }

    /// The file names only exporters where the service name does not matter: stdout and in-memory (printed or
    /// inspected locally), Prometheus (scraped; the scrape job names the target). A file naming no exporter at all
    /// builds its provider from exporters made elsewhere and is still judged.
    /// Text (a file, or one builder chain) that names local exporters and no remote one.
    static func isLocalOnly(_ text: String) -> Bool {
        let remote = ["Otlp", "OTLP", "Zipkin", "Jaeger", "Persistence", "Datadog"]
        let local = ["Stdout", "InMemory", "Prometheus", "ConsoleExporter"]
        return !remote.contains(where: text.contains) && local.contains(where: text.contains)
    }

    struct ProviderKind {
        let name: String
        let resourceMethod: String
        let resourceLabel: String
    }

    /// `TracerProviderBuilder()` or `MeterProviderSdk.builder()` at the start of the chain.
    private static func providerKind(_ root: FunctionCallExprSyntax) -> ProviderKind? {
        let path = root.calledExpression.memberPath ?? []
        if path == ["TracerProviderBuilder"] { return ProviderKind(name: "tracer provider", resourceMethod: "with", resourceLabel: "resource") }
        if path == ["MeterProviderSdk", "builder"] {
            return ProviderKind(name: "meter provider", resourceMethod: "setResource", resourceLabel: "resource")
        }
        return nil
    }

    /// The calls of `A().b().c().build()`, innermost first; empty when `build()` is itself chained on.
    private static func builderChain(endingAt call: FunctionCallExprSyntax) -> [FunctionCallExprSyntax] {
        if let member = call.parent?.as(MemberAccessExprSyntax.self), member.base?.id == call.id { return [] }
        var calls: [FunctionCallExprSyntax] = [call]
        var current: ExprSyntax? = call.receiver
        while let expression = current {
            if let inner = expression.as(FunctionCallExprSyntax.self) {
                calls.append(inner)
                current = inner.receiver
            } else if let member = expression.as(MemberAccessExprSyntax.self) {
                current = member.base
            } else {
                break
            }
        }
        return calls.reversed()
    }

    /// `Resource()` or `Resource(attributes: [literal keys, none of them service.name])` with nothing merged in.
    private static func literalResourceWithoutServiceName(_ expression: ExprSyntax) -> FunctionCallExprSyntax? {
        guard let call = expression.unwrappingEffects.as(FunctionCallExprSyntax.self), call.calledExpression.memberPath == ["Resource"]
        else { return nil }
        if call.arguments.isEmpty { return call }
        guard call.arguments.count == 1, let argument = call.argument("attributes"),
              let dictionary = argument.expression.as(DictionaryExprSyntax.self)
        else { return nil }
        guard case .elements(let elements) = dictionary.content else { return call }  // `[:]`
        for element in elements {
            guard let key = element.key.as(StringLiteralExprSyntax.self)?.representedLiteralValue else { return nil }
            if key == "service.name" { return nil }
        }
        return call
    }
}
