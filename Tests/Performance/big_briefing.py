#!/usr/bin/env python3
"""Writes a large briefing for load benchmarks: the built-in briefing plus EVENTS generated
events (in no date order, as a merged file might be) and COMMITMENTS generated commitments.

  python3 Tests/Performance/big_briefing.py EVENTS COMMITMENTS OUT.yaml
"""
import os, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
text = open(os.path.join(root, "Sources/BuiltInBriefings/capistrano-2024.yaml")).read()
events, commitments, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
# The article's text is named relative to the briefing's folder; OUT is elsewhere, so name it
# by its absolute path (its quotes are then checked on every load, as the original's are).
text = text.replace("text: ../../Tests/", "text: " + os.path.join(root, "Tests") + "/", 1)
extra = "".join(f"  - {{ id: gen-{i}, date: {2021 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}, title: Generated event {i}, "
                f"kind: meeting, countries: [us, jp], cite: {{ para: 1 }} }}\n" for i in range(events))
text = text.replace("\nevents:\n", "\nevents:\n" + extra, 1)
pillar = ("  - id: generated\n    name: Generated pillar\n    summary: Many commitments.\n    cite: { para: 1 }\n    commitments:\n"
          + "".join(f"      - {{ id: gc-{i}, title: Commitment {i}, text: Text {i}., countries: [us, kr], status: agreed, cite: {{ para: 3 }} }}\n"
                    for i in range(commitments)))
text = text.replace("\npillars:\n", "\npillars:\n" + pillar, 1)
open(out, "w").write(text)
