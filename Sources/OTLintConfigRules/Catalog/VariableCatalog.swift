/// The type of an OpenTelemetry environment variable (spec `configuration/common.md`).
public enum VariableType: Sendable, Hashable {
    /// Only case-insensitive `true` is true; everything else is false.
    case boolean
    /// 0 … 2^31−1; `minimum` 1 for sizes that must be positive.
    case integer(minimum: Int)
    /// Integer milliseconds, non-negative.
    case duration
    /// Like a duration; 0 means no limit.
    case timeout
    /// One of `values` (case-insensitive).
    case enumeration
    /// A comma-separated list of `values`.
    case enumerationList
    case url
    case string
    /// `key=value,...`
    case keyValueList
}

/// Whether a variable is current.
public enum VariableStatus: Sendable, Hashable {
    case current
    /// Still read by SDKs but replaced (`replacement`).
    case deprecated(replacement: String?)
    /// Removed from the specification.
    case removed(note: String)
}

/// What the specification says about one `OTEL_*` variable.
public struct VariableSpec: Sendable {
    public var name: String
    public var type: VariableType
    /// Valid values for enums, lower case. SDKs may accept more; `extraValues` are values known to be accepted
    /// by some SDK (never flagged).
    public var values: [String]
    public var extraValues: [String]
    /// The spec default, as text, when there is one.
    public var defaultValue: String?
    public var status: VariableStatus

    public init(_ name: String, _ type: VariableType, values: [String] = [], extraValues: [String] = [],
                defaultValue: String? = nil, status: VariableStatus = .current) {
        self.name = name
        self.type = type
        self.values = values
        self.extraValues = extraValues
        self.defaultValue = defaultValue
        self.status = status
    }
}

