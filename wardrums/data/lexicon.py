"""The PLOVER table, the trigger lexicon and the modality/attribution cues, loaded from YAML.

The data live in three reviewable files next to this module:

* ``plover.yaml``   - the 16 PLOVER categories with CAMEO root, quad class, default
  intensity and modes (:func:`plover`);
* ``triggers.yaml`` - the words that realise each category, with the syntactic conditions
  the dependency matcher checks (:func:`triggers`, :func:`triggers_by_lemma`); the file
  header documents every field;
* ``cues.yaml``     - negation, denial, allegation, reporting, hypothetical and predicted
  cues (:func:`cues`).

Everything is validated on first load; a bad file raises :class:`ValueError` naming the
file, the entry and what is wrong. Results are cached and immutable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from wardrums.data import knowledge
from wardrums.records import EVENT_TYPES, QUAD_CLASSES

__all__ = [
    "Coding",
    "Cues",
    "PloverCategory",
    "PloverMode",
    "Trigger",
    "cues",
    "inflections",
    "lemmas_for_surface",
    "plover",
    "quad_class_for",
    "trigger_surface_forms",
    "triggers",
    "triggers_by_lemma",
]

PLOVER_FILE = "plover.yaml"
TRIGGERS_FILE = "triggers.yaml"
CUES_FILE = "cues.yaml"
#: Object item "=STATE": a country's name, where "=SECTOR" names a body of that sector.
STATE = "STATE"

#: Coarse POS tags a trigger head may have.
TRIGGER_POS: tuple[str, ...] = ("VERB", "NOUN")

#: Prepositions allowed in ``prep:<p>`` slots.
PREPOSITIONS: frozenset[str] = frozenset(
    "on against with to from at for of by in into over toward towards upon between among "
    "across near inside about behind through outside off around along out onto under within "
    "beyond throughout".split()
)
#: Slots that name a child (or relative) of the trigger.
BASE_SLOTS: frozenset[str] = frozenset(
    {"dobj", "dative", "nsubj", "nsubjpass", "agent", "poss", "compound", "amod_demonym",
     "ccomp_nsubj", "head_nsubj", "head_object", "head_verb", "cause", "police_subject"}
)  # fmt: skip
#: Slots that find a doer the sentence implies rather than names ("killed *in police
#: firing*"; "*the police* acted and caught them"). An entry whose source slots are all of
#: these fires only when one of them finds its doer.
DERIVED_SLOTS: frozenset[str] = frozenset({"cause", "police_subject"})
#: Slots allowed after a dot (``dobj.poss``): an actor found under the first slot's head
#: (``head_verb.dobj``: the object of the verb a noun trigger hangs on).
SUB_SLOTS: frozenset[str] = frozenset({"poss", "compound", "amod_demonym", "dobj", "agent"})

DEFAULT_TARGET: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"VERB": ("dobj",), "NOUN": ("prep:on", "prep:against", "prep:of")}
)
DEFAULT_SOURCE: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "VERB": ("nsubj", "agent"),
        "NOUN": ("poss", "prep:by", "amod_demonym", "compound", "head_nsubj"),
    }
)

_TRIGGER_FIELDS = frozenset(
    {"lemma", "pos", "object", "particle", "target", "source", "mode", "intensity", "block",
     "compound", "subject", "passive_ok", "require_target", "transitive"}
)  # fmt: skip
_TRIGGER_HEADER_KEYS = frozenset({"irregular", "spelling", "lemma_alias", "sets"})
_WORD = re.compile(r"^[a-z0-9][a-z0-9']*$")
_CAMEO = re.compile(r"^\d{2,4}$")
_MODE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


# --------------------------------------------------------------------------- dataclasses


def quad_class_for(cameo: str) -> int:
    """Quad class of a CAMEO code by the project rule (Phoenix convention).

    01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13 and 16 verbal
    conflict (3), 14, 15 and 17-20 material conflict (4).
    """
    if not _CAMEO.match(cameo):
        raise ValueError(f"not a CAMEO code: {cameo!r}")
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if root in (14, 15) or 17 <= root <= 20:
        return 4
    raise ValueError(f"CAMEO root out of range 01..20: {cameo!r}")


@dataclass(frozen=True, kw_only=True)
class Coding:
    """The CAMEO code, root, quad class and intensity an event receives."""

    cameo: str
    cameo_root: str
    quad_class: int
    intensity: float


@dataclass(frozen=True, kw_only=True)
class PloverMode:
    """A PLOVER mode; ``cameo``/``intensity`` override the category's when not None."""

    mode: str
    description: str
    cameo: str | None = None
    intensity: float | None = None


