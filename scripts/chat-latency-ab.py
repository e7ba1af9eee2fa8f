#!/usr/bin/env python3
"""Interleaved (ABBA) /api/chat latency of two running services on the same questions, as a ratio.

Usage: scripts/chat-latency-ab.py NEW_PORT OLD_PORT [QUESTIONS.jsonl]
Start both builds first (same articles, LLM off: HEALTHRAG_LLM_ENABLED=false), e.g. the new one on 18095 and the
old one on 18096 against a database at its own schema version. Rounds alternate which service goes first, so
drift on a shared machine falls on both; 10 warm-up questions each are not counted.
"""
import json
import sys
import time
import urllib.request

new_port, old_port = int(sys.argv[1]), int(sys.argv[2])
path = sys.argv[3] if len(sys.argv) > 3 else '../shared/eval/medquad/questions.jsonl'
questions = [json.loads(line)['question'] for line in open(path)]


def run(port, batch):
    took = []
    for question in batch:
        request = urllib.request.Request(f'http://localhost:{port}/api/chat',
                                         data=json.dumps({'question': question}).encode(),
                                         headers={'Content-Type': 'application/json'})
        started = time.time()
        urllib.request.urlopen(request).read()
        took.append((time.time() - started) * 1000)
    return took


run(new_port, questions[:10])
run(old_port, questions[:10])
results = {new_port: [], old_port: []}
# 60 questions a round when the file has them (300 templated questions: 240 distinct ones after the warm-up);
# a short file (the 31 real questions) is sent whole in every round instead.
for round_ in range(4):
    batch = questions[40 + round_ * 60:40 + (round_ + 1) * 60] if len(questions) >= 280 else questions
    for port in ([new_port, old_port] if round_ % 2 == 0 else [old_port, new_port]):
        results[port] += run(port, batch)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


for name, port in (('new', new_port), ('old', old_port)):
    print(f'{name} :{port} n={len(results[port])} p50 {pct(results[port], .5):.1f} ms p95 {pct(results[port], .95):.1f} ms')
print(f'ratio new/old: p50 {pct(results[new_port], .5) / pct(results[old_port], .5):.2f}, '
      f'p95 {pct(results[new_port], .95) / pct(results[old_port], .95):.2f}')
