// Preloaded with `node --require` in noNetwork.test.ts: every way out to the network records the attempt in the file
// named by HUHANG_NET_LOG and throws. The test asserts that file stays empty.
"use strict";
const fs = require("node:fs");
const net = require("node:net");
const dns = require("node:dns");
const http = require("node:http");
const https = require("node:https");
const tls = require("node:tls");

const log = process.env.HUHANG_NET_LOG;
function trap(name) {
  return function trapped() {
    fs.appendFileSync(log, name + "\n");
    throw new Error("network access attempted: " + name);
  };
}
net.Socket.prototype.connect = trap("net.Socket.connect");
net.connect = trap("net.connect");
net.createConnection = trap("net.createConnection");
dns.lookup = trap("dns.lookup");
dns.resolve = trap("dns.resolve");
dns.promises.lookup = trap("dns.promises.lookup");
http.request = trap("http.request");
http.get = trap("http.get");
https.request = trap("https.request");
https.get = trap("https.get");
tls.connect = trap("tls.connect");
globalThis.fetch = trap("fetch");
fs.appendFileSync(log, "");