@dataclass(frozen=True, kw_only=True)
class PloverCategory:
    """One PLOVER category with its CAMEO crosswalk and modes."""

    code: str
    cameo_root: str
    quad_class: int
    intensity: float
    description: str
    modes: tuple[PloverMode, ...]
    intent: Coding | None = None  # the act promised or expected (CAMEO 03x)
    refusal: Coding | None = None  # the act announced as not going to happen (CAMEO 12x)
    threat: Coding | None = None  # a conflictual act announced or expected (CAMEO 13x)

    @property
    def mode_names(self) -> frozenset[str]:
        return frozenset(m.mode for m in self.modes)

    def mode(self, name: str) -> PloverMode:
        """The mode called ``name``; :class:`KeyError` if the category has none."""
        for m in self.modes:
            if m.mode == name:
                return m
        raise KeyError(f"{self.code} has no mode {name!r}")

    def coding(self, mode: str | None = None, intensity: float | None = None) -> Coding:
        """CAMEO code, root, quad class and intensity for this category (and mode).

        A mode's ``cameo`` replaces the category root and decides the quad class; its
        ``intensity`` replaces the default; an explicit ``intensity`` wins over both.
        """
        cameo, value = self.cameo_root, self.intensity
        if mode is not None:
            m = self.mode(mode)
            cameo = m.cameo or cameo
            value = m.intensity if m.intensity is not None else value
        if intensity is not None:
            value = intensity
        return Coding(
            cameo=cameo, cameo_root=cameo[:2], quad_class=quad_class_for(cameo), intensity=value
        )


@dataclass(frozen=True, kw_only=True)
class Trigger:
    """One lexicon entry; see the header of ``triggers.yaml`` for what each field means.

    ``target`` and ``source`` always hold the resolved slot lists (defaults applied);
    list fields are tuples, absent optional fields are None; ``@set`` references and
    British/American spellings are already expanded.
    """

    category: str
    lemma: str
    pos: str
    object: tuple[str, ...] | None = None
    particle: str | None = None
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    mode: str | None = None
    intensity: float | None = None
    block: tuple[str, ...] | None = None
    compound: tuple[str, ...] | None = None
    subject: tuple[str, ...] | None = None
    passive_ok: bool = True
    require_target: bool = False
    transitive: bool = False

    @property
    def key(self) -> tuple[Any, ...]:
        """What makes two entries the same trigger, whatever their category."""
        return (self.lemma, self.pos, self.object, self.particle, self.compound, self.subject,
                self.require_target, self.transitive)  # fmt: skip

    @property
    def specificity(self) -> int:
        """How many extra conditions the entry has; the matcher tries higher first."""
        return sum(
            (
                self.object is not None,
                self.particle is not None,
                self.compound is not None,
                self.subject is not None,
                self.require_target,
                self.transitive,
            )
        )

    def coding(self) -> Coding:
        """CAMEO code, root, quad class and intensity of events this entry yields."""
        return plover()[self.category].coding(self.mode, self.intensity)


@dataclass(frozen=True, kw_only=True)
class Cues:
    """Modality, polarity and attribution cues (lower-case lemmas or token sequences)."""

    negation: frozenset[str]
    negation_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    allegation: frozenset[str]
    report_verbs: Mapping[str, bool]  # lemma -> factive (complement taken as asserted)
    according_to: tuple[str, ...]
    hypothetical: frozenset[str]
    predicted: frozenset[str]
    epistemic_hedge: frozenset[str]
    future_markers: frozenset[str]
    complement_modality: Mapping[str, str]  # governor lemma -> hypothetical/predicted/negative
    threat_conditionals: tuple[str, ...]
    decision_verbs: frozenset[str]  # "decided to", "voted to": enacting the acts below
    enacted_by_decision: frozenset[str]  # PLOVER CATEGORY or CATEGORY/mode

    @property
    def factive_report_verbs(self) -> frozenset[str]:
        return frozenset(k for k, v in self.report_verbs.items() if v)

    @property
    def nonfactive_report_verbs(self) -> frozenset[str]:
        return frozenset(k for k, v in self.report_verbs.items() if not v)


