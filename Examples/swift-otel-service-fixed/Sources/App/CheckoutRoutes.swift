import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import Tracing

struct CheckoutRoutes {
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post("checkout") { request, context in
            let order = try await request.decode(as: Order.self, context: context)
            return try await checkout(order)
        }
    }

    func checkout(_ order: Order) async throws -> HTTPResponse.Status {
        try await withSpan("checkout", ofKind: .server) { span in
            span.attributes["http.request.method"] = "POST"
            span.attributes["customer.id"] = order.customerID

            try await withSpan("reserve-items") { itemsSpan in
                itemsSpan.attributes["inventory.items"] = order.items.count
                for item in order.items {
                    itemsSpan.addEvent(SpanEvent(name: "reserve", attributes: ["inventory.sku": "\(item.sku)"]))
                    try await reserve(item)
                }
            }

            do {
                try await charge(order)
            } catch {
                span.recordError(error)
                span.setStatus(SpanStatus(code: .error))
                logger.error("payment failed: \(error)")
                return .paymentRequired
            }
            return .ok
        }
    }

    func reserve(_ item: Order.Item) async throws {
        let request = HTTPClientRequest(url: "http://inventory:8080/reserve/\(item.sku)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        guard response.status == .ok else { throw CheckoutError.outOfStock(item.sku) }
    }

    func charge(_ order: Order) async throws {
        let span = startSpan("charge", ofKind: .client)
        defer { span.end() }
        span.attributes["payment.amount"] = order.total
        guard order.total > 0 else { return }
        try await PaymentGateway.shared.charge(order.total)
    }
}

struct Order: Decodable {
    struct Item: Decodable {
        var sku: String
        var quantity: Int
    }

    var customerID: String
    var items: [Item]
    var total: Double
}

enum CheckoutError: Error {
    case outOfStock(String)
}
