"""Reading time: the one place it is computed."""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"[\w’'-]+")


def count_words(*texts):
    """Words in plain text or HTML (tags are ignored)."""
    return sum(len(_WORD.findall(strip_tags(str(text or "")))) for text in texts)


def reading_time(*texts):
    """Minutes to read, at about 230 words a minute, rounded up, never less than 1."""
    return max(1, math.ceil(count_words(*texts) / WORDS_PER_MINUTE))