# --------------------------------------------------------------------------- file reading


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and reads only true/false as booleans.

    PyYAML follows YAML 1.1, where ``on``, ``off``, ``yes`` and ``no`` are booleans; in
    these files they are words ("fire on", "no"), so only ``true``/``false`` are booleans.
    """


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _mapping_no_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_no_duplicates
)


def _read_yaml(name: str) -> Any:
    try:
        text = resources.files("wardrums.data").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        text = (Path(__file__).parent / name).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as err:
        raise ValueError(f"{name}: not valid YAML: {err}") from err


def _fail(file: str, where: str, problem: str) -> ValueError:
    return ValueError(f"{file}: {where}: {problem}")


def _number(file: str, where: str, value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(file, where, f"{field} must be a number, got {value!r}")
    if not -10.0 <= float(value) <= 10.0:
        raise _fail(file, where, f"{field} {value!r} is outside -10..10")
    return float(value)


# --------------------------------------------------------------------------- plover.yaml


@functools.cache
def plover() -> dict[str, PloverCategory]:
    """The 16 PLOVER categories, in codebook order, keyed by code."""
    f = PLOVER_FILE
    raw = _read_yaml(f)
    if not isinstance(raw, dict):
        raise _fail(f, "top level", "must be a mapping of category -> definition")
    unknown = [k for k in raw if k not in EVENT_TYPES]
    if unknown:
        raise _fail(
            f, f"category {unknown[0]!r}", f"unknown category (known: {', '.join(EVENT_TYPES)})"
        )
    missing = [c for c in EVENT_TYPES if c not in raw]
    if missing:
        raise _fail(f, "top level", f"missing categories: {', '.join(missing)}")
    out: dict[str, PloverCategory] = {}
    for code in EVENT_TYPES:
        spec = raw[code]
        where = f"category {code}"
        if not isinstance(spec, dict):
            raise _fail(f, where, "must be a mapping")
        extra = set(spec) - {"cameo_root", "quad_class", "intensity", "description", "modes",
                             "intent", "refusal", "threat"}
        if extra:
            raise _fail(f, where, f"unknown field(s) {sorted(extra)}")
        root = spec.get("cameo_root")
        if not isinstance(root, str) or not re.fullmatch(r"\d\d", root) or not 1 <= int(root) <= 20:
            raise _fail(f, where, f"cameo_root must be a two-digit string '01'..'20', got {root!r}")
        quad = spec.get("quad_class")
        if quad not in QUAD_CLASSES:
            raise _fail(f, where, f"quad_class must be one of {sorted(QUAD_CLASSES)}, got {quad!r}")
        if quad != quad_class_for(root):
            raise _fail(
                f,
                where,
                f"quad_class {quad} contradicts CAMEO root {root} (rule gives {quad_class_for(root)})",
            )
        intensity = _number(f, where, spec.get("intensity"), "intensity")
        desc = spec.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise _fail(f, where, "description must be a non-empty string")
        modes_raw = spec.get("modes") or []
        if not isinstance(modes_raw, list):
            raise _fail(f, where, "modes must be a list")
        modes: list[PloverMode] = []
        for i, m in enumerate(modes_raw):
            mwhere = f"{where} mode #{i + 1}"
            if not isinstance(m, dict):
                raise _fail(f, mwhere, "must be a mapping")
            extra = set(m) - {"mode", "description", "cameo", "intensity"}
            if extra:
                raise _fail(f, mwhere, f"unknown field(s) {sorted(extra)}")
            name = m.get("mode")
            if not isinstance(name, str) or not _MODE_NAME.match(name):
                raise _fail(f, mwhere, f"mode must be a lower-case hyphenated name, got {name!r}")
            mwhere = f"{where} mode {name!r}"
            if any(x.mode == name for x in modes):
                raise _fail(f, mwhere, "defined twice")
            mdesc = m.get("description")
            if not isinstance(mdesc, str) or not mdesc.strip():
                raise _fail(f, mwhere, "description must be a non-empty string")
            cameo = m.get("cameo")
            if cameo is not None:
                if (
                    not isinstance(cameo, str)
                    or not _CAMEO.match(cameo)
                    or not 1 <= int(cameo[:2]) <= 20
                ):
                    raise _fail(
                        f,
                        mwhere,
                        f"cameo must be a 2-4 digit string with root 01..20, got {cameo!r}",
                    )
            mint = m.get("intensity")
            modes.append(
                PloverMode(
                    mode=name,
                    description=mdesc.strip(),
                    cameo=cameo,
                    intensity=None if mint is None else _number(f, mwhere, mint, "intensity"),
                )
            )
        out[code] = PloverCategory(
            code=code,
            cameo_root=root,
            quad_class=quad,
            intensity=intensity,
            description=desc.strip(),
            modes=tuple(modes),
            intent=_stated_coding(f, where, spec.get("intent"), "intent", ("03",)),
            refusal=_stated_coding(f, where, spec.get("refusal"), "refusal", ("12",)),
            threat=_stated_coding(f, where, spec.get("threat"), "threat", ("13",)),
        )
    return out


def _stated_coding(f: str, where: str, value: Any, field: str,
                   roots: tuple[str, ...]) -> Coding | None:
    """The optional ``intent``/``refusal``/``threat`` coding of a category: {cameo, intensity}."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"cameo", "intensity"}:
        raise _fail(f, where, f"{field} must be a mapping with exactly cameo and intensity")
    cameo = value["cameo"]
    if not isinstance(cameo, str) or not _CAMEO.match(cameo) or cameo[:2] not in roots:
        raise _fail(f, where, f"{field} cameo must be a 2-4 digit code under CAMEO "
                              f"{'/'.join(roots)}, got {cameo!r}")
    return Coding(cameo=cameo, cameo_root=cameo[:2], quad_class=quad_class_for(cameo),
                  intensity=_number(f, where, value["intensity"], f"{field} intensity"))


