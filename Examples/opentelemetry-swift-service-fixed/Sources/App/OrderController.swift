import OpenTelemetryApi
import Vapor

struct HeaderSetter: Setter {
    func set(carrier: inout [String: String], key: String, value: String) { carrier[key] = value }
}

struct OrderController {
    let tracer: Tracer
    let repository: OrderRepository

    func list(_ req: Request) async throws -> [Order] {
        try await tracer.spanBuilder(spanName: "list-orders").withActiveSpan { span in
            span.setAttribute(key: SemanticConventions.Http.requestMethod, value: "GET")
            do {
                return try await repository.all()
            } catch {
                span.status = .error(description: "\(error)")
                throw error
            }
        }
    }

    func show(_ req: Request) throws -> Order {
        let id = try req.parameters.require("id")
        return try tracer.spanBuilder(spanName: "load-order").withActiveSpan { span in
            span.setAttribute(key: "order.id", value: id)
            do {
                return try repository.find(id)
            } catch {
                span.status = .error(description: "\(error)")
                (span as? Span)?.recordException(error)
                throw error
            }
        }
    }

    func pay(_ req: Request) async throws -> HTTPStatus {
        let token = try req.content.get(String.self, at: "paymentToken")
        let span = tracer.spanBuilder(spanName: "pay").setSpanKind(spanKind: .client).startSpan()
        defer { span.end() }
        var carrier: [String: String] = [:]
        OpenTelemetry.instance.propagators.textMapPropagator.inject(spanContext: span.context, carrier: &carrier, setter: HeaderSetter())
        let response = try await req.client.post("http://payments:8080/charge", headers: HTTPHeaders(carrier.map { ($0.key, $0.value) })) { request in
            try request.content.encode(["token": token])
        }
        return response.status
    }
}
