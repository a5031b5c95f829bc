/// Whether a gRPC `ClientConnection` is built plaintext (`.insecure(group:)`) or with TLS.
enum GRPCConnectionSecurity {
    case plaintext, tls

    var builder: String { self == .plaintext ? "insecure" : "usingPlatformAppropriateTLS" }
}
