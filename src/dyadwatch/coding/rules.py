"""The dictionary-and-rules event coder: triggers, actor mentions and word order, per sentence.

For each sentence: find actors (``actors.matcher``) and triggers (``coding.lexicon``);
drop questions, and triggers that are negated, modal/future or hypothetical; then for
each trigger pick the acting and the targeted actor by the rules of docs/coding.md
(subject in dictionary form before the verb, target after it in SVO languages or
between subject and verb in SOV ones, the agent after the verb for passives). A
speaker who reports another state's hostile act accuses that state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from dyadwatch.actors.matcher import Mention, matcher_for
from dyadwatch.actors.model import Side
from dyadwatch.actors.registry import ActorRegistry
from dyadwatch.reference import cameo_to_plover, goldstein, quad_class_of_cameo
from dyadwatch.text.tokens import Token, tokenize

from .dates import find_dates, nearest_date
from .lexicon import Cues, Hit, lexicon
from .model import CodedEvent, Skipped
from .summary import summarize

CODER_NAME = "rules"
CODER_VERSION = "rules-1"
MAX_SENTENCE_CHARS = 3000
ACCUSE_CAMEO = "112"
SPEAKER_REACH = 3
QUESTION_MARKS = ("?", "؟")
AGENT_REACH = 3
SPEECH_FLAGS = frozenset({"speech", "attribution"})
_SPECIFICITY = {"person": 3, "body": 2, "company": 2, "media": 2, "group": 2, "organisation": 2, "country": 1}


@dataclass(frozen=True)
class CodingOptions:
    """Switchable conventions; ``ethnic_targets="ethnic"`` codes a group by its ethnicity (the default)."""

    ethnic_targets: str = "ethnic"


@dataclass(slots=True)
class _Actorref:
    """A mention with its side and the words around it (prepositions, postpositions, agent markers)."""

    mention: Mention
    side: Side
    kind: str
    word_before: str
    word_after: str
    preposed: bool
    postposed: bool
    near_before: tuple[str, ...] = ()
    near_after: tuple[str, ...] = ()


@dataclass(slots=True)
class _Roles:
    source: _Actorref | None
    target: _Actorref | None
    notes: list[str]
    also: list[_Actorref] = field(default_factory=list)
    also_targets: list[_Actorref] = field(default_factory=list)
    also_pairs: list[tuple[_Actorref, _Actorref]] = field(default_factory=list)


def _plover_of(code: str) -> tuple[str, str, str | None]:
    """CAMEO code, PLOVER category and mode from a trigger's ``cameo[:PLOVER]`` column."""
    cameo, _, plover = code.partition(":")
    mapped = cameo_to_plover(cameo)
    if plover:
        return cameo, plover, mapped[1] if mapped and mapped[0] == plover else None
    if mapped is None:
        return cameo, "", None
    return cameo, mapped[0], mapped[1]


def _hyphenated(text: str, tokens: list[Token], i: int) -> bool:
    """A word that is the second half of a hyphenated compound ("US-backed") is not a verb."""
    return i > 0 and tokens[i].start - tokens[i - 1].end == 1 and text[tokens[i].start - 1] in "-‐‑"


