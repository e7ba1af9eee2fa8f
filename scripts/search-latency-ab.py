#!/usr/bin/env python3
"""One-client GET /api/search latency of two running services, question by question in turn, as a ratio.

Usage: scripts/search-latency-ab.py NEW_PORT OLD_PORT [QUESTIONS.jsonl] [PASSES]
Start both builds first against the same database (at a schema version both accept). Each question goes to one
service and then the other, the order swapped every question, over one kept-alive connection each: drift on a
shared machine (±20% between hours) falls on both alike, which separate bench runs cannot promise. The first 30
questions warm both up and are not counted.
"""
import http.client
import json
import sys
import time
import urllib.parse

new_port, old_port = int(sys.argv[1]), int(sys.argv[2])
path = sys.argv[3] if len(sys.argv) > 3 else '../shared/eval/medquad/questions.jsonl'
passes = int(sys.argv[4]) if len(sys.argv) > 4 else 3
questions = [json.loads(line)['question'] for line in open(path)]
connections = {port: http.client.HTTPConnection('localhost', port) for port in (new_port, old_port)}


def search(port, question):
    connection = connections[port]
    started = time.perf_counter()
    connection.request('GET', '/api/search?k=10&q=' + urllib.parse.quote(question))
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f':{port} answered {response.status} to {question!r}')
    return (time.perf_counter() - started) * 1000


for question in questions[:30]:
    search(new_port, question)
    search(old_port, question)
took = {new_port: [], old_port: []}
for i, question in enumerate(questions[30:] * passes):
    for port in ((new_port, old_port) if i % 2 == 0 else (old_port, new_port)):
        took[port].append(search(port, question))


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


for name, port in (('new', new_port), ('old', old_port)):
    print(f'{name} :{port} n={len(took[port])} p50 {pct(took[port], .5):.2f} ms p95 {pct(took[port], .95):.2f} ms')
print(f'ratio new/old: p50 {pct(took[new_port], .5) / pct(took[old_port], .5):.3f}, '
      f'p95 {pct(took[new_port], .95) / pct(took[old_port], .95):.3f}')
