// A small OpenAI-compatible chat-completions server over one local GGUF model (node-llama-cpp).
//
// POST /v1/chat/completions (messages, max_tokens / max_completion_tokens, temperature, top_p,
// seed, response_format json_object / json_schema enforced by a grammar), GET /v1/models (with
// the context size, so clients can budget their prompts), GET /health. Up to --sequences requests
// are generated at once (one thread by default: the machines this runs on are shared), each on its
// own context sequence, decoded in one batch. A sequence's history is NOT cleared after a request:
// node-llama-cpp re-evaluates only the tokens after the prefix the next prompt shares with the last
// one, and a request goes to the free sequence whose last prompt shares the longest prefix with it,
// so a role's instructions, schema and a record's data are evaluated once, not on every call
// (prompt evaluation dominates the cost on one core).
// Usage: node server.mjs --model FILE [--port 0] [--host 127.0.0.1] [--threads 1] [--ctx 4096] [--sequences 4]
// Prints one JSON line {"url", "model", "context_size"} on stdout once it listens.
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { getLlama, LlamaChatSession } from "node-llama-cpp";

const { values: opt } = parseArgs({ options: {
  model: { type: "string" }, port: { type: "string", default: "0" }, host: { type: "string", default: "127.0.0.1" },
  threads: { type: "string", default: "1" }, ctx: { type: "string", default: "4096" },
  sequences: { type: "string", default: "4" },
  name: { type: "string" } } });
if (!opt.model) { console.error("error: --model FILE is required"); process.exit(2); }
const modelName = opt.name || path.basename(opt.model).replace(/\.gguf$/, "");
const MAX_BODY = 1 << 20; // bytes; prompts here are a few kB

const llama = await getLlama({ build: "never", gpu: false, maxThreads: Number(opt.threads) });
const model = await llama.loadModel({ modelPath: opt.model });
const context = await model.createContext({ contextSize: Number(opt.ctx), threads: Number(opt.threads),
  sequences: Number(opt.sequences) });
const slots = Array.from({ length: context.totalSequences },
  () => ({ sequence: context.getSequence(), text: "", used: 0, busy: false }));
const waiting = []; // requests waiting for a free sequence, first come first served
let clock = 0;

