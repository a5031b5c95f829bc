#!/usr/bin/env python3
"""Generates the inputs Scripts/benchmark measures otlint on.

  benchmark-inputs.py tree N DIR       N project folders, each a compose file, its .env, an env_file, the
                                       collector configuration its collector service mounts, the Dockerfile one
                                       service builds, a Kubernetes manifest (Deployment, ConfigMap, Instrumentation)
                                       and an unrelated YAML file walking finds
  benchmark-inputs.py env N FILE       one env file of N lines (some variables defined several times)
  benchmark-inputs.py compose N FILE   one compose file of N services (shared anchors, typos, duplicates)
  benchmark-inputs.py swift BYTES FILE one Swift file of about BYTES bytes of tracing code

Each input grows by repeating the same kind of content, so N times the input should take about N times
as long to check.
"""
import os
import sys


def tree(count, root):
    for i in range(count):
        d = os.path.join(root, f"svc{i:03d}")
        os.makedirs(d)
        services = "".join(f"""
  api{j}:
    image: example/api{j}:1.{i}
    env_file: [common.env]
    environment:
      OTEL_SERVICE_NAME: api{j}-{i}
      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:${{OTLP_PORT:-4317}}
      OTEL_EXPORTER_OTLP_PROTOCOL: grpc
      OTEL_RESOURCE_ATTRIBUTES: deployment.environment.name=staging,service.version=1.{i}
    depends_on: [collector]
""" for j in range(6))
        services += """
  web:
    build:
      context: ./web
      args:
        COLLECTOR_PORT: "4318"
    environment:
      OTEL_SERVICE_NAME: web-%d
""" % i
        with open(os.path.join(d, "docker-compose.yml"), "w") as f:
            f.write("x-common: &common\n  restart: unless-stopped\nservices:" + services +
                    "  collector:\n    <<: *common\n    image: otel/opentelemetry-collector-contrib:0.115.0\n"
                    "    volumes:\n      - ./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml\n")
        with open(os.path.join(d, "otel-collector-config.yaml"), "w") as f:
            f.write(collector_config(i))
        with open(os.path.join(d, ".env"), "w") as f:
            f.write("OTLP_PORT=4317\nTAG=1.0\n")
        with open(os.path.join(d, "common.env"), "w") as f:
            f.write("OTEL_TRACES_SAMPLER=parentbased_traceidratio\nOTEL_TRACES_SAMPLER_ARG=0.1\n")
        os.makedirs(os.path.join(d, "web"))
        with open(os.path.join(d, "web", "Dockerfile"), "w") as f:
            f.write(dockerfile(i))
        os.makedirs(os.path.join(d, "k8s"))
        with open(os.path.join(d, "k8s", "web.yaml"), "w") as f:
            f.write(manifest(i))
        with open(os.path.join(d, "k8s", "kustomization.yaml"), "w") as f:
            f.write("resources:\n  - web.yaml\nimages:\n  - name: example/web\n    newTag: \"1.%d\"\n" % i)


def dockerfile(i):
    """A two-stage Node.js build whose runtime stage sets OpenTelemetry defaults from a build argument."""
    return f"""FROM node:20-slim AS build
WORKDIR /app
COPY package.json ./
RUN npm ci --omit=dev
FROM build AS runtime
ARG COLLECTOR_PORT=4317
ENV OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:${{COLLECTOR_PORT}} \\
    OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \\
    OTEL_RESOURCE_ATTRIBUTES=service.version=1.{i}
CMD ["node", "--require", "@opentelemetry/auto-instrumentations-node/register", "server.js"]
"""


def manifest(i):
    """A ConfigMap, a Deployment that takes it with envFrom and is injected by the Operator, and its Instrumentation."""
    return f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: otel-{i}
  namespace: shop-staging
data:
  OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf
  OTEL_TRACES_SAMPLER: parentbased_traceidratio
  OTEL_TRACES_SAMPLER_ARG: "0.1"
---
apiVersion: opentelemetry.io/v1alpha1
kind: Instrumentation
metadata:
  name: python-{i}
  namespace: shop-staging
spec:
  exporter:
    endpoint: http://collector.observability:4318
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{i}
  namespace: shop-staging