# --------------------------------------------------------------------------- triggers.yaml


@dataclass(frozen=True)
class _Header:
    irregular: Mapping[str, tuple[str, ...]]
    spelling: Mapping[str, str]  # both directions
    lemma_alias: Mapping[str, str]
    sets: Mapping[str, tuple[str, ...]]


def _word_list(file: str, where: str, value: Any, field: str, *, multiword: bool) -> list[str]:
    if not isinstance(value, list) or not value:
        raise _fail(file, where, f"{field} must be a non-empty list")
    out = []
    for item in value:
        if not isinstance(item, str):
            raise _fail(file, where, f"{field} item {item!r} is not a string")
        if item.startswith("@"):
            out.append(item)
            continue
        if item.startswith("="):  # "=MED": a body the knowledge files give that sector
            if field != "object" or (item[1:] not in knowledge.sectors() and item[1:] != STATE):
                raise _fail(file, where, f"{field} item {item!r}: '=' takes a sector code "
                            f"from sectors.yaml or {STATE}, and only in object lists")
            out.append(item)
            continue
        words = item.split(" ")
        if (not multiword and len(words) != 1) or not all(_WORD.match(w) for w in words):
            kind = (
                "lower-case lemma(s) separated by single spaces"
                if multiword
                else "a single lower-case lemma"
            )
            raise _fail(file, where, f"{field} item {item!r} must be {kind}")
        out.append(item)
    return out


