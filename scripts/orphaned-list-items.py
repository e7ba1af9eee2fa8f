#!/usr/bin/env python3
"""Answers that quote a source's list items without the lead-in that announces them, from answer-eval outputs.

Usage: scripts/orphaned-list-items.py [-v] OUT_DIR... (each the --out directory of
`./healthrag eval ../shared/eval/medquad --answers --questions FILE --out OUT_DIR`)
Reads the cited MedQuAD articles from ../shared/eval/medquad/articles. A quoted paragraph counts when the source
paragraph before it ends in ":" or when it is one unpunctuated clause of more than eight words, and no lead-in
ending in ":" above it is quoted too. Approximate: a list whose lead-in ends without ":" ("...are people who")
and an item quoted inside a longer one are counted though they are fine, so read the -v lines.
"""
import json, re, sys, glob
arts = {}
def art(aid):
    if aid not in arts:
        t = open(f'../shared/eval/medquad/articles/{aid}.md').read()
        arts[aid] = [p.strip() for p in re.split(r'\n\s*\n', t) if p.strip()]
    return arts[aid]
def norm(s): return re.sub(r'\W+', ' ', s).strip().lower()
def quoted(p, segs):
    np_ = norm(p)
    return any(ns and ns in np_ and len(ns) > 0.6*len(np_) for ns in segs) or any(np_ in ns for ns in segs if len(np_) > 20)
def orphans(body, cited):
    out = []
    segs = [re.sub(r'\s*\[\d+\]', '', s).strip() for s in re.split(r'\n+', body)]
    segs = [norm(s.lstrip('- ')) for s in segs if s.strip()]
    for aid in set(cited):
        paras = art(aid)
        for i, p in enumerate(paras):
            if len(norm(p)) < 15 or p.startswith('-') or p.startswith('#') or not quoted(p, segs): continue
            # the list this paragraph may belong to: walk back over item-like paragraphs to a ':' lead-in
            j = i - 1
            while j >= 0 and not paras[j].endswith(':') and not paras[j].startswith('#') and (not re.search(r'[.!?;]$', paras[j]) or len(paras[j].split()) < 40) and i - j < 12:
                j -= 1
            leadin = paras[j] if j >= 0 and paras[j].endswith(':') else None
            unpunct = not re.search(r'[.!?:;]', p) and len(p.split()) > 8
            if (paras[i-1].endswith(':') or unpunct) and not (leadin and quoted(leadin, segs)):
                out.append(('after-colon' if paras[i-1].endswith(':') else 'unpunctuated', aid, p[:90]))
    return out
verbose = '-v' in sys.argv
for f in [a for a in sys.argv[1:] if a != '-v']:
    d = json.load(open(glob.glob(f + '/*.json')[0]))
    n = bad = 0
    for o in d['outcomes']:
        if not o.get('body'): continue
        n += 1
        k = orphans(o['body'], o.get('citedArticles') or [])
        if k:
            bad += 1
            if verbose:
                print(' ', o['id'], k[:3])
    print(f, 'answers', n, 'quoting list items without their lead-in:', bad, f'{bad/max(n,1):.3f}')
