"""MinHash signatures and LSH band keys for near-duplicate detection (datasketch)."""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import cached_property

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> list[bytes]:
    """Word n-grams of the lower-cased text; a text shorter than n words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


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
        return MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=zlib.crc32)

    def signature(self, text: str, shingle_words: int) -> np.ndarray | None:
        """The text's signature as uint32 values, or None for a text without words."""
        grams = shingles(text, shingle_words)
        if not grams:
            return None
        template = self._template
        minhash = MinHash(
            num_perm=self.num_perm, seed=self.seed, hashfunc=zlib.crc32,
            permutations=template.permutations, scheme=template.scheme,
        )
        minhash.update_batch(grams)
        return minhash.hashvalues.astype(np.uint32)

    def band_keys(self, signature: np.ndarray) -> list[int]:
        """One signed 64-bit key per band; the band number is part of the key."""
        rows = self.num_perm // self.bands
        keys = []
        for band in range(self.bands):
            digest = hashlib.blake2b(
                signature[band * rows:(band + 1) * rows].tobytes(), digest_size=8, salt=band.to_bytes(16, "little")
            ).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys
