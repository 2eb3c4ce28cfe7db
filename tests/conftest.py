"""pytest configuration: Hypothesis profiles (``--hypothesis-profile=NAME``).

``ci`` is what the README's test command uses on CPython and inside
Pyodide; ``thorough`` is for hunting bugs locally.
"""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("dev")
