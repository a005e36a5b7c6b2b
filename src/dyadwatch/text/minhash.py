"""MinHash signatures and LSH band keys for near-duplicate detection (datasketch)."""

from __future__ import annotations

import re
import zlib
from functools import cached_property, lru_cache

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+")
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=100_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """32-bit hashes of the lower-cased text's word n-grams (a text shorter than n words is one n-gram)."""
    words = np.fromiter((_word_hash(w) for w in _WORD.findall(text.lower())), dtype=np.uint64)
    if len(words) == 0:
        return words.astype(np.uint32)
    width = min(size, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            combined = combined * _SHINGLE_MULTIPLIER + words[offset:offset + count]
    return ((combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class MinHasher:
    """Signatures of a fixed size and seed, cut into `bands` LSH bands."""

    def __init__(self, num_perm: int = 128, bands: int = 32, seed: int = 1) -> None:
        if num_perm % bands:
            raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
        self.num_perm = num_perm
        self.bands = bands
        self.seed = seed

    @cached_property
    def _template(self) -> MinHash:
        return MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=int)

    def signature(self, text: str, shingle_words: int) -> np.ndarray | None:
        """The text's signature as uint32 values, or None for a text without words."""
        grams = shingle_hashes(text, shingle_words)
        if len(grams) == 0:
            return None
        template = self._template
        minhash = MinHash(
            num_perm=self.num_perm, seed=self.seed, hashfunc=int,
            permutations=template.permutations, scheme=template.scheme,
        )
        minhash.update_batch(grams.tolist())
        return minhash.hashvalues.astype(np.uint32)

    @cached_property
    def _band_multipliers(self) -> tuple[np.ndarray, np.ndarray]:
        """Fixed odd 64-bit multipliers per signature row and a salt per band."""
        rng = np.random.default_rng(self.seed)
        rows = self.num_perm // self.bands
        multipliers = rng.integers(1, 2**63, size=(self.bands, rows), dtype=np.uint64) | np.uint64(1)
        salts = rng.integers(0, 2**63, size=self.bands, dtype=np.uint64)
        return multipliers, salts

    def band_keys(self, signature: np.ndarray) -> list[int]:
        """One signed 64-bit key per band: a multiply-add hash of the band's rows, salted by band."""
        multipliers, salts = self._band_multipliers
        bands = signature.astype(np.uint64).reshape(self.bands, -1)
        with np.errstate(over="ignore"):
            keys = (bands * multipliers).sum(axis=1, dtype=np.uint64) + salts
        return keys.view(np.int64).tolist()