class RuleCoder:
    """Codes sentences of one document at a time; stateless apart from cached data."""

    name = CODER_NAME
    version = CODER_VERSION

    def __init__(self, registry: ActorRegistry, options: CodingOptions | None = None) -> None:
        self.registry = registry
        self.options = options or CodingOptions()

    def code_document(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        language: str | None,
        doc_date: date,
        skipped: list[Skipped] | None = None,
    ) -> list[CodedEvent]:
        events: list[CodedEvent] = []
        if not language:
            if skipped is not None:
                skipped.append(Skipped(-1, (0, 0), "language unknown: no trigger lexicon"))
            return events
        for index, (start, end) in enumerate(sentences):
            events.extend(self.code_sentence(text, start, end, index, language, doc_date, skipped))
        return events

    def code_sentence(
        self,
        text: str,
        start: int,
        end: int,
        index: int,
        language: str,
        doc_date: date,
        skipped: list[Skipped] | None = None,
    ) -> list[CodedEvent]:
        def skip(span: tuple[int, int], reason: str) -> None:
            if skipped is not None:
                skipped.append(Skipped(index, span, reason))

        if end - start > MAX_SENTENCE_CHARS:
            skip((start, end), f"sentence longer than {MAX_SENTENCE_CHARS} characters")
            return []
        lex = lexicon(language)
        if not lex.triggers:
            skip((start, end), f"no trigger lexicon for language {language!r}")
            return []
        tokens = tokenize(text, language, start, end)
        hits = lex.find(tokens)
        if not hits:
            return []
        c = lex.cues
        if text[start:end].rstrip(" »”\"')").endswith(QUESTION_MARKS) or any(t.form in c.question for t in tokens):
            skip((start, end), "question: carries no events")
            return []
        mentions = matcher_for(self.registry, language).find(tokens)
        if not c.gaps_skip_actors:
            hits = lex.find(tokens, frozenset(i for m in mentions if self.registry.get(m.actor).kind != "place"
                                              for i in range(m.first, m.last + 1)))
        hits = [h for h in hits if not _hyphenated(text, tokens, h.first)]
        day_cues = find_dates(tokens, text, language, doc_date)
        refs = self._refs(tokens, mentions, doc_date, c, {i for h in hits for i in range(h.first, h.last + 1)}, text)
        events: list[CodedEvent] = []
        speaker, reported = self._speaker(refs, hits, c)
        heads = self._relative_heads(refs, text, end, c)
        attributed = speaker if any("attribution" in h.trigger.flags for h in hits) else None
        previous_source: _Actorref | None = None
        denied = any("deny" in h.trigger.flags for h in hits)
        seen: set[tuple[str, str, str]] = set()
        for n, hit in enumerate(hits):
            span = (tokens[hit.first].start, tokens[hit.last].end)
            reason = self._blocked(tokens, hit, c)
            if reason:
                skip(span, reason)
                continue
            region_start = hits[n - 1].last + 1 if n else 0
            region_end = hits[n + 1].first if n + 1 < len(hits) else len(tokens)
            if hit.trigger.flags & SPEECH_FLAGS:
                continue
            head = next((ref for ref, closes in heads if closes <= tokens[hit.first].start), None)
            roles = self._roles(refs, hit, region_start, region_end, c, previous_source, attributed, head)
            if roles.source is None or roles.target is None:
                skip(span, "no " + ("acting" if roles.source is None else "targeted") + " actor found")
                continue
            previous_source = roles.source
            pairs = [(acting, roles.target) for acting in [roles.source, *roles.also]]
            pairs += [(roles.source, other) for other in roles.also_targets] + roles.also_pairs
            for acting, targeted in pairs:
                cameo, plover, mode = _plover_of(hit.trigger.cameo)
                flags: list[str] = []
                confidence = 0.9 - 0.15 * len(roles.notes)
                source, target = acting, targeted
                quad = quad_class_of_cameo(cameo)
                if denied and "deny" not in hit.trigger.flags and quad >= 3:
                    skip(span, "the sentence denies this act")
                    continue
                if speaker is not None and n in reported:
                    flags.append("reported_speech")
                    confidence -= 0.15
                    if speaker.side.country != source.side.country and quad >= 3:
                        target, source = source, speaker
                        cameo, plover, mode = _plover_of(ACCUSE_CAMEO)
                        quad = quad_class_of_cameo(cameo)
                if not plover or source.side.country == target.side.country:
                    skip(span, "same state on both sides" if plover else f"CAMEO {cameo} has no PLOVER category")
                    continue
                target_side = target.side
                if target_side.ethnic and self.options.ethnic_targets == "ethnic":
                    flags.append("ethnic_target")
                if "symmetric" in hit.trigger.flags:
                    flags.append("symmetric")
                triple = (source.side.country, target_side.country, plover)
                if triple in seen:
                    skip(span, "same states and category as an earlier verb of this sentence")
                    continue
                seen.add(triple)
                when, date_note = nearest_date(day_cues, hit.first, hit.last, doc_date)
                place = self._place(tokens, mentions, hit)
                events.append(CodedEvent(
                    source=source.side, target=target_side, cameo=cameo, plover=plover, plover_mode=mode,
                    goldstein=goldstein(cameo), quad_class=quad, date=when, date_note=date_note,
                    sentence_idx=index, sentence_span=(start, end), trigger_span=span,
                    source_span=(source.mention.start, source.mention.end),
                    target_span=(target.mention.start, target.mention.end),
                    confidence=round(max(0.1, confidence), 2),
                    summary=summarize(source.side, cameo, target_side, place),
                    flags=tuple(flags),
                    why=(f"trigger {text[span[0]:span[1]]!r} (lang/{language}/events.tsv line {hit.trigger.line}) -> CAMEO {cameo}",
                         *roles.notes),
                ))
        return events

    @staticmethod
    def _dateline(m: Mention, text: str) -> bool:
        """"MOSCOW, Oct 9 –": a capitalised place name opening a sentence and followed by a comma."""
        surface = text[m.start:m.end]
        return m.first == 0 and surface.isupper() and len(surface) > 2 and text[m.end:m.end + 1] == ","

    def _refs(
        self, tokens: list[Token], mentions: list[Mention], day: date, c: Cues, trigger_tokens: set[int],
        text: str = "",
    ) -> list[_Actorref]:
        """Mentions resolved to sides on ``day``; adjacent mentions of one state merge into the most specific.

        Mentions merge only when at most one word stands between them and it is not part of a trigger.
        """
        refs: list[_Actorref] = []
        for m in mentions:
            actor = self.registry.get(m.actor)
            if actor.kind == "place" or self._dateline(m, text):
                continue
            side = self.registry.side(m.actor, day)
            if side is None:
                continue
            if side.ethnic and self.options.ethnic_targets == "ethnic":
                side = Side(side.actor, side.name, side.ethnic, side.body, side.sector, side.ethnic)
            position = m.first - 1
            while position >= 0 and tokens[position].form in c.determiners:
                position -= 1
            word_before = tokens[position].form if position >= 0 else ""
            word_after = tokens[m.last + 1].form if m.last + 1 < len(tokens) else ""
            ref = _Actorref(m, side, actor.kind, word_before, word_after,
                            word_before in c.prepositions, word_after in c.postpositions,
                            tuple(t.form for t in tokens[max(0, m.first - AGENT_REACH): m.first]),
                            tuple(t.form for t in tokens[m.last + 1: m.last + 1 + AGENT_REACH]))
            if (refs and refs[-1].side.country == side.country and m.first - refs[-1].mention.last <= 2
                    and not trigger_tokens.intersection(range(refs[-1].mention.last + 1, m.first))):
                prev = refs[-1]
                merged = Mention(prev.mention.actor, prev.mention.first, m.last, prev.mention.start, m.end,
                                 prev.mention.bare and m.bare)
                keep = ref if _SPECIFICITY.get(actor.kind, 0) >= _SPECIFICITY.get(prev.kind, 0) else prev
                refs[-1] = _Actorref(Mention(keep.mention.actor, merged.first, merged.last, merged.start, merged.end,
                                             merged.bare or keep.mention.bare),
                                     keep.side, keep.kind, prev.word_before, ref.word_after,
                                     prev.preposed, ref.postposed, prev.near_before, ref.near_after)
                continue
            refs.append(ref)
        return refs

    def _roles(
        self, refs: list[_Actorref], hit: Hit, region_start: int, region_end: int, c: Cues,
        previous_source: _Actorref | None, speaker: _Actorref | None = None, head: _Actorref | None = None,
    ) -> _Roles:
        notes: list[str] = []
        before = [r for r in refs if region_start <= r.mention.first and r.mention.last < hit.first]
        after = [r for r in refs if hit.first < r.mention.first < region_end]
        all_before = [r for r in refs if r.mention.last < hit.first]
        if head is not None:
            notes.append("subject described by the relative clause before the verb")
        if self._is_passive(hit, c):
            return self._passive_roles(refs, before, all_before, after, hit, speaker, c, notes, region_start, head)
        if head is None and previous_source is not None and region_start > 0 and hit.first > 0 and \
                self._conjoined_verb(before, hit, c):
            notes.append("verb joined to the previous one: same subject")
            head = previous_source
        source = head or self._subject(before, all_before, after, hit, c, previous_source, notes, region_start)
        if source is None:
            return _Roles(None, None, notes)
        others = [r for r in refs if r is not source and r.side.country != source.side.country]
        if source.mention.first > hit.last:
            target = next((r for r in reversed(others) if r.mention.last < hit.first), None)
            if target is None:
                target = next((r for r in others if r.mention.first > source.mention.last), None)
        elif c.word_order == "SOV":
            between = [r for r in others if source.mention.last < r.mention.first and r.mention.last < hit.first]
            marked = [r for r in between if not r.mention.bare and not r.postposed]
            candidates = marked or between
            target = candidates[-1] if candidates else next(
                (r for r in others if hit.first < r.mention.first < region_end), None)
        else:
            following = [r for r in others if hit.first < r.mention.first < region_end]
            target = next((r for r in following if r.word_before not in c.locatives), None) or next(
                iter(following), None)
            if target is None:
                target = next((r for r in reversed(others) if r.mention.last < hit.first and r.mention.first >= region_start), None)
                if target is not None:
                    notes.append("target before the verb")
        joined_subjects = self._coordinated(source, before, c)
        if joined_subjects and (target is None or "symmetric" in hit.trigger.flags):
            notes.append("joined subjects act on each other")
            partner = joined_subjects[0]
            return _Roles(source, partner, notes, [], [], [(partner, source)])
        joined_targets = self._coordinated(target, others, c) if target is not None else []
        return _Roles(source, target, notes, joined_subjects,
                      [t for t in joined_targets if t.side.country != source.side.country])

    def _subject(
        self, before: list[_Actorref], all_before: list[_Actorref], after: list[_Actorref], hit: Hit, c: Cues,
        previous_source: _Actorref | None, notes: list[str], hit_region_start: int = 0,
    ) -> _Actorref | None:
        """The acting actor: a dictionary-form mention before the verb, then ever weaker fallbacks.

        Right after an earlier verb a mention is taken for that verb's object, not this one's subject,
        when another candidate exists.
        """
        if c.participle is not None and c.participle.search(hit.last_form):
            following = next((r for r in after if r.mention.bare and r.mention.first <= hit.last + 2), None)
            if following is not None:
                notes.append("participle: the actor right after it acts")
                return following
        subjects = [r for r in before if not r.preposed and not r.postposed]
        if subjects and hit_region_start > 0:
            past_object = [r for r in subjects if r.mention.first > hit_region_start + 1]
            subjects = past_object or subjects
        ordered = subjects[::-1] if c.subject == "nearest" else subjects
        bare = next((r for r in ordered if r.mention.bare), None)
        if bare is not None:
            if (previous_source is not None and bare.kind == "country"
                    and bare.side.country == previous_source.side.country):
                notes.append("subject shared with the previous verb (same state, named more precisely)")
                return previous_source
            return bare
        if previous_source is not None:
            notes.append("subject shared with the previous verb")
            return previous_source
        sentence_subjects = [r for r in all_before if not r.preposed and not r.postposed and r.mention.bare]
        if sentence_subjects:
            notes.append("subject taken from earlier in the sentence")
            return sentence_subjects[0]
        if ordered:
            notes.append("subject not in its dictionary form")
            return ordered[0]
        locative = [r for r in before if r.word_before in c.locative_subjects and hit.first - r.mention.last <= 3]
        if locative:
            notes.append("impersonal verb: the place named before it acts")
            return locative[-1]
        inverted = next((r for r in after if r.mention.bare and not r.preposed), None)
        if inverted is not None:
            notes.append("subject after the verb (inverted order)")
        return inverted

    def _passive_roles(
        self, refs: list[_Actorref], before: list[_Actorref], all_before: list[_Actorref], after: list[_Actorref],
        hit: Hit, speaker: _Actorref | None, c: Cues, notes: list[str], region_start: int,
        head: _Actorref | None = None,
    ) -> _Roles:
        """Passive: the agent (marked, or right after the verb) acts on the subject; else the attributed body."""
        marked = [r for r in refs if self._agent_marked(r, c)]
        near = [r for r in after if r.mention.first <= hit.last + AGENT_REACH]
        agents = marked or [r for r in near if not r.preposed] or near
        source = agents[0] if agents else speaker
        if source is not None:
            notes.append("passive: the agent acts" if agents else "passive: the body the report is attributed to acts")

        def other(refs_: list[_Actorref]) -> list[_Actorref]:
            return [r for r in refs_ if r is not source and (source is None or r.side.country != source.side.country)]

        patient = head if head is not None and other([head]) else self._subject(
            other(before), other(all_before), [], hit, c, None, [], region_start)
        if patient is None:
            patient = next(iter(other(after)), None)
        return _Roles(source, patient, notes)

    @staticmethod
    def _coordinated(source: _Actorref, before: list[_Actorref], c: Cues) -> list[_Actorref]:
        """Further actors joined to one by a conjunction ("Aliyev and Zelensky condemned", "hosted X and Y")."""
        joined: list[_Actorref] = []
        last = source
        for ref in before:
            if ref.mention.first == last.mention.last + 2 and ref.word_before in c.conjunctions and ref.mention.bare:
                joined.append(ref)
                last = ref
        first = source
        for ref in reversed(before):
            if ref.mention.last == first.mention.first - 2 and first.word_before in c.conjunctions and ref.mention.bare:
                joined.append(ref)
                first = ref
        return [r for r in joined if r.side.country != source.side.country]

    def _conjoined_verb(self, before: list[_Actorref], hit: Hit, c: Cues) -> bool:
        """"X phoned Y and asked Z": the verb comes right after a conjunction, so it shares the subject."""
        return hit.first_before in c.conjunctions and not any(r.mention.last == hit.first - 1 for r in before)

    @staticmethod
    def _relative_heads(refs: list[_Actorref], text: str, end: int, c: Cues) -> list[tuple[_Actorref, int]]:
        """Actors a relative clause describes ("Aliyev, who cut short his trip, ... received"), with the
        position of the comma that closes the clause: verbs after it take the actor as their subject."""
        heads = []
        for ref in refs:
            if ref.word_after in c.relative_pronouns and ref.mention.bare:
                opening = text.find(",", ref.mention.end, ref.mention.end + 3)
                closing = text.find(",", (opening if opening >= 0 else ref.mention.end) + 1, end)
                if closing >= 0:
                    heads.append((ref, closing))
        return heads

    @staticmethod
    def _is_passive(hit: Hit, c: Cues) -> bool:
        return "passive" in hit.trigger.flags or hit.passive

    @staticmethod
    def _agent_marked(ref: _Actorref, c: Cues) -> bool:
        """An agent marker a few words before it (by, توسط), or after it (tərəfindən, tarafından)."""
        words = ref.near_after if c.agent_marker_position == "after" else ref.near_before
        return any(word in c.agent_markers for word in words)

    def _speaker(self, refs: list[_Actorref], hits: list[Hit], c: Cues) -> tuple[_Actorref | None, range]:
        """Who says the sentence's verb of saying, and which triggers report what is said.

        The speaker stands next to the verb ("X said", "said X", "according to X"); in verb-final
        languages before it, else it is the clause's first plain subject. A speaker before the verb
        in a verb-medial language introduces what follows; otherwise the report is what precedes.
        """
        for n, hit in enumerate(hits):
            if not hit.trigger.flags & SPEECH_FLAGS:
                continue
            voices = [r for r in refs if r.word_after not in c.media_words]
            before = [r for r in voices if hit.first - SPEAKER_REACH <= r.mention.last < hit.first]
            after = [r for r in voices if hit.last < r.mention.first <= hit.last + SPEAKER_REACH]
            if c.word_order == "SOV":
                speaker = before[-1] if before else next(
                    (r for r in voices if r.mention.last < hit.first and r.mention.bare and not r.postposed), None)
                return speaker, range(0, n)
            if before:
                return before[-1], range(n + 1, len(hits))
            if after:
                return after[0], range(0, n)
        return None, range(0)

    def _place(self, tokens: list[Token], mentions: list[Mention], hit: Hit) -> str | None:
        places = [m for m in mentions if self.registry.get(m.actor).kind == "place"]
        if not places:
            return None
        nearest = min(places, key=lambda m: abs(m.first - hit.first))
        return self.registry.get(nearest.actor).name

    @staticmethod
    def _blocked(tokens: list[Token], hit: Hit, c: Cues) -> str | None:
        """Why a trigger does not make an event (negated, modal, future, hypothetical), or None."""
        if hit.negated:
            return "negated"
        window = tokens[max(0, hit.first - c.modal_window): hit.first] + tokens[hit.first + 1: hit.last + 1]
        if any(t.form in c.modal for t in window):
            return "modal or future"
        after = tokens[hit.last + 1: hit.last + 3]
        if any(t.form in c.modal_after for t in after):
            return "modal or future"
        if c.future_verb is not None and any(c.future_verb.search(t.form) for t in tokens[hit.first: hit.last + 1]):
            return "future tense"
        if any(t.form in c.hypothetical for t in tokens[: hit.first]):
            return "hypothetical"
        return None
