# Distinct posts, accounts (tweet authors, mentions, reply targets and follow-list nodes) and follow pairs
# of a PHEME tree imported as one: python3 tests/expected/scripts/pheme_union.py data/sample/pheme
import json, gzip, os, sys
root = sys.argv[1]
accounts=set(); posts=set(); follows=set()
def walk(st):
    if not st: return
    posts.add(st['id_str']); accounts.add(st['user']['id_str'])
    ents = st.get('extended_tweet',{}).get('entities') or st.get('entities') or {}
    for m in ents.get('user_mentions',[]): accounts.add(m['id_str'])
    if st.get('in_reply_to_user_id_str'): accounts.add(st['in_reply_to_user_id_str'])
    walk(st.get('retweeted_status')); walk(st.get('quoted_status'))
for d,_,files in os.walk(root):
    for f in files:
        p=os.path.join(d,f)
        if f=='who-follows-whom.dat':
            for line in open(p):
                a=line.split()
                if len(a)>=2: follows.add((a[0],a[1])); accounts.add(a[0]); accounts.add(a[1])
        elif f.endswith('.json') and os.path.basename(d) in ('source-tweets','reactions'):
            walk(json.load(open(p)))
        elif f=='retweets.json.gz':
            for line in gzip.open(p,'rt'):
                if line.strip(): walk(json.loads(line))
print(len(posts), len(accounts), len(follows))
