import OpenTelemetryApi
import Vapor

struct OrderController {
    let tracer: Tracer
    let repository: OrderRepository

    func list(_ req: Request) async throws -> [Order] {
        let span = tracer.spanBuilder(spanName: "list-orders").setActive(true).startSpan()
        defer { span.end() }
        span.setAttribute(key: SemanticAttributes.httpMethod.rawValue, value: "GET")
        return try await repository.all()
    }

    func show(_ req: Request) throws -> Order {
        let id = try req.parameters.require("id")
        return try tracer.spanBuilder(spanName: "load-order").withActiveSpan { span in
            span.setAttribute(key: "order.id", value: id)
            return try repository.find(id)
        }
    }

    func pay(_ req: Request) async throws -> HTTPStatus {
        let token = try req.content.get(String.self, at: "paymentToken")
        let span = tracer.spanBuilder(spanName: "pay").startSpan()
        span.setAttribute(key: "payment.token", value: token)
        let response = try await req.client.post("http://payments:8080/charge") { request in
            try request.content.encode(["token": token])
        }
        return response.status
    }
}
