"""DutyGraph: a knowledge graph of legal duties in Chinese regulations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dutygraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
