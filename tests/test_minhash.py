from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.text.minhash import MinHasher, shingle_hashes, similarity

STORY = ("Azerbaijan suspended the work of a Russian state news agency in Baku after police searched its office "
         "and detained two of its managers, the interior ministry said on Monday evening.")


def test_near_duplicates_score_high_and_unrelated_texts_low() -> None:
    hasher = MinHasher()
    a = hasher.signature(STORY, 3)
    b = hasher.signature(STORY.replace("Monday evening", "Monday") + " Moscow called the move hostile.", 3)
    c = hasher.signature("Turkey and Iran discussed gas transit through the South Caucasus at talks in Ankara.", 3)
    assert similarity(a, b) >= 0.5
    assert similarity(a, c) < 0.1


def test_signatures_and_band_keys_are_stable_across_instances() -> None:
    one, two = MinHasher(), MinHasher()
    assert np.array_equal(one.signature(STORY, 3), two.signature(STORY, 3))
    assert one.band_keys(one.signature(STORY, 3)) == two.band_keys(two.signature(STORY, 3))


def test_equal_bands_give_equal_keys_and_different_bands_differ() -> None:
    hasher = MinHasher(num_perm=8, bands=2)
    sig = np.arange(8, dtype=np.uint32)
    changed = sig.copy()
    changed[7] = 99
    first, second = hasher.band_keys(sig), hasher.band_keys(changed)
    assert first[0] == second[0] and first[1] != second[1]
    assert hasher.band_keys(np.array([1, 2, 3, 4, 1, 2, 3, 4], dtype=np.uint32))[0] != \
        hasher.band_keys(np.array([1, 2, 3, 4, 1, 2, 3, 4], dtype=np.uint32))[1], "bands are salted"


def test_word_order_matters_and_case_does_not() -> None:
    assert np.array_equal(shingle_hashes("Baku Moscow Tehran", 3), shingle_hashes("baku MOSCOW tehran", 3))
    assert not np.array_equal(shingle_hashes("Baku Moscow Tehran", 3), shingle_hashes("Tehran Moscow Baku", 3))


@given(st.text())
def test_any_text_gives_a_signature_or_none(text: str) -> None:
    signature = MinHasher().signature(text, 3)
    has_words = bool(shingle_hashes(text, 3).size)
    assert (signature is not None) == has_words
    if signature is not None:
        assert signature.dtype == np.uint32 and signature.shape == (128,)
