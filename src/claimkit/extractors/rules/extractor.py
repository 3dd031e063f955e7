"""The offline (default) extractor: rules over a dependency parse.

Steps for one article:

1. mark furniture sentences (``furniture``) and find quotation regions
   (``quotes``);
2. parse every sentence that may hold an attribution (not furniture, not
   wholly inside a quotation, not over-long) in one ``nlp.pipe`` batch
   (``parse``): the learned cue model then scores every word, so a cue
   outside the lexicon ("Democrats pressure Sanders to ...") is found too;
   with the optional transformer tagger (``cue_tagger``) the score is the
   mean of the two;
3. run the attribution rules on each parsed sentence (``constructions.dispatch``);
4. name and classify sources, resolve pronouns (``sources.names``), then resolve
   pronouns and definite descriptions again with named entities across the
   paragraph and read each source's kind from its name (``coreference``), and
   write each indirect or mixed content as a standalone ``statement``
   (``statements``);
5. link nested attributions (a cue inside another's content);
6. add unattributed records for the remaining claim-worthy sentences.

Time and certainty are left to the normalise stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claimkit.extractors import Extraction
from claimkit.extractors.rules import lexicon, parse
from claimkit.extractors.rules.constructions import (
    conveyed,
    dispatch,
    furniture,
    headline_colon,
    subjects,
    tagged_only,
)
from claimkit.extractors.rules.constructions.quotes import Quotes
from claimkit.extractors.rules.constructions.sentence import Found, ParsedSentence
from claimkit.extractors.rules.cues import cue_model
from claimkit.extractors.rules.sources import apposition, coreference, documents, plural_subjects, statements
from claimkit.extractors.rules.sources.descriptors import kind_of_descriptors
from claimkit.extractors.rules.sources.kinds import clean_name
from claimkit.extractors.rules.sources.names import History, Mention, classify
from claimkit.extractors.rules.sources.plural_subjects import PEOPLE_NOUNS
from claimkit.extractors.rules.sources.words import INDIVIDUAL_NOUNS, PERSON_DESCRIPTORS, SUBORDINATORS
from claimkit.model import Article, Candidate, Cue, Diagnostic, ExtractorInfo, Sentence, Source, Span
from claimkit.version import __version__

if TYPE_CHECKING:
    from claimkit.extractors.rules.cues.accurate_tagger import AccurateTagger
    from claimkit.extractors.rules.cues.cue_tagger import CueTagger

__all__ = ["RuleExtractor"]

_SUBJ_PRONOUNS = {"it", "he", "she"}
# longer than any sentence of PolNeAR train (its longest has 979 characters)
MAX_SENTENCE_CHARS = 2_000
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


def _outranks(c: Candidate, o: Candidate) -> bool:
    """Of two candidates with overlapping cues, whether ``c`` is the one to
    keep: the one whose content holds the other's whole cue ("is expected" with
    content "X is expected to announce Y" over "is expected to announce"),
    else the longer cue."""
    assert c.cue is not None and o.cue is not None
    cm, om = c.cue.mention, o.cue.mention
    c_holds = c.content.start <= om.start and om.end <= c.content.end
    o_holds = o.content.start <= cm.start and cm.end <= o.content.end
    if c_holds != o_holds:
        return c_holds
    return cm.end - cm.start > om.end - om.start


def _named_in_apposition(tok: Any) -> Any:
    """The name set beside a common-noun subject, through one more description
    ("The club's owner, the property developer Vincent Areola"), or None."""
    named = apposition.named(tok)
    if named is None:
        inner = next((c for c in tok.rights if c.dep_ == "appos" and c.tag_ in {"NN", "NNS"}), None)
        named = apposition.named(inner) if inner is not None else None
    return named


def _has_verb(doc: Any, offset: int, start: int, end: int, *, small_clause: bool = False) -> bool:
    """Whether the words of ``start..end`` hold a finite verb or a modal (a
    clause, not only a noun phrase: "the delay", "taking bribes", "the decision
    to close the school"); with ``small_clause``, also an infinitive with its own
    subject ("the river to peak on Sunday"); True where the sentence was not parsed."""
    if doc is None:
        return True
    return any(
        start <= offset + t.idx < end
        and (t.tag_ in _FINITE or (small_clause and t.tag_ == "VB" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)))
        for t in doc
    )


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _relative_noun(rel: Any, through_said: bool = False) -> Any:
    """The noun a relative pronoun's clause modifies ("the offer, which ..."; with
    ``through_said``, "a rise, which the union says is ...": through the said clause), or None."""
    if rel.head.dep_ == "relcl":
        noun = rel.head.head
        if rel.lower_ == "who" and not noun.tag_.startswith("NNP") and not _a_person_noun(noun):
            # "the evidence of a former physiotherapist at the club, who said ...": the person, not the club
            person = next((t for t in reversed(rel.doc[max(0, rel.i - 8) : rel.i]) if t.tag_ in {"NN", "NNS"} and _a_person_noun(t)), None)
            return person if person is not None else noun
        return noun
    said = rel.head.head
    return said.head if through_said and rel.head.dep_ == "ccomp" and said.dep_ == "relcl" and said.i > rel.i else None


def _a_person_noun(tok: Any) -> bool:
    """A common noun for a person or people ("nurse", "physiotherapist", "residents")."""
    low = tok.lower_
    return low in PEOPLE_NOUNS or low in lexicon.PERSON_HEADS or low in PERSON_DESCRIPTORS or low.endswith(("ist", "ists", "ian", "ians"))


_RELATIVE_OPENING = re.compile(r"(?:which|who)\s", re.IGNORECASE)


def _antecedent(doc: Any, offset: int, pos: int, text: str, through_said: bool = False) -> str | None:
    """The noun phrase a relative pronoun at ``pos`` stands for ("the offer
    of the union, which ..." -> "the offer of the union"), or None."""
    if doc is None:
        return None
    rel = next((t for t in doc if offset + t.idx == pos), None)
    noun = _relative_noun(rel, through_said) if rel is not None else None
    if noun is None:
        return None
    clause = rel.head
    if not (noun.tag_.startswith("NN") or noun.tag_ == "PRP") or clause.left_edge.i <= noun.left_edge.i:
        return None
    last = clause.left_edge.i - 1
    while last > noun.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
        last -= 1
    start, end = offset + noun.left_edge.idx, offset + doc[last].idx + len(doc[last].text)
    return text[start].upper() + text[start + 1 : end] if end - start >= 2 else None


def _long_sentence_diagnostics(article: Article, long: list[Sentence]) -> list[Diagnostic]:
    """One diagnostic per over-long sentence left unparsed."""
    return [
        Diagnostic(
            code="long-sentence",
            message=f"skipped a {s.end - s.start:,}-character sentence (over {MAX_SENTENCE_CHARS:,}): not parsed, no record",
            doc_id=article.doc_id,
        )
        for s in long
    ]



# the kinds of antecedent a subject pronoun agrees with
_AGREEING = {
    "it": {"organization", "government", "media", "document"},
    "he": {"person"},
    "she": {"person"},
    "they": {"organization", "government", "group"},
}


def _main_subject(pronoun: Any) -> Any | None:
    """The subject of the main clause a pronoun's subordinate clause hangs on ("Since it announced the
    closure, the council ...", "The firm has grown since it bought its rival"), when that subject is a
    noun phrase of its own (not another pronoun)."""
    verb = pronoun.head
    if not pronoun.dep_.startswith("nsubj") or verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children):
        return None
    subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.tag_ in {"PRP", "WP", "WDT", "EX"} or subj.i == pronoun.i:
        return None
    return subj


class RuleExtractor:
    """Attribution rules over a spaCy parse, with a cue lexicon learned on PolNeAR train."""

    # the rules, the lexicon and the parser are English: articles identified
    # as another language are skipped by the language stage (``claimkit.language``)
    languages = frozenset({"en"})

    def __init__(self, cue_tagger: CueTagger | AccurateTagger | None = None) -> None:
        """``cue_tagger``: the optional transformer scorer averaged with the cue model
        (``cue_tagger``), or the accurate tagger, which also sets sources and contents (``accurate_tagger``)."""
        self._tagger = cue_tagger
        label = parse.model_version() + (f" + {cue_tagger.label}" if cue_tagger is not None else "")
        self._info = ExtractorInfo(name="rules", version=__version__, model=label)

    @property
    def info(self) -> ExtractorInfo:
        return self._info

    def warm_up(self) -> None:
        """Load the lexicon and the spaCy pipeline now rather than on the first article."""
        lexicon.learned()
        cue_model.model()
        parse.nlp()

    # ------------------------------------------------------------------ #
    def extract(self, article: Article, sentences: Sequence[Sentence]) -> Extraction:
        text = article.text
        quotes = Quotes(text)
        skip = furniture.skipped(text, sentences)
        # a "sentence" far longer than any news sentence is a table, a list or
        # markup residue: parsing it would cost hundreds of MiB, and it claims
        # nothing one record could hold
        long = [s for s in sentences if s.end - s.start > MAX_SENTENCE_CHARS and s.index not in skip]
        skip |= {s.index for s in long}
        # "Mayor: Bridge will reopen in June": a headline or standfirst that
        # attributes; read by its own rule only (``headline_colon``)
        colon_lines = headline_colon.lines(text, sentences, skip)
        colon_furniture = skip & colon_lines.keys()  # skipped again if they attribute nothing
        skip -= colon_lines.keys()
        # a sentence wholly inside one quotation is not parsed either: a cue
        # there is part of someone's quoted words and gives no record (held-out
        # scores unchanged).  Every other sentence is: parsing only those with
        # a known cue word (80% of the words of train) was not measurably
        # faster and lost .006 to .008 cue, source, content and pair F1 on
        # held-out train.
        todo = [s for s in sentences if s.index not in skip and not quotes.holds(s.start, s.end)]
        docs: dict[int, Any] = dict(zip((s.index for s in todo), parse.parse([text[s.start : s.end] for s in todo]), strict=True))
        if self._tagger is not None:
            self._tagger.annotate(list(docs.values()))
        history = History()
        raw: list[tuple[int, Found, Candidate]] = []
        for s in sentences:
            doc = docs.get(s.index)
            if doc is None:
                continue
            founds = self._colon_line(doc, s, colon_lines, colon_furniture, skip)
            if founds is None:
                founds = tagged_only.revise(doc, s.start, dispatch.run(ParsedSentence(doc, s.start, text, quotes)))
            for f in founds:
                if quotes.at(f.cue[0]) is not None:
                    # a cue inside a quotation is part of someone's quoted words
                    continue
                cand = self._candidate(article, sentences, s, f, quotes, history, docs)
                if cand is not None:
                    raw.append((s.index, f, cand))
            self._remember(doc, s.start, text, history)

        cands, mentions = coreference.analyse(text, sentences, self._dedupe([c for _, _, c in raw]), history.groups, quotes, history.individuals)
        cands = documents.documents_for_it(text, sentences, cands, mentions)
        cands = documents.authors(text, sentences, cands, mentions)
        cands = statements.fill(text, sentences, cands, mentions)
        cands += self._continued_quotes(text, sentences, skip, cands, quotes)
        cands += self._unattributed(text, sentences, skip, cands, quotes)
        cands.sort(key=lambda c: (c.sentence_index, c.content.start))
        return Extraction(candidates=self._nest(cands), diagnostics=_long_sentence_diagnostics(article, long))

    @staticmethod
    def _colon_line(doc: Any, s: Sentence, colon_lines: dict[int, re.Match[str]], colon_furniture: set[int], skip: set[int]) -> list[Found] | None:
        """The record of a "Source: clause" headline or standfirst
        (``headline_colon``); none for such a line that is furniture and
        attributes nothing (skipped again: added to ``skip``); None for any
        other sentence, which the construction rules read."""
        f = headline_colon.found(doc, s.start, colon_lines[s.index]) if s.index in colon_lines else None
        if f is not None:
            return [f]
        if s.index in colon_furniture:
            skip.add(s.index)
            return []
        return None

    # ------------------------------------------------------------------ #
    def _remember(self, doc: Any, offset: int, text: str, history: History) -> None:
        """Named subjects of a parsed sentence become antecedents for pronouns."""
        v = cue_model.view(doc)
        for i, (dep, tag) in enumerate(zip(v.dep, v.tag, strict=True)):
            named = _named_in_apposition(doc[i]) if dep in _SUBJ_DEPS and tag in {"NN", "NNS"} else None
            if named is not None:  # "The club's owner, the property developer Vincent Areola, has been ...": the name
                name, kind = classify(named, named.text, history)
                history.add(Mention(offset + named.idx, name, kind, named.tag_ == "NNPS"))
            elif dep in _SUBJ_DEPS and tag.startswith("NNP"):
                tok = doc[i]
                name, kind = classify(tok, tok.text, history)
                if kind == "person" and len(clean_name(name).split()) >= 2:
                    name = clean_name(name)  # "Headteacher Ruth Lane met the parents. ... she said": Ruth Lane
                history.add(Mention(offset + tok.idx, name, kind, tag == "NNPS"))
            elif dep in _SUBJ_DEPS and plural_subjects.people_subject(doc[i]):
                lo, hi = plural_subjects.phrase_of(doc[i])
                history.add_group(offset + lo, offset + hi, text[offset + lo : offset + hi])
            elif plural_subjects.one_person_subject(doc[i]):
                # "one girl shrugged": the "she" after her in the paragraph (``coreference``)
                lo, hi = offset + doc[i].left_edge.idx, offset + doc[i].idx + len(doc[i])
                history.individuals.append((lo, hi, text[lo:hi]))

    def _ensure_context(self, sentences: Sequence[Sentence], index: int, text: str, history: History, docs: dict[int, Any]) -> None:
        """Parse the two sentences before ``index`` if they were not parsed, for antecedents."""
        need = [sentences[i] for i in range(max(0, index - 2), index) if i not in docs and sentences[i].end - sentences[i].start <= MAX_SENTENCE_CHARS]
        for s, doc in zip(need, parse.parse([text[s.start : s.end] for s in need]), strict=True):
            docs[s.index] = doc
            self._remember(doc, s.start, text, history)

    def _candidate(
        self,
        article: Article,
        sentences: Sequence[Sentence],
        sent: Sentence,
        f: Found,
        quotes: Quotes,
        history: History,
        docs: dict[int, Any],
    ) -> Candidate | None:
        """The record of one rule's finding: its content, cue, source (named
        and classified: ``_source``), mode and standalone statement."""
        text = article.text
        cs, ce = f.content
        if ce - cs < 2:
            return None
        antecedent = None
        if text[cs:ce].strip().lower() in lexicon.RELATIVE_PRONOUNS:
            # "the offer, which X denies": the content is "which" (as PolNeAR
            # marks it), and what it stands for, "The offer", is the statement;
            # held-out train: cue +.001, source +.0015, content and pair +.0005
            # (keeping "the offer" as the content instead lost content F1)
            antecedent = _antecedent(docs.get(sent.index), sent.start, cs, text)
            if antecedent is None:
                return None
        content = Span(text=text[cs:ce], start=cs, end=ce)
        cue = Cue(lemma=f.lemma, mention=Span(text=text[f.cue[0] : f.cue[1]], start=f.cue[0], end=f.cue[1]))
        if antecedent is None and _RELATIVE_OPENING.match(text, cs, ce) and cs < f.cue[0] < f.cue[1] < ce:
            # "a 3 percent rise, which the union says is well below inflation": the rise is what is said to be
            noun = _antecedent(docs.get(sent.index), sent.start, cs, text, through_said=True)
            rest = text[f.cue[1] : ce].strip()
            antecedent = f"{noun} {rest}".rstrip(".") + "." if noun and rest else None
        source = None
        if f.source is not None and f.source_head is not None:
            source = self._source(f.source, f.source_head, text, sent, sentences, quotes, history, docs)
        elif f.fixed_source is not None:
            source = Source(name=f.fixed_source, kind="author" if f.fixed_source == lexicon.AUTHOR_SOURCE else "unnamed")
        if source is None:  # an attribution always has a source, if only an unnamed one
            source = Source(name=lexicon.UNNAMED_SOURCE, kind="unnamed")
        quoted = quotes.quoted_chars(cs, ce)
        # '"X," she said, "and Y."': the cue and source set between two quoted parts are no words of the content
        inserted = sum(max(0, min(ce, hi) - max(cs, lo)) for lo, hi in (f.cue, f.source or (0, 0)))
        mode = "direct" if quoted > 0 and quoted >= (ce - cs) - inserted - (6 if inserted else 2) else "mixed" if quoted > 0 else "indirect"
        statement = None if mode == "direct" else antecedent or self._statement(text, content, docs.get(sent.index), sent.start, history, sentences, sent.index, docs)
        proposition = (
            antecedent is not None or quoted > 0 or f.rule not in conveyed.ARGUMENT_PATHS or _has_verb(docs.get(sent.index), sent.start, cs, ce)
            or (f.lemma in statements.EXPECTING and _has_verb(docs.get(sent.index), sent.start, cs, ce, small_clause=True))
        )
        return Candidate(
            content=content,
            mode=mode,
            sentence_index=sent.index,
            source=source,
            cue=cue,
            statement=statement if proposition else None,
            proposition=proposition,
        )

    def _source(
        self,
        span: tuple[int, int],
        head: Any,
        text: str,
        sent: Sentence,
        sentences: Sequence[Sentence],
        quotes: Quotes,
        history: History,
        docs: dict[int, Any],
    ) -> Source:
        """The source a rule names in the text (``span``, with its head word):
        a relative pronoun's noun, a resolved pronoun, the author ("we" outside
        quotations), a definite description's earlier name, a name in
        apposition, else the phrase itself, named and classified."""
        ss, se = span
        mention = Span(text=text[ss:se], start=ss, end=se)
        low = head.lower_
        if low in lexicon.RELATIVE_PRONOUNS:
            # "a spokesperson, who said ...": the relative clause's noun is the source
            noun = _relative_noun(head)
            if noun is not None and noun.tag_.startswith("NN"):
                name, kind = classify(noun, noun.text, history)
                return Source(name=name, kind=kind, mention=mention, resolved_from=mention)
            return Source(name=mention.text, kind="unnamed", mention=mention)
        main = _main_subject(head) if low in lexicon.PRONOUNS else None
        if main is not None:
            # "Since it announced the closure, the council has ...": the subordinate clause's pronoun is the main clause's subject
            found = self._source((sent.start + main.left_edge.idx, sent.start + main.idx + len(main.text)), main, text, sent, sentences, quotes, history, docs)
            if found.kind in _AGREEING.get(low, set()):
                return Source(name=found.name, kind=found.kind, mention=mention, resolved_from=mention)
        if low in lexicon.PRONOUNS:
            return self._pronoun_source(low, mention, text, sent, sentences, history, docs)
        if low in lexicon.AUTHOR_PRONOUNS:
            inside = quotes.at(ss) is not None
            return Source(name=mention.text, kind="unnamed" if inside else "author", mention=mention)
        appositive = apposition.named(head)
        if appositive is None and not head.tag_.startswith("NNP") and mention.text.lower().startswith("the ") and (ante := history.resolve_definite(head.lower_, ss)):
            # "the union" after "the Averly Harbour Workers' Union"
            return Source(name=ante.name, kind=ante.kind, mention=mention, resolved_from=mention)
        if (named := appositive) is not None and apposition.belongs(text, ss, se, sent.start + named.left_edge.idx):
            # "the league's president, Ana Silva": the name in apposition is the source
            name, kind = classify(named, mention.text, history)
            described = kind_of_descriptors([head.lower_]) if kind == "person" and not head.tag_.startswith("NNP") else None
            kind = described if described in {"organization", "government", "media"} else kind  # "The campaign group Safer Births"
            source = Source(name=name, kind=kind, mention=mention)
            history.add(Mention(sent.start + named.idx, name, kind, named.tag_ == "NNPS"))
            return source
        name, kind = classify(head, mention.text, history)
        first = head.doc[0]
        if head.tag_.startswith("NNP") and ss == sent.start + first.idx and first.i == head.i - 2 and subjects.name_opener(first) and name and not name.startswith(first.text):
            name = f"{first.text} {name}"  # "Born Free Westbrook": the name's first word, which the parser read as a verb
        source = Source(name=name or mention.text, kind=kind, mention=mention)
        if kind != "unnamed" or (head.tag_ == "NN" and head.lower_ in INDIVIDUAL_NOUNS):
            history.add(Mention(ss, name, kind, head.tag_ in {"NNS", "NNPS"}))  # "One midwife at the hospital": the "she" after her
        return source

    def _pronoun_source(self, low: str, mention: Span, text: str, sent: Sentence, sentences: Sequence[Sentence], history: History, docs: dict[int, Any]) -> Source:
        """A pronoun resolved to the last earlier mention that agrees (the two sentences before parsed first), else left as written."""
        if history.resolve(low, mention.start) is None or low in {"it", "they"}:
            self._ensure_context(sentences, sent.index, text, history, docs)
        ante = history.resolve(low, mention.start)
        if ante is not None:
            return Source(name=ante.name, kind=ante.kind, mention=mention, resolved_from=mention)
        return Source(name=mention.text, kind="person" if low in {"he", "she", "him", "her"} else "unnamed", mention=mention)

    def _statement(
        self,
        text: str,
        content: Span,
        doc: Any,
        offset: int,
        history: History,
        sentences: Sequence[Sentence],
        index: int,
        docs: dict[int, Any],
    ) -> str | None:
        """The content with its resolvable subject pronouns replaced by their antecedents."""
        if doc is None:
            return None
        repl: list[tuple[int, int, str]] = []
        v = cue_model.view(doc)
        for i, (low, dep) in enumerate(zip(v.lower, v.dep, strict=True)):
            if low not in _SUBJ_PRONOUNS or dep not in _SUBJ_DEPS:
                continue
            tok = doc[i]
            pos = offset + tok.idx
            if not (content.start <= pos < content.end):
                continue
            if low == "it":
                self._ensure_context(sentences, index, text, history, docs)
            ante = history.resolve(low, pos)
            if ante is not None and ante.name.lower() != low:
                repl.append((pos, pos + len(tok.text), ante.name))
        if not repl:
            return None
        out = content.text
        for s, e, name in sorted(repl, reverse=True):
            out = out[: s - content.start] + name + out[e - content.start :]
        return out[:1].upper() + out[1:]

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        """One candidate per cue: of two whose cue spans overlap ("issued a
        statement" and "issued a statement saying", "declined" and "declined to
        say") one is kept (``_outranks``), the first on a tie.  In PolNeAR a
        word is part of at most one cue; held-out train: cue +.003, content
        +.005, pair +.001, source -.003 overlap F1."""
        out: list[Candidate] = []
        for c in cands:
            assert c.cue is not None
            s, e = c.cue.mention.start, c.cue.mention.end
            k = next((k for k, o in enumerate(out) if o.cue.mention.start < e and s < o.cue.mention.end), None)  # type: ignore[union-attr]
            if k is None:
                out.append(c)
            elif _outranks(c, out[k]):
                out[k] = c
        return out

    @staticmethod
    def _nest(cands: list[Candidate]) -> list[Candidate]:
        """Mark a candidate whose cue lies inside another's content as nested in it."""
        out = []
        for j, inner in enumerate(cands):
            if inner.cue is None:
                out.append(inner)
                continue
            best = None
            for i, outer in enumerate(cands):
                if i == j or outer.cue is None or outer.content.start > inner.cue.mention.start or inner.cue.mention.end > outer.content.end:
                    continue
                if (outer.content.start, outer.content.end) == (inner.content.start, inner.content.end):
                    continue
                if best is None or outer.content.end - outer.content.start < cands[best].content.end - cands[best].content.start:
                    best = i
            out.append(inner.model_copy(update={"nested_in": best}) if best is not None else inner)
        return out

    @staticmethod
    def _continued_quotes(text: str, sentences: Sequence[Sentence], skip: set[int], cands: list[Candidate], quotes: Quotes) -> list[Candidate]:
        """Sentences wholly inside a quotation that follow an attribution
        ("“A,” she said. “B. C.”", "She said A. “B.”") go on with that
        speaker's words: each run of them becomes a direct record with the
        same source, cue and sentence (the cue's).  A run no longer than a
        content said in the sentence before is left alone: PolNeAR makes it
        part of that attribution (content "A ... B"), which the earlier record
        already matches."""
        last = -2  # the index of the last sentence put in a run
        runs: list[list[int]] = []  # [start, end, first sentence index]
        for s in sentences:
            if s.index in skip or not quotes.holds(s.start, s.end) or any(c.content.start < s.end and s.start < c.content.end for c in cands):
                continue
            if runs and last == s.index - 1 and "\n" not in text[runs[-1][1] : s.start]:
                runs[-1][1] = s.end
            else:
                runs.append([s.start, s.end, s.index])
            last = s.index
        out = []
        for start, end, first in runs:
            if first == 0:
                continue
            before = sentences[first - 1]
            # the records said in the sentence just before the run
            # (``cands`` are the attributions so far: every one has a cue)
            said = [c for c in cands if before.start < c.content.end <= start or before.start <= c.cue.mention.start < before.end]  # type: ignore[union-attr]
            if not said or end - start <= max(c.content.end - c.content.start for c in said):
                continue
            prev = max(said, key=lambda c: c.content.end)
            out.append(
                Candidate(
                    content=Span(text=text[start:end], start=start, end=end),
                    mode="direct",
                    sentence_index=prev.sentence_index,
                    source=prev.source,
                    cue=prev.cue,
                )
            )
        return out

    @staticmethod
    def _unattributed(text: str, sentences: Sequence[Sentence], skip: set[int], cands: list[Candidate], quotes: Quotes) -> list[Candidate]:
        covered_sent = {c.sentence_index for c in cands}
        out = []
        for s in sentences:
            if s.index in skip or s.index in covered_sent:
                continue
            line = text[s.start : s.end]
            if not furniture.claim_worthy(line):
                continue
            n = s.end - s.start
            if any(min(c.content.end, s.end) - max(c.content.start, s.start) >= 0.5 * n for c in cands):
                continue
            if quotes.quoted_chars(s.start, s.end) >= 0.5 * n:
                continue
            out.append(Candidate(content=Span(text=line, start=s.start, end=s.end), mode="unattributed", sentence_index=s.index))
        return out
