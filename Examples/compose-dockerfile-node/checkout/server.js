// The checkout service. Tracing is started by `--require @opentelemetry/auto-instrumentations-node/register`
// (NODE_OPTIONS in the Dockerfile) and configured from the environment.
const express = require("express");

const app = express();
app.post("/checkout", (request, response) => response.json({ status: "accepted" }));
app.listen(8080);
