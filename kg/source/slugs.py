"""Readable, stable slugs from titles: 广东省家政服务条例 → guangdongsheng-jiazheng-fuwu-tiaoli.

The title is cut into words by jieba's dictionary alone (HMM=False, so the cut does not
depend on a statistical model's guesses), each word is written in toneless pinyin
(pypinyin), and the words are joined by '-'. Only lowercase ASCII letters and digits
survive: punctuation such as 《》 disappears. jieba loads its bundled dictionary; it
never downloads anything, and its log is silenced so the library prints nothing.
"""

from __future__ import annotations

import hashlib
import logging
import re
from functools import cache

from kg.config import SLUG_LENGTH

NOT_SLUG = re.compile(r"[^a-z0-9]+")


@cache
def tokenizer():
    """jieba's tokenizer with its bundled dictionary, loaded once and quietly."""
    import jieba  # imported here: loading its dictionary takes a moment

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def words(title: str) -> list[str]:
    """The title cut into dictionary words (jieba, HMM=False)."""
    return [w for w in tokenizer().lcut(title, HMM=False) if w.strip()]


def slug_for(title: str) -> str:
    """Pinyin of the title's words, joined by '-': lowercase ASCII letters and digits.
    A title too long for an id (北京市各级人民代表大会常务委员会听取和审议…办法: 148 letters)
    keeps its first words and ends in a digest of the whole slug, so it stays readable,
    stable and distinct from other titles that start the same way."""
    from pypinyin import lazy_pinyin

    parts = [NOT_SLUG.sub("", "".join(lazy_pinyin(word)).lower()) for word in words(title)]
    slug = "-".join(part for part in parts if part)
    if not slug:
        raise ValueError(f"no letters or digits to make a slug of: {title!r}")
    if len(slug) <= SLUG_LENGTH:
        return slug
    tail = "-" + hashlib.sha256(slug.encode()).hexdigest()[:8]  # the same for the same words
    head = slug[: SLUG_LENGTH - len(tail) + 1].rsplit("-", 1)[0]  # whole words only
    return head[: SLUG_LENGTH - len(tail)] + tail
