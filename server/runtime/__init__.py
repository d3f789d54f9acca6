"""ONE query runtime for every reader (see protocol.py): embedded or remote, with the
workers, admission, time limits, the answer cache and the syntax check."""

from server.runtime.holder import KEY, RuntimeHolder, runtime
from server.runtime.jobs import (
           Answer,
           Failed,
           Job,
           Outcome,
           SyntaxProblem,
           TooLarge,
           Unavailable,
           Why,
)
from server.runtime.protocol import QueryRuntime, ReleaseInfo, ServeOptions

__all__ = ["KEY", "Answer", "Failed", "Job", "Outcome", "QueryRuntime", "ReleaseInfo",
           "RuntimeHolder", "ServeOptions", "SyntaxProblem", "TooLarge", "Unavailable",
           "Why", "runtime"]
