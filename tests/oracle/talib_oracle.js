#!/usr/bin/env node
// TA-Lib oracle for nocode's tests. Reads a JSON request on stdin:
//   {"inputs": {"open": [...], "high": [...], "low": [...], "close": [...], "volume": [...],
//               "inReal": [...], "inReal0": [...], "inReal1": [...]},
//    "cases": [{"name": "RSI", "optIn": {"optInTimePeriod": 14}}, ...]}
// null in an input array means NaN. Writes {"results": [{"begIndex", "outputs": [[...]...]}
// | {"error": "..."}]} with every output padded to the input length (null = no value).
'use strict';
const talib = require('talib');

function readStdin() {
  const chunks = [];
  const fs = require('fs');
  const buf = Buffer.alloc(1 << 20);
  for (;;) {
    let n = 0;
    try { n = fs.readSync(0, buf, 0, buf.length, null); } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

const req = JSON.parse(readStdin());
const inputs = {};
let n = 0;
for (const [k, v] of Object.entries(req.inputs)) {
  inputs[k] = v.map((x) => (x === null ? NaN : x));
  n = Math.max(n, v.length);
}

const results = req.cases.map((c) => {
  try {
    const info = talib.explain(c.name);
    const args = { name: c.name, startIdx: 0, endIdx: n - 1 };
    for (const inp of info.inputs) {
      if (inp.type === 'price') {
        for (const f of Object.values(inp.flags)) args[f] = inputs[f];
      } else {
        args[inp.name] = inputs[inp.name];
      }
    }
    for (const [k, v] of Object.entries(c.optIn || {})) args[k] = v;
    const r = talib.execute(args);
    if (r.error) return { error: String(r.error) };
    const outputs = info.outputs.map((o) => {
      const arr = new Array(n).fill(null);
      const vals = r.result[o.name] || [];
      for (let i = 0; i < r.nbElement; i++) {
        const v = vals[i];
        arr[r.begIndex + i] = Number.isNaN(v) ? 'NaN' : v;
      }
      return arr;
    });
    return { begIndex: r.begIndex, nbElement: r.nbElement, outputs };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify({ results }));