function sharedPrefix(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

// The free sequence whose last prompt shares the longest prefix with this one (node-llama-cpp
// evaluates only the tokens after the shared prefix; prompt evaluation dominates the cost on a
// CPU: a writer prompt of ~2,400 tokens costs ~10x its ~90-token answer), else the least
// recently used; waits while every sequence is generating. Requests on different sequences run
// at the same time and node-llama-cpp decodes their next tokens in one batch.
function acquire(text, signal) {
  const free = slots.filter((s) => !s.busy);
  if (free.length) {
    const score = (s) => sharedPrefix(s.text, text);
    const slot = free.reduce((a, b) => (score(b) > score(a) || (score(b) === score(a) && b.used < a.used) ? b : a));
    slot.busy = true; slot.text = text; slot.used = ++clock;
    return Promise.resolve(slot);
  }
  return new Promise((resolve, reject) => {
    const entry = { text, resolve, reject };
    waiting.push(entry);
    signal.addEventListener("abort", () => {
      const i = waiting.indexOf(entry);
      if (i >= 0) { waiting.splice(i, 1); reject(new HttpError(499, "client closed the request")); }
    }, { once: true });
  });
}

function release(slot) {
  slot.busy = false;
  const next = waiting.shift();
  if (next) acquire(next.text, new AbortController().signal).then(next.resolve, next.reject);
}
const jsonGrammar = await llama.getGrammarFor("json");

class HttpError extends Error { constructor(status, message) { super(message); this.status = status; } }

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function grammarFor(rf) {
  if (!rf || rf.type === "text") return undefined;
  if (rf.type === "json_object") return jsonGrammar;
  if (rf.type === "json_schema" && rf.json_schema?.schema) {
    try { return await llama.createGrammarForJsonSchema(rf.json_schema.schema); }
    catch (e) { throw new HttpError(400, `response_format json_schema not supported for this schema: ${e.message}`); }
  }
  throw new HttpError(400, `response_format of type ${rf.type} is not supported`);
}

function history(messages) {
  const text = (m) => typeof m.content === "string" ? m.content
    : (m.content || []).map((p) => p.text || "").join("");
  const system = messages.filter((m) => m.role === "system").map(text).join("\n\n");
  const items = system ? [{ type: "system", text: system }] : [];
  for (const m of messages.filter((m) => m.role !== "system")) {
    items.push(m.role === "assistant" ? { type: "model", response: [text(m)] } : { type: "user", text: text(m) });
  }
  const last = items.at(-1);
  if (!last || last.type !== "user") throw new HttpError(400, "the last message must come from the user");
  return { past: items.slice(0, -1), prompt: last.text, all: items };
}

async function complete(body, signal) {
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw new HttpError(400, "messages is required");
  const { past, prompt, all } = history(body.messages);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? 512;
  const promptTokens = all.reduce((n, i) => n + 8 + model.tokenize(i.text ?? i.response.join("")).length, 0);
  if (promptTokens + maxTokens > context.contextSize) {
    throw new HttpError(400, `context_length_exceeded: ${promptTokens} prompt + ${maxTokens} completion tokens `
      + `exceed the context size ${context.contextSize}`);
  }
  const grammar = await grammarFor(body.response_format);
  const slot = await acquire(all.map((i) => i.text ?? i.response.join("")).join("\u0000"), signal);
  const sequence = slot.sequence;
  let session;
  try {
    session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
    session.setChatHistory(past.length ? past : [{ type: "system", text: "" }]);
    const before = sequence.tokenMeter.getState();
    const started = Date.now();
    const out = await session.promptWithMeta(prompt, {
      maxTokens, grammar, signal, stopOnAbortSignal: true, seed: body.seed ?? 0,
      temperature: body.temperature ?? 0, topP: body.top_p, repeatPenalty: repeatPenalty(body),
      customStopTriggers: body.stop ? [].concat(body.stop) : undefined });
    const used = sequence.tokenMeter.diff(before);
    const finish = out.stopReason === "maxTokens" ? "length" : "stop";
    // OpenAI counts the whole prompt; the part reused from the sequence's last prompt is "cached".
    const promptTotal = Math.max(used.usedInputTokens, sequence.contextTokens.length - used.usedOutputTokens);
    const cached = promptTotal - used.usedInputTokens;
    console.error(JSON.stringify({ event: "completion", prompt_tokens: promptTotal, evaluated_tokens: used.usedInputTokens,
      completion_tokens: used.usedOutputTokens, ms: Date.now() - started, stop: out.stopReason,
      format: body.response_format?.type ?? "text" }));
    return { id: `chatcmpl-${started}`, object: "chat.completion", created: Math.floor(started / 1000),
      model: modelName, choices: [{ index: 0, finish_reason: finish,
        message: { role: "assistant", content: out.responseText } }],
      usage: { prompt_tokens: promptTotal, completion_tokens: used.usedOutputTokens,
        total_tokens: promptTotal + used.usedOutputTokens, prompt_tokens_details: { cached_tokens: cached } } };
  } finally {
    session?.dispose({ disposeSequence: false }); // the sequence keeps its tokens for the next prompt
    release(slot);
  }
}

// A light repeat penalty by default: at temperature 0 a 0.5B model otherwise loops on a phrase.
function repeatPenalty(body) {
  return { lastTokens: 64, penalty: body.repeat_penalty ?? 1.1,
    frequencyPenalty: body.frequency_penalty || undefined, presencePenalty: body.presence_penalty || undefined };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0; const chunks = [];
    req.on("data", (c) => { size += c.length; if (size > MAX_BODY) reject(new HttpError(413, "body too large")); else chunks.push(c); });
    req.on("end", () => { try { resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}")); }
      catch { reject(new HttpError(400, "body is not JSON")); } });
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://x");
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "ok", model: modelName });
    if (req.method === "GET" && url.pathname === "/v1/models") {
      return send(res, 200, { object: "list", data: [{ id: modelName, object: "model", owned_by: "agentic-sales-local-llm",
        context_length: context.contextSize }] });
    }
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") throw new HttpError(404, "not found");
    const body = await readBody(req);
    if (body.stream) throw new HttpError(400, "stream is not supported by this server");
    const abort = new AbortController();
    res.on("close", () => { if (!res.writableFinished) abort.abort(); }); // the client gave up
    const result = await complete(body, abort.signal);
    if (!abort.signal.aborted) send(res, 200, result);
  } catch (e) {
    const status = e instanceof HttpError ? e.status : 500;
    if (!res.headersSent) send(res, status, { error: { message: e.message, type: "invalid_request_error" } });
  }
});
server.listen(Number(opt.port), opt.host, () => {
  const { port } = server.address();
  console.log(JSON.stringify({ url: `http://${opt.host}:${port}/v1`, model: modelName, context_size: context.contextSize }));
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  // Exit at once: disposing the context waits for a running generation, and the OS frees the rest.
  process.on(sig, () => { server.close(); process.exit(0); });
}
