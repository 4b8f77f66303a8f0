"""Compressed uploads are measured to their end: a gzip bomb is refused with its code, a chunk
at a time, never read into memory; a damaged archive is refused too."""

from __future__ import annotations

import gzip
import io
import tracemalloc
import zlib

import pytest
from pytest_django.fixtures import Settings

from mechelen.core.problems import Problem
from mechelen.web import uploads
from mechelen.web.statistics.datasets.upload import check_upload

MB = 1024 * 1024
ROWS = b"municipality,sex,age,count\n" + b"Mechelen,F,30,1\n" * 64


def gzip_of(size: int) -> bytes:
    """A gzip file of CSV text that decompresses to ``size`` bytes, built a block at a time."""
    block = ROWS * (MB // len(ROWS))
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    parts, left = [], size
    while left > 0:
        parts.append(packer.compress(block[:left]))
        left -= len(block[:left])
    parts.append(packer.flush())
    return b"".join(parts)


def test_a_file_within_the_limit_is_accepted() -> None:
    content = gzip_of(3 * MB)
    assert uploads.check_file("people.csv.gz", len(content), io.BytesIO(content), ["csv.gz"], 1, 4)


def test_a_gzip_bomb_is_refused_without_being_read_into_memory() -> None:
    """200 MB once decompressed, a few hundred kilobytes uploaded: the upload limit alone
    lets it through; the check stops past the decompressed limit, holding a chunk at most."""
    bomb = gzip_of(200 * MB)
    assert len(bomb) < MB
    tracemalloc.start()
    try:
        with pytest.raises(uploads.FileRefused) as refused:
            uploads.check_file("bomb.csv.gz", len(bomb), io.BytesIO(bomb), ["csv.gz"], 1, 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.problem == Problem("too_large_unpacked", {"limit": 20})
    assert peak < 8 * MB, f"the check held {peak / MB:.0f} MB"


def test_the_statistics_upload_refuses_a_bomb_with_a_coded_message(settings: Settings) -> None:
    settings.MAX_UNPACKED_MB = 2
    bomb = gzip_of(5 * MB)
    with pytest.raises(uploads.FileRefused) as refused:
        check_upload("people.csv.gz", len(bomb), io.BytesIO(bomb), limit_mb=1)
    assert refused.value.code == "upload.E008"
    assert refused.value.message() == (
        "Decompressed, the file holds more than 2 MB, the most accepted: give a smaller file."
    )


def test_a_truncated_archive_is_refused_as_damaged() -> None:
    whole = gzip.compress(ROWS * 20_000)
    cut = whole[: len(whole) // 2]
    with pytest.raises(uploads.FileRefused) as refused:
        check_upload("people.csv.gz", len(cut), io.BytesIO(cut), limit_mb=1)
    assert refused.value.code == "upload.E009"


def test_every_reason_has_its_parameters_declared() -> None:
    assert uploads.REASONS["too_large_unpacked"] == ("limit",)
    assert uploads.REASONS["damaged"] == ()


def test_an_app_words_a_refusal_under_its_own_code() -> None:
    """The shared check's reason becomes the app's code; the app's message words it."""
    shared = uploads.refusal("too_large", size=2.5, limit=1)
    refused = shared.coded({"too_large": "evidence.E001"}, {"evidence.E001": "{size} > {limit}"})
    assert refused.problem == Problem("evidence.E001", {"size": 2.5, "limit": 1})
    assert refused.code == "evidence.E001" and refused.message() == "2.5 > 1"
