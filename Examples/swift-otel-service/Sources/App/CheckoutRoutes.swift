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
            span.attributes["http.method"] = "POST"
            span.attributes["customer.email"] = order.customerEmail

            for item in order.items {
                try await withSpan("reserve-item") { itemSpan in
                    itemSpan.attributes["inventory.sku"] = item.sku
                    try await reserve(item)
                }
            }

            do {
                try await charge(order)
            } catch {
                logger.error("payment failed: \(error)")
                return .paymentRequired
            }
            return .ok
        }
    }

    func reserve(_ item: Order.Item) async throws {
        let response = try await HTTPClient.shared.post(url: "http://inventory:8080/reserve/\(item.sku)").get()
        guard response.status == .ok else { throw CheckoutError.outOfStock(item.sku) }
    }

    func charge(_ order: Order) async throws {
        let span = startSpan("charge", ofKind: .client)
        span.attributes["payment.amount"] = order.total
        guard order.total > 0 else { return }
        try await PaymentGateway.shared.charge(order.total)
        span.end()
    }
}

struct Order: Decodable {
    struct Item: Decodable {
        var sku: String
        var quantity: Int
    }

    var customerEmail: String
    var items: [Item]
    var total: Double
}

enum CheckoutError: Error {
    case outOfStock(String)
}
