#!/usr/bin/env python3
"""Extracts the templates (and partials) of Shopify's liquid-spec into a folder, one file each,
as extra seeds for the liquid fuzz target. The spec stays where it is (../shared/liquid-spec):
it is read at run time and never copied into the repository.
    spec-seeds.py SPEC_DIR OUT_DIR   -> prints the number of seeds written
"""
import hashlib
import os
import sys

import yaml


class Loader(yaml.SafeLoader):
    """SafeLoader that reads Ruby-tagged nodes (!ruby/object:...) as plain data, and keys Python
    cannot hash (a list or map as a key, which Ruby allows) as their text."""

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                key = repr(key)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _untagged(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


Loader.add_multi_constructor("!", _untagged)
Loader.add_multi_constructor("tag:", _untagged)


def cases(doc):
    if isinstance(doc, dict):
        doc = doc.get("specs", doc.get("tests", []))
    return doc if isinstance(doc, list) else []


def main():
    spec, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    written = set()
    for root, _, files in os.walk(spec):
        for name in sorted(files):
            if not name.endswith((".yml", ".yaml")):
                continue
            try:
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    docs = list(yaml.load_all(f, Loader=Loader))
            except (yaml.YAMLError, UnicodeDecodeError) as e:  # one broken file does not stop the rest
                print(f"spec-seeds: {name}: {str(e).splitlines()[0] if str(e) else e.__class__.__name__}, skipped", file=sys.stderr)
                continue
            for doc in docs:
                for case in cases(doc):
                    if not isinstance(case, dict):
                        continue
                    texts = [case.get("template")]
                    fs = case.get("filesystem")
                    if isinstance(fs, dict):
                        texts += list(fs.values())
                    for t in texts:
                        if not isinstance(t, str) or not t:
                            continue
                        data = t.encode("utf-8")
                        digest = hashlib.sha1(data).hexdigest()
                        if digest in written:
                            continue
                        written.add(digest)
                        with open(os.path.join(out, digest), "wb") as f:
                            f.write(data)
    print(len(written))


if __name__ == "__main__":
    main()
