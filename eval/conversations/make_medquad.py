"""Writes medquad.jsonl: conversations over MedQuAD articles (../shared/eval/medquad/articles).

Each turn's relevant articles are the named article and every other article with the same title (MedQuAD has
one condition from several sources). Kinds: "first" names a condition; "follow_up" names none and refers to the
previous topic (pronouns, elliptical questions); "switch" names a new condition and must not carry the old one.
Run from the repository root: python3 eval/conversations/make_medquad.py ../shared/eval/medquad/articles
"""
import glob, json, os, re, sys

ARTICLES = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/medquad/articles"
titles = {}
for path in glob.glob(os.path.join(ARTICLES, "*.md")):
    head = open(path, encoding="utf-8").read(2000)
    titles[os.path.basename(path)[:-3]] = re.search(r'^title: "(.*)"', head, re.M).group(1)

def same(article):
    title = titles[article].lower()
    return sorted(a for a, t in titles.items() if t.lower() == title)

# (conversation id, [(kind, article, question), ...])
CONVERSATIONS = [
    ("c01", [("first", "CDC_0000342", "What is rabies?"), ("follow_up", "CDC_0000342", "How do people catch it?")]),
    ("c02", [("first", "CDC_0000054", "What causes botulism?"), ("follow_up", "CDC_0000054", "and how is it treated?"),
             ("switch", "CDC_0000419", "What are the symptoms of typhoid fever?")]),
    ("c03", [("first", "CDC_0000364", "I think my son has scabies, what is that?"),
             ("follow_up", "CDC_0000364", "How can we stop it spreading to the rest of the family?")]),
    ("c04", [("first", "CDC_0000014", "What is anaplasmosis?"), ("follow_up", "CDC_0000014", "How is it diagnosed?"),
             ("follow_up", "CDC_0000014", "Can it be prevented?")]),
    ("c05", [("first", "CancerGov_0000021_1", "What is testicular cancer?"),
             ("follow_up", "CancerGov_0000021_1", "What are the risk factors for it?")]),
    ("c06", [("first", "CancerGov_0000003_3", "What is Kaposi sarcoma?"),
             ("follow_up", "CancerGov_0000003_3", "who is most likely to get this?"),
             ("switch", "CancerGov_0000020_1", "What about gallbladder cancer, how is that found?")]),
    ("c07", [("first", "CancerGov_0000031_1", "My daughter was diagnosed with neuroblastoma. What is it?"),
             ("follow_up", "CancerGov_0000031_1", "What are the treatment options?")]),
    ("c08", [("first", "GARD_0000536", "What is autoimmune hepatitis?"),
             ("follow_up", "GARD_0000536", "What are its symptoms?"),
             ("follow_up", "GARD_0000536", "how is it treated?")]),
    ("c09", [("first", "GARD_0000485", "What is aspergillosis?"), ("follow_up", "GARD_0000485", "what causes it?")]),
    ("c10", [("first", "GARD_0005913", "What is Stuve-Wiedemann syndrome?"),
             ("follow_up", "GARD_0005913", "Is it inherited?"),
             ("switch", "GARD_0006057", "And what is thanatophoric dysplasia?")]),
    ("c11", [("first", "GARD_0003037", "What is hypoaldosteronism?"),
             ("follow_up", "GARD_0003037", "What are the signs and symptoms?")]),
    ("c12", [("first", "GARD_0001554", "What is congenital rubella?"), ("follow_up", "GARD_0001554", "How is this treated?")]),
    ("c13", [("first", "GHR_0000923", "What is Sotos syndrome?"),
             ("follow_up", "GHR_0000923", "What genes are related to it?"),
             ("follow_up", "GHR_0000923", "How common is it?")]),
    ("c14", [("first", "GHR_0000721", "What is Netherton syndrome?"), ("follow_up", "GHR_0000721", "How do people inherit it?")]),
    ("c15", [("first", "GHR_0000230", "What is congenital hypothyroidism?"),
             ("follow_up", "GHR_0000230", "how many babies are born with it?"),
             ("switch", "GHR_0000650", "What is methylmalonic acidemia?")]),
    ("c16", [("first", "GHR_0000798", "What is a pilomatricoma?"), ("follow_up", "GHR_0000798", "Is it genetic?")]),
    ("c17", [("first", "GHR_0000609", "What is lymphangioleiomyomatosis?"),
             ("follow_up", "GHR_0000609", "who gets it, and how often?")]),
    ("c18", [("first", "MPlusHealthTopics_0000246", "What is Creutzfeldt-Jakob disease?"),
             ("follow_up", "MPlusHealthTopics_0000246", "Is there a cure?")]),
    ("c19", [("first", "MPlusHealthTopics_0000552", "What is Legionnaires' disease?"),
             ("follow_up", "MPlusHealthTopics_0000552", "how do you catch it?"),
             ("switch", "MPlusHealthTopics_0000716", "Unrelated question: what are pituitary tumors?")]),
    ("c20", [("first", "MPlusHealthTopics_0000372", "Why is folic acid important?"),
             ("follow_up", "MPlusHealthTopics_0000372", "Which foods have it?")]),
    ("c21", [("first", "MPlusHealthTopics_0000604", "Is mercury dangerous to my health?"),
             ("follow_up", "MPlusHealthTopics_0000604", "How could I be exposed to it?")]),
    ("c22", [("first", "MPlusHealthTopics_0000522", "What are interstitial lung diseases?"),
             ("follow_up", "MPlusHealthTopics_0000522", "What causes them?"),
             ("follow_up", "MPlusHealthTopics_0000522", "and how are they treated?")]),
    ("c23", [("first", "NHLBI_0000066", "What is heart valve disease?"),
             ("follow_up", "NHLBI_0000066", "What are the signs that I might have it?")]),
    ("c24", [("first", "NHLBI_0000116", "What is sarcoidosis?"), ("follow_up", "NHLBI_0000116", "what causes it?"),
             ("switch", "NHLBI_0000108", "My aunt had a pulmonary embolism. What is that exactly?")]),
    ("c25", [("first", "NHLBI_0000108", "What is a pulmonary embolism?"),
             ("follow_up", "NHLBI_0000108", "How can it be prevented?")]),
    ("c26", [("first", "NHLBI_0000062", "My doctor heard a heart murmur. What does that mean?"),
             ("follow_up", "NHLBI_0000062", "Does it need treatment?")]),
    ("c27", [("first", "NHLBI_0000106", "What is polycythemia vera?"), ("follow_up", "NHLBI_0000106", "What are the symptoms?"),
             ("follow_up", "NHLBI_0000106", "How is it diagnosed?")]),
    ("c28", [("first", "NHLBI_0000022", "What is bronchopulmonary dysplasia?"),
             ("follow_up", "NHLBI_0000022", "Which babies are at risk for it?")]),
    ("c29", [("first", "NIDDK_0000119", "What is proctitis?"), ("follow_up", "NIDDK_0000119", "What causes it?"),
             ("switch", "NIDDK_0000167", "Different topic: what is polycystic kidney disease?")]),
    ("c30", [("first", "NIDDK_0000015", "What is a prolactinoma?"), ("follow_up", "NIDDK_0000015", "How is it treated?")]),
    ("c31", [("first", "NIDDK_0000213", "What is urinary retention?"),
             ("follow_up", "NIDDK_0000213", "what are the symptoms of it?")]),
    ("c32", [("first", "NIDDK_0000190", "What is primary biliary cirrhosis?"),
             ("follow_up", "NIDDK_0000190", "How do doctors diagnose it?")]),
    ("c33", [("first", "NIDDK_0000135", "What is acquired cystic kidney disease?"),
             ("follow_up", "NIDDK_0000135", "Who gets it?"),
             ("switch", "NIDDK_0000119", "What is proctitis?")]),
    ("c34", [("first", "NIHSeniorHealth_0000028", "What is gout?"), ("follow_up", "NIHSeniorHealth_0000028", "What can I do about the pain?")]),
    ("c35", [("first", "NIHSeniorHealth_0000034", "My father has heart failure. What is it?"),
             ("follow_up", "NIHSeniorHealth_0000034", "What are the symptoms to watch for?"),
             ("switch", "NIHSeniorHealth_0000066", "What are the warning signs of a stroke?")]),
    ("c36", [("first", "NIHSeniorHealth_0000059", "What is psoriasis?"), ("follow_up", "NIHSeniorHealth_0000059", "Is it contagious?")]),
    ("c37", [("first", "NIHSeniorHealth_0000006", "What causes balance problems in older adults?"),
             ("follow_up", "NIHSeniorHealth_0000006", "How are they diagnosed?")]),
    ("c38", [("first", "NINDS_0000167", "What is Joubert syndrome?"), ("follow_up", "NINDS_0000167", "What is the prognosis?")]),
    ("c39", [("first", "NINDS_0000264", "What is tardive dyskinesia?"), ("follow_up", "NINDS_0000264", "Can it be treated?"),
             ("switch", "NINDS_0000207", "What about myoclonus?")]),
    ("c40", [("first", "NINDS_0000119", "What is Sturge-Weber syndrome?"),
             ("follow_up", "NINDS_0000119", "What research is being done on it?")]),
    ("c41", [("first", "NINDS_0000248", "What is Reye's syndrome?"), ("follow_up", "NINDS_0000248", "how can it be prevented?")]),
    ("c42", [("first", "NINDS_0000062", "What is central pain syndrome?"), ("follow_up", "NINDS_0000062", "Is there any treatment?"),
             ("follow_up", "NINDS_0000062", "What is the outlook for people who have it?")]),
    ("c43", [("first", "CDC_0000419", "How do people get typhoid fever?"),
             ("switch", "CDC_0000342", "And rabies, how is that spread?"),
             ("follow_up", "CDC_0000342", "Is there a vaccine for it?")]),
    ("c44", [("first", "GHR_0000650", "What is methylmalonic acidemia?"),
             ("switch", "GHR_0000230", "What about congenital hypothyroidism?"),
             ("follow_up", "GHR_0000230", "What genes are involved?")]),
]

with open(os.path.join(os.path.dirname(__file__), "medquad.jsonl"), "w", encoding="utf-8") as out:
    for cid, turns in CONVERSATIONS:
        out.write(json.dumps({"id": cid, "turns": [
            {"question": q, "kind": kind, "relevant": same(article)} for kind, article, q in turns]}) + "\n")