spec:
  replicas: 2
  template:
    metadata:
      annotations:
        instrumentation.opentelemetry.io/inject-python: "python-{i}"
    spec:
      containers:
        - name: web
          image: example/web:1.{i}
          envFrom:
            - configMapRef:
                name: otel-{i}
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: OTEL_RESOURCE_ATTRIBUTES
              value: "service.instance.id=$(POD_NAME),service.version=1.{i}"
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://collector.observability:4318
"""


def collector_config(i):
    """A collector configuration with the usual sections; every tenth one keeps a default endpoint (a finding)."""
    grpc = "      grpc:\n" if i % 10 == 0 else "      grpc:\n        endpoint: 0.0.0.0:4317\n"
    pipelines = "".join(f"""    {signal}:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [otlp/backend{"" if signal == "traces" else ", debug"}]
""" for signal in ("traces", "metrics", "logs"))
    return f"""receivers:
  otlp:
    protocols:
{grpc}      http:
        endpoint: 0.0.0.0:4318
processors:
  memory_limiter:
    check_interval: 1s
    limit_percentage: 80
    spike_limit_percentage: 20
  batch:
    send_batch_size: 1024
  resource:
    attributes:
      - key: deployment.environment.name
        value: ${{env:ENVIRONMENT:-staging}}
        action: upsert
exporters:
  debug:
    verbosity: basic
  otlp/backend:
    endpoint: backend.example.com:4317
    headers:
      x-tenant: tenant-{i}
extensions:
  health_check:
    endpoint: 0.0.0.0:13133
service:
  extensions: [health_check]
  pipelines:
{pipelines}"""


def env(lines, path):
    with open(path, "w") as f:
        f.write("OTEL_SERVICE_NAME=big\nOTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n")
        for i in range(lines):
            if i % 10 == 0:
                f.write(f"OTEL_TRACES_SAMPLER_ARG=0.{i % 7}\n")    # one variable set again and again
            elif i % 10 == 1:
                f.write(f"DUPLICATED_{i // 100}=v{i}\n")             # each set about ten times
            elif i % 10 == 2:
                f.write(f"OTEL_EXPORTER_OTLP_HEADERS=api-key=k{i}\n")  # a credential, masked in every output
            else:
                f.write(f"APP_VARIABLE_{i}=value{i}\n")


def compose(services, path):
    with open(path, "w") as f:
        f.write("x-common: &common\n  restart: unless-stopped\n  environment: &env\n"
                "    OTEL_TRACES_SAMPLER: parentbased_traceidratio\n")
        f.write("services:\n  collector:\n    image: otel/opentelemetry-collector-contrib:0.115.0\n")
        for i in range(services):
            host = ["collector", "colector", "localhost", f"svc{(i * 7) % services}", "nowhere"][i % 5]
            f.write(f"""  svc{i}:
    <<: *common
    image: example/app{i % 50}:1.0
    environment:
      <<: *env
      OTEL_SERVICE_NAME: name{i % 7}
      OTEL_EXPORTER_OTLP_ENDPOINT: http://{host}:4318
      OTEL_PROPAGATORS: {"b3" if i % 9 == 0 else "tracecontext"}
      OTEL_RESOURCE_ATTRIBUTES: service.instance.id=i{i % 4}
    extra_hosts: ["h{i}:10.0.0.1"]
    links: ["collector:c{i}"]
""")


def swift(size, path):
    with open(path, "w") as f:
        f.write("import Tracing\nimport OpenTelemetryApi\n\n")
        i = 0
        while f.tell() < size:
            f.write(f"""
func handler{i}(request: Request) async throws -> Response {{
    let span = tracer.startSpan("handler{i}")
    span.setAttribute(key: "user.email", value: request.email)
    for item in request.items {{
        let child = tracer.startSpan("item")
        child.attributes["item.id"] = item.id
        if item.isEmpty {{ return Response(status: .badRequest) }}
        child.end()
    }}
    span.end()
    return try await withSpan("inner{i}") {{ span in try await client.execute(request: req) }}
}}
""")
            i += 1


kind, count, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind != "tree":
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
{"tree": tree, "env": env, "compose": compose, "swift": swift}[kind](count, target)
