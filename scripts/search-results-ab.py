#!/usr/bin/env python3
"""Whether two running services rank the same chunks: GET /api/search?k=10 of every question, top 10 by chunk id.

Usage: scripts/search-results-ab.py NEW_PORT OLD_PORT QUESTIONS.jsonl [MORE.jsonl ...]
For a change meant to leave retrieval's results as they are (a faster path to the same ranking): start both
builds against the same database and run this twice, cold and warm. Prints the first differences and a count.
"""
import json
import sys
import urllib.parse
import urllib.request

new_port, old_port = int(sys.argv[1]), int(sys.argv[2])
questions = [json.loads(line)['question'] for path in sys.argv[3:] for line in open(path) if line.strip()]


def top(port, question):
    url = f'http://localhost:{port}/api/search?k=10&q=' + urllib.parse.quote(question)
    return [result['chunkId'] for result in json.load(urllib.request.urlopen(url))['results']]


different = 0
for question in questions:
    new, old = top(new_port, question), top(old_port, question)
    if new != old:
        different += 1
        if different <= 5:
            print(f'different: {question[:80]!r}\n  new {new[:3]}\n  old {old[:3]}')
print(f'{len(questions)} questions, {different} with a different top 10')
sys.exit(1 if different else 0)