/// Every variable of the OpenTelemetry specification (v1.60.0) as data: one table, one place to edit.
///
/// SDK-specific readings (which variables opentelemetry-swift or swift-otel honour, which values they accept)
/// belong in a separate table keyed by SDK, layered over this one.
public enum VariableCatalog {
    public static let signals = ["TRACES", "METRICS", "LOGS"]
    public static let protocols = ["grpc", "http/protobuf", "http/json"]
    public static let samplers = ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off",
                                  "parentbased_traceidratio", "parentbased_jaeger_remote", "jaeger_remote", "xray"]
    public static let propagators = ["tracecontext", "baggage", "b3", "b3multi", "jaeger", "xray", "ottrace", "none"]
    /// Exporter names SDKs accept beyond the specification's: Python's entry points (opentelemetry-distro), Java's
    /// `logging-otlp` and `experimental-otlp/stdout` (opentelemetry-java, sdk-extensions/autoconfigure README), and
    /// `jaeger-thrift-splunk` of Splunk's distributions (splunk-otel-java 1.x, splunk-otel-go).
    static let sdkExporterNames = ["otlp_proto_grpc", "otlp_proto_http", "otlp_json_http", "otlp_json_file",
                                   "zipkin_json", "zipkin_proto", "opencensus", "logging-otlp", "experimental-otlp/stdout",
                                   "jaeger-thrift-splunk"]
    static let logLevels = ["none", "error", "warn", "info", "debug", "verbose", "all"]

    public static let all: [VariableSpec] = {
        var specs: [VariableSpec] = [
            VariableSpec("OTEL_SDK_DISABLED", .boolean, defaultValue: "false"),
            VariableSpec("OTEL_ENTITIES", .string),
            VariableSpec("OTEL_RESOURCE_ATTRIBUTES", .keyValueList),
            VariableSpec("OTEL_SERVICE_NAME", .string),
            VariableSpec("OTEL_LOG_LEVEL", .enumeration, values: logLevels, extraValues: ["warning", "trace", "fatal", "critical"],
                         defaultValue: "info"),
            VariableSpec("OTEL_PROPAGATORS", .enumerationList, values: propagators, extraValues: ["xray-lambda"],
                         defaultValue: "tracecontext,baggage"),
            VariableSpec("OTEL_TRACES_SAMPLER", .enumeration, values: samplers, defaultValue: "parentbased_always_on"),
            VariableSpec("OTEL_TRACES_SAMPLER_ARG", .string),
            VariableSpec("OTEL_BSP_SCHEDULE_DELAY", .duration, defaultValue: "5000"),
            VariableSpec("OTEL_BSP_EXPORT_TIMEOUT", .timeout, defaultValue: "30000"),
            VariableSpec("OTEL_BSP_MAX_QUEUE_SIZE", .integer(minimum: 1), defaultValue: "2048"),
            VariableSpec("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", .integer(minimum: 1), defaultValue: "512"),
            VariableSpec("OTEL_BLRP_SCHEDULE_DELAY", .duration, defaultValue: "1000"),
            VariableSpec("OTEL_BLRP_EXPORT_TIMEOUT", .timeout, defaultValue: "30000"),
            VariableSpec("OTEL_BLRP_MAX_QUEUE_SIZE", .integer(minimum: 1), defaultValue: "2048"),
            VariableSpec("OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", .integer(minimum: 1), defaultValue: "512"),
            VariableSpec("OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", .integer(minimum: 0)),
            VariableSpec("OTEL_ATTRIBUTE_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", .integer(minimum: 0)),
            VariableSpec("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_SPAN_EVENT_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_SPAN_LINK_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_LINK_ATTRIBUTE_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT", .integer(minimum: 0)),
            VariableSpec("OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT", .integer(minimum: 0), defaultValue: "128"),
            VariableSpec("OTEL_TRACES_EXPORTER", .enumerationList, values: ["otlp", "zipkin", "console", "logging", "none", "otlp/stdout"],
                         extraValues: sdkExporterNames, defaultValue: "otlp"),
            VariableSpec("OTEL_METRICS_EXPORTER", .enumerationList, values: ["otlp", "prometheus", "console", "logging", "none", "otlp/stdout"],
                         extraValues: sdkExporterNames, defaultValue: "otlp"),
            VariableSpec("OTEL_LOGS_EXPORTER", .enumerationList, values: ["otlp", "console", "logging", "none", "otlp/stdout"],
                         extraValues: sdkExporterNames, defaultValue: "otlp"),
            VariableSpec("OTEL_METRICS_EXEMPLAR_FILTER", .enumeration, values: ["always_on", "always_off", "trace_based"],
                         defaultValue: "trace_based"),
            VariableSpec("OTEL_METRIC_EXPORT_INTERVAL", .duration, defaultValue: "60000"),
            VariableSpec("OTEL_METRIC_EXPORT_TIMEOUT", .timeout, defaultValue: "30000"),
            VariableSpec("OTEL_EXPORTER_OTLP_SPAN_INSECURE", .boolean, status: .deprecated(replacement: "OTEL_EXPORTER_OTLP_TRACES_INSECURE")),
            VariableSpec("OTEL_EXPORTER_OTLP_METRIC_INSECURE", .boolean, status: .deprecated(replacement: "OTEL_EXPORTER_OTLP_METRICS_INSECURE")),
            VariableSpec("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", .enumeration, values: ["cumulative", "delta", "lowmemory"],
                         defaultValue: "cumulative"),
            VariableSpec("OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION", .enumeration,
                         values: ["explicit_bucket_histogram", "base2_exponential_bucket_histogram"], defaultValue: "explicit_bucket_histogram"),
            VariableSpec("OTEL_EXPORTER_ZIPKIN_ENDPOINT", .url, defaultValue: "http://localhost:9411/api/v2/spans",
                         status: .deprecated(replacement: nil)),
            VariableSpec("OTEL_EXPORTER_ZIPKIN_TIMEOUT", .timeout, defaultValue: "10000", status: .deprecated(replacement: nil)),
            VariableSpec("OTEL_EXPORTER_ZIPKIN_PROTOCOL", .string, status: .deprecated(replacement: nil)),
            VariableSpec("OTEL_EXPORTER_PROMETHEUS_HOST", .string, defaultValue: "localhost"),
            VariableSpec("OTEL_EXPORTER_PROMETHEUS_PORT", .integer(minimum: 0), defaultValue: "9464"),
            VariableSpec("OTEL_CONFIG_FILE", .string),
            VariableSpec("OTEL_EXPERIMENTAL_CONFIG_FILE", .string, status: .deprecated(replacement: "OTEL_CONFIG_FILE")),
            VariableSpec("OTEL_SEMCONV_STABILITY_OPT_IN", .enumerationList,
                         values: ["http", "http/dup", "database", "database/dup", "messaging", "messaging/dup", "rpc", "rpc/dup", "code", "code/dup"]),
            VariableSpec("OTEL_SEMCONV_EXCEPTION_SIGNAL_OPT_IN", .enumeration, values: ["logs", "logs/dup"]),
            VariableSpec("OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS", .string),
        ]
        // OTLP exporter: a base variable and one per signal for each option.
        for prefix in ["OTEL_EXPORTER_OTLP_"] + signals.map({ "OTEL_EXPORTER_OTLP_\($0)_" }) {
            specs += [
                VariableSpec(prefix + "ENDPOINT", .url),
                VariableSpec(prefix + "PROTOCOL", .enumeration, values: protocols, defaultValue: "http/protobuf"),
                VariableSpec(prefix + "HEADERS", .keyValueList),
                VariableSpec(prefix + "TIMEOUT", .timeout, defaultValue: "10000"),
                VariableSpec(prefix + "COMPRESSION", .enumeration, values: ["gzip", "none"], extraValues: ["deflate"]),
                VariableSpec(prefix + "CERTIFICATE", .string),
                VariableSpec(prefix + "CLIENT_KEY", .string),
                VariableSpec(prefix + "CLIENT_CERTIFICATE", .string),
                VariableSpec(prefix + "INSECURE", .boolean, defaultValue: "false"),
            ]
        }
        let jaegerRemoved = VariableStatus.removed(note: "the Jaeger exporter was removed from the specification (v1.23.0); Jaeger accepts OTLP")
        for suffix in ["PROTOCOL", "ENDPOINT", "TIMEOUT", "USER", "PASSWORD", "AGENT_HOST", "AGENT_PORT"] {
            specs.append(VariableSpec("OTEL_EXPORTER_JAEGER_" + suffix, .string, status: jaegerRemoved))
        }
        return specs
    }()

    static let byName: [String: VariableSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func spec(_ name: String) -> VariableSpec? { byName[name] }

    /// `OTEL_{LANGUAGE}_*` families and SDK-specific prefixes: not spec variables, but not typos either.
    public static let familyPrefixes = [
        "OTEL_PYTHON_", "OTEL_JAVA_", "OTEL_JAVAAGENT_", "OTEL_NODE_", "OTEL_JS_", "OTEL_DOTNET_", "OTEL_DOTNET_AUTO_",
        "OTEL_GO_", "OTEL_RUBY_", "OTEL_PHP_", "OTEL_SWIFT_", "OTEL_RUST_", "OTEL_CPP_", "OTEL_ERLANG_", "OTEL_ELIXIR_",
        "OTEL_INSTRUMENTATION_", "OTEL_EXPERIMENTAL_", "OTEL_SEMCONV_", "OTEL_COLLECTOR_", "OTEL_EBPF_", "OTEL_K8S_",
    ]

    public static func isLanguageSpecific(_ name: String) -> Bool {
        familyPrefixes.contains { name.hasPrefix($0) }
    }

    /// Misspellings seen in real projects, with what was meant (env-vars.md §12).
    public static let commonMisspellings: [String: String] = [
        "OTEL_EXPORTER_OTLP_TRACE_ENDPOINT": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRIC_ENDPOINT": "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOG_ENDPOINT": "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
        "OTEL_TRACE_SAMPLER": "OTEL_TRACES_SAMPLER",
        "OTEL_TRACE_SAMPLER_ARG": "OTEL_TRACES_SAMPLER_ARG",
        "OTEL_TRACES_SAMPLER_ARGS": "OTEL_TRACES_SAMPLER_ARG",
        "OTEL_RESOURCE_ATTRIBUTE": "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_SERVICENAME": "OTEL_SERVICE_NAME",
        "OTEL_EXPORTER_OTLP_HEADER": "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_PROPAGATOR": "OTEL_PROPAGATORS",
        "OTEL_TRACE_EXPORTER": "OTEL_TRACES_EXPORTER",
        "OTEL_METRIC_EXPORTER": "OTEL_METRICS_EXPORTER",
        "OTEL_LOG_EXPORTER": "OTEL_LOGS_EXPORTER",
    ]

    /// Plausible names that no OpenTelemetry SDK reads, too far from a spec name to be caught as typos, with what
    /// sets the intended thing. None is in the specification's list (env-vars.md §12) or in a language family
    /// (`familyPrefixes`); the SDKs read `OTEL_SDK_DISABLED`, `OTEL_{SIGNAL}_EXPORTER` and `service.version` in
    /// `OTEL_RESOURCE_ATTRIBUTES` instead.
    public static let namesNoSDKReads: [String: String] = [
        "OTEL_SDK_ENABLED": "the SDK is on unless `OTEL_SDK_DISABLED=true`; remove it (or set `OTEL_SDK_DISABLED=false`)",
        "OTEL_ENABLED": "the SDK is on unless `OTEL_SDK_DISABLED=true`; remove it (or set `OTEL_SDK_DISABLED=false`)",
        "OTEL_TRACES_ENABLED": "choose the traces exporter with `OTEL_TRACES_EXPORTER` (`none` turns traces off)",
        "OTEL_METRICS_ENABLED": "choose the metrics exporter with `OTEL_METRICS_EXPORTER` (`none` turns metrics off)",
        "OTEL_LOGS_ENABLED": "choose the logs exporter with `OTEL_LOGS_EXPORTER` (`none` turns logs off)",
        "OTEL_EXPORTER_OTLP_ENABLED": "choose exporters with `OTEL_TRACES_EXPORTER`, `OTEL_METRICS_EXPORTER` and `OTEL_LOGS_EXPORTER`",
        "OTEL_EXPORTER": "set `OTEL_TRACES_EXPORTER` (and `OTEL_METRICS_EXPORTER`, `OTEL_LOGS_EXPORTER`)",
        "OTEL_SERVICE_VERSION": "set `service.version` in `OTEL_RESOURCE_ATTRIBUTES`",
        "OTEL_SERVICE_NAMESPACE": "set `service.namespace` in `OTEL_RESOURCE_ATTRIBUTES`",
        "OTEL_DEPLOYMENT_ENVIRONMENT": "set `deployment.environment.name` in `OTEL_RESOURCE_ATTRIBUTES`",
        "OTEL_ENVIRONMENT": "set `deployment.environment.name` in `OTEL_RESOURCE_ATTRIBUTES`",
    ]

    /// The known name closest to `name` by edit distance, when it is close enough to be a typo.
    public static func nearest(to name: String) -> String? {
        if let known = commonMisspellings[name] { return known }
        return EditDistance.nearest(to: name, among: all.lazy.map(\.name), limit: name.count >= 20 ? 3 : 2)
    }
}

/// Levenshtein distance with an early exit above `limit`.
public enum EditDistance {
    /// The candidate closest to `name` within `limit` edits (the first of equally close ones), other than `name`
    /// itself: the "did you mean" of every rule, and of the configuration file, that suggests a name.
    public static func nearest(to name: String, among candidates: some Sequence<String>, limit: Int) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = between(name, candidate, limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    static func between(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
