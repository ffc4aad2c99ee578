"""What every layer shares: settings, the error tree and the OpenAI client setup."""

from core.errors import NewsdeskError
from core.settings import Settings

__all__ = ["NewsdeskError", "Settings"]
