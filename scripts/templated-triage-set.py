#!/usr/bin/env python3
"""Writes MedQuAD's question templates filled with every article's title, for each section the article has,
as informational triage messages: a false-alarm check on the templated kind of question at corpus scale.
Usage: scripts/templated-triage-set.py ../shared/eval/medquad OUT.jsonl"""
import json, os, re, sys

# MedQuAD's templates (questions.jsonl), by the section that answers them.
TEMPLATES = {
    "Treatment": ["What are the treatments for {} ?"],
    "Symptoms": ["What are the symptoms of {} ?"],
    "Diagnosis": ["How to diagnose {} ?"],
    "Exams and tests": ["How to diagnose {} ?"],
    "Overview": ["What is (are) {} ?", "Do you have information about {}"],
    "Causes": ["What causes {} ?"],
    "Genetic changes": ["What are the genetic changes related to {} ?"],
    "Outlook": ["What is the outlook for {} ?"],
    "Research": ["what research (or clinical trials) is being done for {} ?"],
    "Inheritance": ["Is {} inherited ?"],
    "Frequency": ["How many people are affected by {} ?"],
    "Prevention": ["How to prevent {} ?"],
    "Risk factors": ["Who is at risk for {}? ?"],
    "Considerations": ["What to do for {} ?"],
    "Complications": ["What are the complications of {} ?"],
    "Stages": ["What are the stages of {} ?"],
}

root, out = sys.argv[1], sys.argv[2]
with open(out, "w") as sink:
    for name in sorted(os.listdir(os.path.join(root, "articles"))):
        text = open(os.path.join(root, "articles", name), encoding="utf-8").read()
        title = re.search(r'^title: "(.*)"', text, re.M).group(1)
        for section in dict.fromkeys(re.findall(r"^## (.+)$", text, re.M)):
            for template in TEMPLATES.get(section.strip(), []):
                sink.write(json.dumps({"text": template.format(title), "label": "informational",
                                       "category": "other", "article": name[:-3]}) + "\n")