@functools.cache
def _header() -> _Header:
    f = TRIGGERS_FILE
    raw = _read_yaml(f)
    if not isinstance(raw, dict):
        raise _fail(f, "top level", "must be a mapping")

    irregular: dict[str, tuple[str, ...]] = {}
    for lemma, forms in (raw.get("irregular") or {}).items():
        where = f"irregular {lemma!r}"
        if not isinstance(lemma, str) or not _WORD.match(lemma):
            raise _fail(f, where, "key must be a lower-case lemma")
        irregular[lemma] = tuple(_word_list(f, where, forms, "forms", multiword=False))

    spelling: dict[str, str] = {}
    for us, gb in (raw.get("spelling") or {}).items():
        where = f"spelling {us!r}"
        if not (
            isinstance(us, str) and isinstance(gb, str) and _WORD.match(us) and _WORD.match(gb)
        ):
            raise _fail(f, where, "must map a lower-case lemma to a lower-case lemma")
        if us == gb:
            raise _fail(f, where, "maps a spelling to itself")
        spelling[us] = gb
        spelling[gb] = us

    alias: dict[str, str] = {}
    for wrong, right in (raw.get("lemma_alias") or {}).items():
        where = f"lemma_alias {wrong!r}"
        if not (
            isinstance(wrong, str)
            and isinstance(right, str)
            and _WORD.match(wrong)
            and _WORD.match(right)
        ):
            raise _fail(f, where, "must map a lower-case lemma to a lower-case lemma")
        alias[wrong] = right

    sets: dict[str, tuple[str, ...]] = {}
    for name, items in (raw.get("sets") or {}).items():
        where = f"set {name!r}"
        words = _word_list(f, where, items, "items", multiword=True)
        if any(w.startswith("@") for w in words):
            raise _fail(f, where, "sets cannot refer to other sets")
        sets[name] = tuple(dict.fromkeys(words))
    return _Header(
        irregular=MappingProxyType(irregular),
        spelling=MappingProxyType(spelling),
        lemma_alias=MappingProxyType(alias),
        sets=MappingProxyType(sets),
    )


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The head lemmas of a named set of ``triggers.yaml`` (``sets:``), e.g. "seized_weapons";
    a multi-word item counts by its last word. :class:`KeyError` for an unknown set."""
    return frozenset(item.split()[-1] for item in _header().sets[name])


@functools.cache
def noun_categories(lemma: str) -> frozenset[str]:
    """The categories of the NOUN entries for ``lemma`` ("strike": ASSAULT, PROTEST)."""
    return frozenset(t.category for t in triggers_by_lemma().get((lemma, "NOUN"), ()))


@functools.cache
def phrase_set(name: str) -> frozenset[str]:
    """The items of a named set whole, for sets of verbs with particles ("break up"): match
    them with :func:`verb_phrases`. :class:`KeyError` for an unknown set."""
    return frozenset(_header().sets[name])


def _respell(item: str, spelling: Mapping[str, str]) -> str:
    return " ".join(spelling.get(w, w) for w in item.split(" "))


def _expand(file: str, where: str, items: list[str], header: _Header) -> tuple[str, ...]:
    """Expand @sets and add British/American variants, keeping order, no duplicates."""
    out: list[str] = []
    for item in items:
        if item.startswith("@"):
            name = item[1:]
            if name not in header.sets:
                raise _fail(
                    file, where, f"unknown set {item!r} (known: {', '.join(sorted(header.sets))})"
                )
            out.extend(header.sets[name])
        else:
            out.append(item)
    variants = [_respell(x, header.spelling) for x in out]
    return tuple(dict.fromkeys(out + variants))


def _slots(file: str, where: str, value: Any, field: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(file, where, f"{field} must be a list of slots")
    for slot in value:
        if not isinstance(slot, str) or not _valid_slot(slot):
            raise _fail(
                file,
                where,
                f"unknown {field} slot {slot!r} (base slots: {', '.join(sorted(BASE_SLOTS))}, "
                f"prep:<preposition>, or <slot>.<{'|'.join(sorted(SUB_SLOTS))}|prep:<p>>)",
            )
    return tuple(value)


def _valid_slot(slot: str) -> bool:
    head, _, sub = slot.partition(".")
    if not _valid_simple(head, BASE_SLOTS):
        return False
    return not sub or _valid_simple(sub, SUB_SLOTS)


def _valid_simple(slot: str, allowed: frozenset[str]) -> bool:
    if slot.startswith("prep:"):
        return slot[5:] in PREPOSITIONS
    return slot in allowed


@functools.cache
def triggers() -> tuple[Trigger, ...]:
    """Every trigger entry in file order, variants (British/American) included."""
    f = TRIGGERS_FILE
    raw = _read_yaml(f)
    header = _header()
    cats = plover()
    for key in raw:
        if key not in _TRIGGER_HEADER_KEYS and key not in EVENT_TYPES:
            raise _fail(
                f,
                f"top-level key {key!r}",
                "neither a PLOVER category nor one of " + ", ".join(sorted(_TRIGGER_HEADER_KEYS)),
            )
    out: list[Trigger] = []
    for category in EVENT_TYPES:
        entries = raw.get(category)
        if not isinstance(entries, list) or not entries:
            raise _fail(f, f"category {category}", "must be a non-empty list of entries")
        for i, entry in enumerate(entries):
            out.extend(_parse_trigger(f, category, i, entry, header, cats[category]))
    lemmas = {t.lemma for t in out}
    for wrong, right in header.lemma_alias.items():
        if right not in lemmas:
            raise _fail(
                f, f"lemma_alias {wrong!r}", f"points to {right!r}, which is no trigger lemma"
            )
    return tuple(out)


def _parse_trigger(
    f: str, category: str, i: int, entry: Any, header: _Header, cat: PloverCategory
) -> list[Trigger]:
    where = f"{category} entry #{i + 1}"
    if not isinstance(entry, dict):
        raise _fail(f, where, "must be a mapping")
    lemma = entry.get("lemma")
    if not isinstance(lemma, str) or not _WORD.match(lemma):
        raise _fail(f, where, f"lemma must be a single lower-case word, got {lemma!r}")
    where = f"{category} entry #{i + 1} ({lemma!r})"
    extra = set(entry) - _TRIGGER_FIELDS
    if extra:
        raise _fail(f, where, f"unknown field(s) {sorted(extra)}")
    pos = entry.get("pos")
    if pos not in TRIGGER_POS:
        raise _fail(f, where, f"pos must be one of {', '.join(TRIGGER_POS)}, got {pos!r}")

    def words(field: str, multiword: bool) -> tuple[str, ...] | None:
        if field not in entry:
            return None
        return _expand(
            f, where, _word_list(f, where, entry[field], field, multiword=multiword), header
        )

    obj = words("object", True)
    block = words("block", False)
    compound = words("compound", False)
    subject = words("subject", False)
    if subject is not None and (pos != "VERB" or any(" " in w for w in subject)):
        raise _fail(f, where, "subject is for VERB entries, and its items must be single lemmas")
    if block is not None and any(" " in b for b in block):
        raise _fail(
            f, where, "block items must be single lemmas (a set it uses has a multi-word item)"
        )
    if compound is not None and any(" " in c for c in compound):
        raise _fail(
            f, where, "compound items must be single lemmas (a set it uses has a multi-word item)"
        )
    particle = entry.get("particle")
    if particle is not None and (not isinstance(particle, str) or not _WORD.match(particle)):
        raise _fail(f, where, f"particle must be a single lower-case word, got {particle!r}")
    target = (
        _slots(f, where, entry["target"], "target") if "target" in entry else DEFAULT_TARGET[pos]
    )
    source = (
        _slots(f, where, entry["source"], "source") if "source" in entry else DEFAULT_SOURCE[pos]
    )
    mode = entry.get("mode")
    if mode is not None and mode not in cat.mode_names:
        raise _fail(
            f,
            where,
            f"mode {mode!r} is not a mode of {category} in {PLOVER_FILE} (modes: {', '.join(sorted(cat.mode_names))})",
        )
    intensity = entry.get("intensity")
    if intensity is not None:
        intensity = _number(f, where, intensity, "intensity")
    flags = {}
    for flag, default in (("passive_ok", True), ("require_target", False),
                          ("transitive", False)):
        value = entry.get(flag, default)
        if not isinstance(value, bool):
            raise _fail(f, where, f"{flag} must be true or false, got {value!r}")
        flags[flag] = value
    if flags["require_target"] and not target:
        raise _fail(f, where, "require_target needs at least one target slot")
    if flags["transitive"] and (pos != "VERB" or obj is not None):
        raise _fail(f, where, "transitive is for VERB entries without an object list")
    trig = Trigger(
        category=category,
        lemma=lemma,
        pos=pos,
        object=obj,
        particle=particle,
        target=target,
        source=source,
        mode=mode,
        intensity=intensity,
        block=block,
        compound=compound,
        subject=subject,
        **flags,
    )
    variant = header.spelling.get(lemma)
    return [trig] if variant is None else [trig, replace(trig, lemma=variant)]


@functools.cache
def triggers_by_lemma() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Entries keyed by (lemma, pos), most specific first, ties in file order.

    Lemmas that en_core_web_sm produces by mistake (``lemma_alias`` in the YAML, e.g.
    "stag" for "staged") are keys too, mapping to the intended lemma's entries.
    """
    order = {id(t): n for n, t in enumerate(triggers())}
    index: dict[tuple[str, str], list[Trigger]] = {}
    for t in triggers():
        index.setdefault((t.lemma, t.pos), []).append(t)
    for wrong, right in _header().lemma_alias.items():
        for pos in TRIGGER_POS:
            if (right, pos) in index:
                merged = index.setdefault((wrong, pos), [])
                merged.extend(t for t in index[(right, pos)] if t not in merged)
    return {
        key: tuple(sorted(ts, key=lambda t: (-t.specificity, order[id(t)])))
        for key, ts in index.items()
    }


