import Hummingbird
import Logging
import OTel

@main
struct CheckoutService {
    static func main() async throws {
        var config = OTel.Configuration.default
        config.serviceName = "checkout"
        let observability = try OTel.bootstrap(configuration: config)

        let router = Router()
        router.middlewares.add(TracingMiddleware(recordingHeaders: [.contentType]))
        CheckoutRoutes(logger: Logger(label: "checkout")).register(on: router)

        var app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: 8080)))
        app.addServices(observability)
        try await app.runService()
    }
}
