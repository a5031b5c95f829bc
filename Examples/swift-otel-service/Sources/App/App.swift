import Hummingbird
import Logging
import OTel

@main
struct CheckoutService {
    static func main() async throws {
        var config = OTel.Configuration.default
        config.serviceName = "checkout"
        _ = try OTel.bootstrap(configuration: config)

        let router = Router()
        router.middlewares.add(TracingMiddleware(recordingHeaders: [.authorization, .contentType]))
        CheckoutRoutes(logger: Logger(label: "checkout")).register(on: router)

        let app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: 8080)))
        try await app.runService()
    }
}