# --------------------------------------------------------------------------- surface forms

_VOWELS = "aeiou"


def inflections(lemma: str) -> frozenset[str]:
    """Regular inflected forms of ``lemma`` as verb and as noun (a deliberate superset).

    -s/-es/-ies, -ed/-d/-ied, -ing (with e-dropping, ie->ying), doubled final consonant,
    -c -> -cked, and for -ize/-ise/-yze/-yse lemmas the forms of the other spelling.
    Irregular forms come from the ``irregular`` table of triggers.yaml (see
    :func:`trigger_surface_forms`).
    """
    w = lemma.lower()
    forms = set(_regular_forms(w))
    for a, b in (("ize", "ise"), ("ise", "ize"), ("yze", "yse"), ("yse", "yze")):
        if w.endswith(a):
            forms |= _regular_forms(w[: -len(a)] + b)
    return frozenset(forms)


def _regular_forms(w: str) -> set[str]:
    forms = {w}
    # -s forms (3sg verb, plural noun)
    if re.search(r"(s|x|z|ch|sh)$", w):
        forms.add(w + "es")
    elif re.search(r"[^aeiou]y$", w):
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if w.endswith("o"):
        forms.add(w + "es")
    if w.endswith("fe"):
        forms.add(w[:-2] + "ves")
    elif w.endswith("f"):
        forms.add(w[:-1] + "ves")
    # -ed / -ing
    if w.endswith("ee"):
        forms |= {w + "d", w + "ing"}
    elif w.endswith("ie"):
        forms |= {w + "d", w[:-2] + "ying"}
    elif w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing", w + "ing"}
    elif re.search(r"[^aeiou]y$", w):
        forms |= {w[:-1] + "ied", w + "ing"}
    elif w.endswith("c"):
        forms |= {w + "ed", w + "ing", w + "ked", w + "king"}
    else:
        forms |= {w + "ed", w + "ing"}
        if len(w) >= 2 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


