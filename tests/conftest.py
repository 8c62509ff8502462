import pytest

from libyalib.corpus import load_corpus
from libyalib.paths import SEEDS


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles, loaded once for the whole test run."""
    return load_corpus(SEEDS)
