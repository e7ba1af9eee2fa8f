#!/usr/bin/env python3
"""Retrieval of messages that ask about two conditions at once, built from the templated MedQuAD questions.

Usage: scripts/two-question-messages.py PORT [QUESTIONS.jsonl] [N]
Joins two questions about different articles into one message ("{a} Also, {b}", "I have two questions. {a} And
{b}", "{a} {b}"; a fixed seed) and asks GET /api/search?k=10 of a service on PORT serving the MedQuAD index. Prints
the share of messages with both questions' articles in the top 5 and top 10, and each question's alone. A
regression check on messages nobody wrote, not evidence of how people write them: real messages naming two
conditions are too few in questions_consumer.jsonl to measure.
"""
import json
import random
import sys
import urllib.parse
import urllib.request

port = int(sys.argv[1])
path = sys.argv[2] if len(sys.argv) > 2 else '../shared/eval/medquad/questions.jsonl'
n = int(sys.argv[3]) if len(sys.argv) > 3 else 150
questions = [json.loads(line) for line in open(path)]
rnd = random.Random(7)
forms = ["{a} Also, {b}", "I have two questions. {a} And {b}", "{a} {b}"]
counted = both5 = both10 = first10 = second10 = 0
for i in range(n):
    a, b = rnd.sample(questions, 2)
    if set(a['relevant']) & set(b['relevant']):
        continue
    message = forms[i % 3].format(a=a['question'], b=b['question'][0].lower() + b['question'][1:])
    url = f'http://localhost:{port}/api/search?k=10&q=' + urllib.parse.quote(message)
    articles = [r['articleId'] for r in json.load(urllib.request.urlopen(url))['results']]
    place_a = min([articles.index(x) for x in a['relevant'] if x in articles], default=99)
    place_b = min([articles.index(x) for x in b['relevant'] if x in articles], default=99)
    counted += 1
    first10 += place_a < 10
    second10 += place_b < 10
    both10 += place_a < 10 and place_b < 10
    both5 += place_a < 5 and place_b < 5
print(f'messages {counted}: both@5 {both5 / counted:.3f} both@10 {both10 / counted:.3f} '
      f'first@10 {first10 / counted:.3f} second@10 {second10 / counted:.3f}')