@functools.cache
def _surface_index() -> dict[str, frozenset[str]]:
    header = _header()
    lemmas = {t.lemma for t in triggers()} | set(header.lemma_alias)
    index: dict[str, set[str]] = {}
    for lemma in lemmas:
        target = header.lemma_alias.get(lemma, lemma)
        forms = set(inflections(lemma)) | set(header.irregular.get(lemma, ()))
        for form in forms:
            index.setdefault(form, set()).add(target)
    return {form: frozenset(ls) for form, ls in index.items()}


@functools.cache
def trigger_surface_forms() -> frozenset[str]:
    """Lower-case word forms that can realise any trigger lemma (for a fast prefilter).

    A superset: every token whose lemma (lower-cased) is a trigger lemma or a known
    lemmatiser alias has its lower-cased text in this set.
    """
    return frozenset(_surface_index())


def lemmas_for_surface(form: str) -> frozenset[str]:
    """Trigger lemmas a lower-cased word form can realise (empty if none).

    Useful when the tagger mislabels a participle as ADJ and keeps the surface form as
    its lemma ("lambasted", "flogged"), or mis-lemmatises it.
    """
    return _surface_index().get(form.lower(), frozenset())


# --------------------------------------------------------------------------- cues.yaml

_CUE_SETS = (
    "negation", "negation_verbs", "denial_verbs", "allegation", "hypothetical", "predicted",
    "epistemic_hedge", "future_markers",
)  # fmt: skip
_CUE_MODALITIES = frozenset({"hypothetical", "predicted", "negative"})


