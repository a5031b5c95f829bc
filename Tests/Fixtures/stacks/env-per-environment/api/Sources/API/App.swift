import Hummingbird
import OTel

@main
struct App {
    static func main() async throws {
        let observability = try OTel.bootstrap()
        let router = Router()
        router.middlewares.add(TracingMiddleware())
        router.get("/orders") { _, _ in "[]" }
        let app = Application(router: router, services: [observability])
        try await app.runService()
    }
}
