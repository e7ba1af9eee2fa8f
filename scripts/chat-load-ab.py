#!/usr/bin/env python3
"""/api/chat under concurrent clients on two running services, alternating rounds: throughput and p50/p95, new ÷ old.

Usage: scripts/chat-load-ab.py NEW_PORT OLD_PORT QUESTIONS.jsonl [CLIENTS=4] [ROUNDS=4]
Start both builds first as for scripts/chat-latency-ab.py (same articles, LLM off). Each round sends every question
once, spread over CLIENTS keep-alive connections; rounds alternate which service goes first, so drift on a shared
machine falls on both. 20 warm-up questions each are not counted.
"""
import json, sys, time, threading, http.client
new, old = int(sys.argv[1]), int(sys.argv[2])
qs = [json.loads(l)['question'] for l in open(sys.argv[3])]
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 4
rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 4
def load(port, questions):
    lat = []; lock = threading.Lock(); idx = [0]
    def worker():
        c = http.client.HTTPConnection('localhost', port)
        while True:
            with lock:
                if idx[0] >= len(questions): return
                q = questions[idx[0]]; idx[0] += 1
            t = time.perf_counter()
            c.request('POST', '/api/chat', json.dumps({'question': q}), {'Content-Type': 'application/json'})
            r = c.getresponse(); r.read()
            assert r.status == 200, r.status
            with lock: lat.append((time.perf_counter() - t) * 1000)
    ts = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.perf_counter(); [t.start() for t in ts]; [t.join() for t in ts]
    return len(questions) / (time.perf_counter() - t0), sorted(lat)
load(new, qs[:20]); load(old, qs[:20])
res = {new: [], old: []}
for r in range(rounds):
    for p in ([new, old] if r % 2 == 0 else [old, new]):
        res[p].append(load(p, qs))
def pct(l, f): return l[min(len(l) - 1, int(len(l) * f))]
for r in range(rounds):
    (tn, ln), (to, lo) = res[new][r], res[old][r]
    print(f'round {r}: throughput {tn:.1f} vs {to:.1f} req/s = {tn/to:.3f}; p50 {pct(ln,.5):.1f} vs {pct(lo,.5):.1f}; p95 {pct(ln,.95):.1f} vs {pct(lo,.95):.1f}')
tn = sum(x[0] for x in res[new]) / rounds; to = sum(x[0] for x in res[old]) / rounds
ln = sorted(sum((x[1] for x in res[new]), [])); lo = sorted(sum((x[1] for x in res[old]), []))
print(f'all: throughput ratio {tn/to:.3f}; p50 {pct(ln,.5):.1f}/{pct(lo,.5):.1f} = {pct(ln,.5)/pct(lo,.5):.3f}; p95 {pct(ln,.95):.1f}/{pct(lo,.95):.1f} = {pct(ln,.95)/pct(lo,.95):.3f}')