def _phrases(file: str, section: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _fail(file, f"section {section}", "must be a non-empty list")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip() or item != item.lower():
            raise _fail(
                file, f"section {section}", f"item {item!r} must be a non-empty lower-case string"
            )
        out.append(" ".join(item.split()))
    if len(set(out)) != len(out):
        dup = next(x for x in out if out.count(x) > 1)
        raise _fail(file, f"section {section}", f"item {dup!r} is listed twice")
    return tuple(out)


@functools.cache
def cues() -> Cues:
    """The modality, polarity and attribution cues."""
    f = CUES_FILE
    raw = _read_yaml(f)
    if not isinstance(raw, dict):
        raise _fail(f, "top level", "must be a mapping of section -> items")
    known = set(_CUE_SETS) | {
        "report_verbs",
        "according_to",
        "complement_modality",
        "threat_conditionals",
        "enacting_decisions",
    }
    extra = set(raw) - known
    if extra:
        raise _fail(
            f,
            f"section {sorted(extra)[0]!r}",
            f"unknown section (known: {', '.join(sorted(known))})",
        )
    missing = known - set(raw)
    if missing:
        raise _fail(f, "top level", f"missing section(s): {', '.join(sorted(missing))}")
    sets = {name: frozenset(_phrases(f, name, raw[name])) for name in _CUE_SETS}

    report = raw["report_verbs"]
    if not isinstance(report, dict) or not report:
        raise _fail(f, "section report_verbs", "must be a non-empty mapping lemma -> true/false")
    for lemma, factive in report.items():
        if not isinstance(lemma, str) or not _WORD.match(lemma) or not isinstance(factive, bool):
            raise _fail(
                f, f"report_verbs {lemma!r}", "must map a lower-case lemma to true or false"
            )

    comp = raw["complement_modality"]
    if not isinstance(comp, dict) or not comp:
        raise _fail(f, "section complement_modality", "must be a non-empty mapping")
    for lemma, modality in comp.items():
        if not isinstance(lemma, str) or not _WORD.match(lemma) or modality not in _CUE_MODALITIES:
            raise _fail(
                f,
                f"complement_modality {lemma!r}",
                f"must map a lower-case lemma to one of {', '.join(sorted(_CUE_MODALITIES))}, got {modality!r}",
            )

    for a, b in (
        ("hypothetical", "predicted"),
        ("negation", "hypothetical"),
        ("negation", "predicted"),
    ):
        both = sets[a] & sets[b]
        if both:
            raise _fail(f, f"sections {a} and {b}", f"must be disjoint; both list {sorted(both)}")
    decisions = raw["enacting_decisions"]
    if not isinstance(decisions, dict) or set(decisions) != {"verbs", "acts"}:
        raise _fail(f, "section enacting_decisions", "must be a mapping with exactly verbs and acts")
    acts = decisions["acts"]
    if not isinstance(acts, list) or not acts:
        raise _fail(f, "section enacting_decisions", "acts must be a non-empty list")
    cats = plover()
    for act in acts:
        code, _, mode = str(act).partition("/")
        if code not in cats or (mode and mode not in cats[code].mode_names):
            raise _fail(f, f"enacting_decisions act {act!r}",
                        "must be a PLOVER category or CATEGORY/mode known to plover.yaml")
    return Cues(
        decision_verbs=frozenset(_phrases(f, "enacting_decisions verbs", decisions["verbs"])),
        enacted_by_decision=frozenset(str(a) for a in acts),
        report_verbs=MappingProxyType(dict(report)),
        according_to=_phrases(f, "according_to", raw["according_to"]),
        complement_modality=MappingProxyType(dict(comp)),
        threat_conditionals=_phrases(f, "threat_conditionals", raw["threat_conditionals"]),
        **sets,
    )
